import "server-only";
import type { SimError } from "../errors";
import type { TResponse } from "./rest-json";

/** STS's namespace, the default; other awsQuery services (RDS) pass their own. */
const NS = "https://sts.amazonaws.com/doc/2011-06-15/";

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** A list rendered as repeated `<member>` elements inside its wrapper (awsQuery's non-flattened lists). */
export class XmlList {
  constructor(readonly member: string, readonly items: readonly unknown[]) {}
}

function render(key: string, v: unknown): string {
  if (v instanceof XmlList) return `<${key}>${v.items.map((item) => render(v.member, item)).join("")}</${key}>`;
  if (typeof v === "object" && v !== null) return `<${key}>${toXml(v as Record<string, unknown>)}</${key}>`;
  return `<${key}>${escapeXml(String(v))}</${key}>`;
}

/** Renders a flat or nested object as XML elements (values escaped; XmlList values as lists; undefined skipped). */
export function toXml(value: Record<string, unknown>): string {
  return Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => render(k, v))
    .join("");
}

export function queryResponse(action: string, result: Record<string, unknown>, requestId: string, ns = NS): TResponse {
  const body = `<${action}Response xmlns="${ns}"><${action}Result>${toXml(result)}</${action}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
  return { status: 200, headers: { "content-type": "text/xml" }, body };
}

export function queryError(error: SimError, requestId: string, ns = NS): TResponse {
  const type = error.status >= 500 ? "Receiver" : "Sender";
  const body = `<ErrorResponse xmlns="${ns}"><Error><Type>${type}</Type><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
  return { status: error.status, headers: { "content-type": "text/xml" }, body };
}
