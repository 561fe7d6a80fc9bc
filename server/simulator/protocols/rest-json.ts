import "server-only";
import type { SimError } from "../errors";

export type TResponse = { status: number; headers: Record<string, string>; body: string };

export function json(body: unknown, status = 200, contentType = "application/json"): TResponse {
  return { status, headers: { "content-type": contentType }, body: JSON.stringify(body) };
}

/**
 * REST-JSON errors: the code in `x-amzn-ErrorType` and the body. Security Hub's error shapes have
 * `Code` and `Message` members; GuardDuty's have `message` and `__type` (jsonName `type`).
 */
export function restJsonError(error: SimError, style: "securityhub" | "guardduty"): TResponse {
  const body = style === "securityhub"
    ? { Code: error.code, Message: error.message, ...error.extra }
    : { __type: error.code, message: error.message, type: error.code, ...error.extra };
  return { status: error.status, headers: { "content-type": "application/json", "x-amzn-errortype": `${error.code}:http://internal.amazon.com/coral/com.amazonaws.${style}/` }, body: JSON.stringify(body) };
}
