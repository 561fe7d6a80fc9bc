import "server-only";
import type { SimError } from "../errors";
import { escapeXml, toXml } from "./aws-query";
import type { TResponse } from "./rest-json";

// The EC2 query protocol: a form-encoded POST (Action, Version, parameters); the XML response has no
// <…Result> wrapper (members sit directly under <ActionResponse>, with a lower-case <requestId>), and
// errors come as <Response><Errors><Error>…</Error></Errors><RequestID>…</RequestID></Response>.

const NS = "http://ec2.amazonaws.com/doc/2016-11-15/";

/** The action of an EC2 query request, or null when the body is not one. */
export function ec2Action(body: string): { action: string; params: URLSearchParams } | null {
  const params = new URLSearchParams(body);
  const action = params.get("Action");
  return action ? { action, params } : null;
}

export function ec2Response(action: string, members: Record<string, unknown>, requestId: string): TResponse {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${NS}"><requestId>${requestId}</requestId>${toXml(members)}</${action}Response>`;
  return { status: 200, headers: { "content-type": "text/xml;charset=UTF-8" }, body };
}

export function ec2Error(error: SimError, requestId: string): TResponse {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`;
  return { status: error.status, headers: { "content-type": "text/xml;charset=UTF-8" }, body };
}
