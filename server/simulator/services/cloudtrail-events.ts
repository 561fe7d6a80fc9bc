import "server-only";
import { SimError } from "../errors";
import type { SimRuntime, TRequest } from "../runtime";

/** LookupEvents (the timeline, issue 6): not simulated yet. */
export function lookupEvents(req: TRequest, rt: SimRuntime): unknown {
  void req;
  void rt;
  throw new SimError(400, "UnsupportedOperationException", "The simulator does not implement LookupEvents yet.");
}
