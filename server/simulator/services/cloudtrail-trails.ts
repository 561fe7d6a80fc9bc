import "server-only";
import { SimError } from "../errors";
import type { SimRuntime, TRequest } from "../runtime";

/** The trail-configuration operations the simulator answers (the account baseline, issue 5). */
export const TRAIL_OPERATIONS = new Set<string>([]);

export function trailOperation(operation: string, req: TRequest, rt: SimRuntime): unknown {
  void req;
  void rt;
  throw new SimError(400, "UnsupportedOperationException", `The simulator does not implement ${operation} yet.`);
}
