import "server-only";
import { inventoryOf, type TLambdaFunction } from "../data/inventory";
import { SimError } from "../errors";
import { pageAt, pageSize, serviceJsonError } from "../protocols/inventory-services";
import { json } from "../protocols/rest-json";
import type { SimRuntime, TRequest, TService } from "../runtime";

// Lambda (REST-JSON): ListFunctions for the EOL inventory. Like every per-account service, a caller sees
// its own account and region (the administrator's base credentials: the administrator account).

const LIST_FUNCTIONS = /^\/2015-03-31\/functions\/?$/;
/** ListFunctions returns at most 50 functions per page whatever MaxItems asks for. */
const PAGE_MAX = 50;

/** Lambda's timestamp format: "2026-10-05T08:01:02.123+0000". */
function lambdaTime(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+0000");
}

function revisionId(f: TLambdaFunction): string {
  const h = Buffer.from(f.codeSha256, "base64").toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function functionShape(f: TLambdaFunction) {
  return {
    FunctionName: f.name, FunctionArn: f.arn, Runtime: f.runtime ?? undefined, Role: f.role, Handler: f.handler ?? undefined,
    CodeSize: f.codeSize, Description: f.description, Timeout: f.timeoutS, MemorySize: f.memoryMb, LastModified: lambdaTime(f.lastModified),
    CodeSha256: f.codeSha256, Version: "$LATEST", TracingConfig: { Mode: "PassThrough" }, RevisionId: revisionId(f),
    PackageType: f.packageType, Architectures: [f.architecture], EphemeralStorage: { Size: 512 },
    LoggingConfig: { LogFormat: "Text", LogGroup: `/aws/lambda/${f.name}` },
  };
}

function listFunctions(req: TRequest, rt: SimRuntime) {
  const account = req.caller.account;
  const region = rt.regionIndex(req.caller.region);
  const version = req.query.get("FunctionVersion");
  if (version !== null && version !== "ALL") throw new SimError(400, "InvalidParameterValueException", `Invalid value for FunctionVersion: ${version}. Valid value: ALL`);
  const max = pageSize(req.query.get("MaxItems"), { min: 1, max: 10_000, fallback: PAGE_MAX, member: "maxItems" }, (m) => new SimError(400, "ValidationException", m));
  const functions = region < 0 ? [] : inventoryOf(rt.data, account, region).functions;
  const page = pageAt(functions, Math.min(max, PAGE_MAX), req.query.get("Marker"), `lambda:${account.index}:${region}`, () => new SimError(400, "InvalidParameterValueException", "Invalid Marker: the marker is not valid for this request"));
  return { Functions: page.items.map(functionShape), NextMarker: page.next };
}

export const lambda: TService = {
  label: "Lambda",
  operation: (req) => (req.method === "GET" && LIST_FUNCTIONS.test(req.path) ? "ListFunctions" : null),
  handle: (operation, req, rt) => {
    if (operation === "ListFunctions") return json(listFunctions(req, rt));
    throw new SimError(400, "InvalidParameterValueException", `The simulator does not implement Lambda ${operation}`);
  },
  encodeError: (error) => serviceJsonError(error, "lambda"),
};
