import "server-only";
import type { TService } from "../runtime";

/** RDS in the simulator: no operation implemented yet (every call answers UnknownOperationException). */
export const rds: TService = {
  label: "RDS",
  operation: () => null,
  handle: () => {
    throw new Error("unreachable: no RDS operation is implemented");
  },
};
