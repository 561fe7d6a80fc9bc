import "server-only";
import { SimError } from "../errors";
import type { TResponse } from "./rest-json";

// Shared by the inventory services (Lambda, RDS, EKS, SSM GetInventory): opaque page tokens, and the
// REST-JSON error shape of Lambda and EKS (code in `x-amzn-ErrorType`, lower-case `message` in the body).

/** A page of `items` from an opaque token bound to `scope` (operation, caller and query), or `invalid` when the token is not ours. */
export function pageAt<T>(items: readonly T[], size: number, token: string | null | undefined, scope: string, invalid: () => SimError): { items: T[]; next?: string } {
  let offset = 0;
  if (token) {
    const [tokenScope, value] = Buffer.from(token, "base64url").toString().split("|");
    offset = Number(value);
    if (tokenScope !== scope || !Number.isInteger(offset) || offset < 0 || offset > items.length) throw invalid();
  }
  const end = offset + size;
  return { items: items.slice(offset, end), ...(end < items.length ? { next: Buffer.from(`${scope}|${end}`).toString("base64url") } : {}) };
}

/** An integer page size in [min, max] from a query value (absent = fallback), or the service's validation error. */
export function pageSize(raw: string | number | null | undefined, limits: { min: number; max: number; fallback: number; member: string }, error: (message: string) => SimError): number {
  if (raw === null || raw === undefined || raw === "") return limits.fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < limits.min || value > limits.max) {
    throw error(`1 validation error detected: Value '${String(raw)}' at '${limits.member}' failed to satisfy constraint: Member must have value ${value < limits.min || !Number.isFinite(value) ? `greater than or equal to ${limits.min}` : `less than or equal to ${limits.max}`}`);
  }
  return value;
}

/** Lambda / EKS error: `{"Type": "User", "message": …}` (Lambda) or `{"message": …}` (EKS), code in the header. */
export function serviceJsonError(error: SimError, style: "lambda" | "eks"): TResponse {
  const body = style === "lambda"
    ? { Type: error.status >= 500 ? "Service" : "User", message: error.message, ...error.extra }
    : { message: error.message, ...error.extra };
  return { status: error.status, headers: { "content-type": "application/json", "x-amzn-errortype": error.code }, body: JSON.stringify(body) };
}
