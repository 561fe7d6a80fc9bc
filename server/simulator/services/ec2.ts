import "server-only";
import type { TService } from "../runtime";

/** EC2 in the simulator: no operation implemented yet (every call answers UnknownOperationException). */
export const ec2: TService = {
  label: "EC2",
  operation: () => null,
  handle: () => {
    throw new Error("unreachable: no EC2 operation is implemented");
  },
};
