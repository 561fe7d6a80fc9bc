import "server-only";
import type { SimError } from "../errors";
import type { TResponse } from "./rest-json";

const NS = "https://sts.amazonaws.com/doc/2011-06-15/";

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** Renders a flat or nested object as XML elements (values escaped). */
export function toXml(value: Record<string, unknown>): string {
  return Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<${k}>${typeof v === "object" && v !== null ? toXml(v as Record<string, unknown>) : escapeXml(String(v))}</${k}>`)
    .join("");
}

export function queryResponse(action: string, result: Record<string, unknown>, requestId: string): TResponse {
  const body = `<${action}Response xmlns="${NS}"><${action}Result>${toXml(result)}</${action}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
  return { status: 200, headers: { "content-type": "text/xml" }, body };
}

export function queryError(error: SimError, requestId: string): TResponse {
  const type = error.status >= 500 ? "Receiver" : "Sender";
  const body = `<ErrorResponse xmlns="${NS}"><Error><Type>${type}</Type><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
  return { status: error.status, headers: { "content-type": "text/xml" }, body };
}
