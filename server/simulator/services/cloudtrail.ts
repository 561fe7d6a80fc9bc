import "server-only";
import type { TService } from "../runtime";

/** CloudTrail in the simulator: no operation implemented yet (every call answers UnknownOperationException). */
export const cloudTrail: TService = {
  label: "CloudTrail",
  operation: () => null,
  handle: () => {
    throw new Error("unreachable: no CloudTrail operation is implemented");
  },
};
