import "server-only";
import type { TService } from "../runtime";

/** Config in the simulator: no operation implemented yet (every call answers UnknownOperationException). */
export const config: TService = {
  label: "Config",
  operation: () => null,
  handle: () => {
    throw new Error("unreachable: no Config operation is implemented");
  },
};
