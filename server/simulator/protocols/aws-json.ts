import "server-only";
import type { SimError } from "../errors";
import { json, type TResponse } from "./rest-json";

const CONTENT_TYPE = "application/x-amz-json-1.1";

export function awsJson(body: unknown): TResponse {
  return json(body, 200, CONTENT_TYPE);
}

/** awsJson1_1 errors: `__type` in the body (and the same code in `x-amzn-ErrorType`). */
export function awsJsonError(error: SimError): TResponse {
  return {
    status: error.status,
    headers: { "content-type": CONTENT_TYPE, "x-amzn-errortype": error.code },
    body: JSON.stringify({ __type: error.code, Message: error.message, ...error.extra }),
  };
}
