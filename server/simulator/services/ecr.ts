import "server-only";
import type { TService } from "../runtime";

/** ECR in the simulator: no operation implemented yet (every call answers UnknownOperationException). */
export const ecr: TService = {
  label: "ECR",
  operation: () => null,
  handle: () => {
    throw new Error("unreachable: no ECR operation is implemented");
  },
};
