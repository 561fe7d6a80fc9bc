import "server-only";
import type { TService } from "../runtime";

/** EKS in the simulator: no operation implemented yet (every call answers UnknownOperationException). */
export const eks: TService = {
  label: "EKS",
  operation: () => null,
  handle: () => {
    throw new Error("unreachable: no EKS operation is implemented");
  },
};
