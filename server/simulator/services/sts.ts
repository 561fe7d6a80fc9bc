import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { sessionAccessKeyId } from "../auth";
import { SimError } from "../errors";
import { queryResponse } from "../protocols/aws-query";
import type { SimRuntime, TRequest, TService } from "../runtime";

function form(req: TRequest): URLSearchParams {
  return new URLSearchParams(req.body);
}

function assumeRole(req: TRequest, rt: SimRuntime) {
  const params = form(req);
  const roleArn = params.get("RoleArn") ?? "";
  const sessionName = params.get("RoleSessionName") ?? "";
  const match = /^arn:aws:iam::(\d{12}):role\/(?:.+\/)?([\w+=,.@-]+)$/.exec(roleArn);
  if (!sessionName || !/^[\w+=,.@-]{2,64}$/.test(sessionName)) throw new SimError(400, "ValidationError", "RoleSessionName must be 2 to 64 characters [\\w+=,.@-]");
  const account = match ? rt.data.org.accounts.find((a) => a.id === match[1]) : undefined;
  if (!match || !account || rt.faults.deniedAccounts.includes(account.id) || account.status === "SUSPENDED") {
    throw new SimError(403, "AccessDenied", `User: ${req.caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
  }
  const duration = Number(params.get("DurationSeconds") ?? 3600);
  if (!Number.isInteger(duration) || duration < 900 || duration > 43_200) throw new SimError(400, "ValidationError", "DurationSeconds must be between 900 and 43200");
  const roleName = match[2] as string;
  const roleId = `AROA${randomBytes(8).toString("hex").toUpperCase()}`;
  return {
    Credentials: {
      AccessKeyId: sessionAccessKeyId(account.id, ++rt.sessionCounter),
      SecretAccessKey: randomBytes(30).toString("base64"),
      SessionToken: randomBytes(96).toString("base64"),
      Expiration: new Date(Date.now() + duration * 1000).toISOString(),
    },
    AssumedRoleUser: { AssumedRoleId: `${roleId}:${sessionName}`, Arn: `arn:aws:sts::${account.id}:assumed-role/${roleName}/${sessionName}` },
  };
}

export const sts: TService = {
  label: "STS",
  operation: (req) => (req.method === "POST" ? form(req).get("Action") : new URLSearchParams(req.query).get("Action")),
  handle(operation, req, rt) {
    const requestId = randomUUID();
    switch (operation) {
      case "AssumeRole": return queryResponse("AssumeRole", assumeRole(req, rt), requestId);
      case "GetCallerIdentity": {
        const c = req.caller;
        return queryResponse("GetCallerIdentity", { UserId: c.assumed ? `AROA${c.accessKeyId.slice(4, 20)}:kanshi` : `AIDA${c.accessKeyId.slice(-16).toUpperCase()}`, Account: c.account.id, Arn: c.arn }, requestId);
      }
      default: throw new SimError(400, "InvalidAction", `The simulator does not implement STS ${operation}`);
    }
  },
};
