import "server-only";
import type { TService } from "../runtime";

/** Lambda in the simulator: no operation implemented yet (every call answers UnknownOperationException). */
export const lambda: TService = {
  label: "Lambda",
  operation: () => null,
  handle: () => {
    throw new Error("unreachable: no Lambda operation is implemented");
  },
};
