import "server-only";
import { randomUUID } from "node:crypto";
import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { callerOf } from "./auth";
import { accessDenied, internalError, SimError, throttleError, type TServiceName } from "./errors";
import { injectedFault } from "./faults";
import { hash } from "./data/random";
import { awsJsonError } from "./protocols/aws-json";
import { queryError } from "./protocols/aws-query";
import { json, restJsonError, type TResponse } from "./protocols/rest-json";
import type { SimRuntime, TRequest, TService } from "./runtime";
import { handleAdmin } from "./services/admin";
import { guardDuty } from "./services/guardduty";
import { organizations } from "./services/organizations";
import { securityHub } from "./services/securityhub";
import { ssm } from "./services/ssm";
import { sts } from "./services/sts";
import { cloudTrail } from "./services/cloudtrail";
import { config } from "./services/config";
import { ec2 } from "./services/ec2";
import { ecr } from "./services/ecr";
import { eks } from "./services/eks";
import { lambda } from "./services/lambda";
import { rds } from "./services/rds";

const SERVICES: Record<TServiceName, TService> = {
  securityhub: securityHub, guardduty: guardDuty, organizations, sts, ssm,
  lambda, rds, eks, cloudtrail: cloudTrail, config, ecr, ec2,
};

function encodeError(service: TServiceName | null, error: SimError, requestId: string): TResponse {
  const own = service ? SERVICES[service].encodeError : undefined;
  if (own) return own(error, requestId);
  if (service === "sts") return queryError(error, requestId);
  if (service === "organizations" || service === "ssm") return awsJsonError(error);
  return restJsonError(error, service === "guardduty" ? "guardduty" : "securityhub");
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** One API call: route, count, then faults in the order AWS would meet them, then the operation. */
async function dispatch(rt: SimRuntime, raw: http.IncomingMessage, body: string, url: URL, requestId: string): Promise<TResponse> {
  const caller = callerOf(raw.headers.authorization, rt.data.org);
  if (!caller) throw new SimError(403, "MissingAuthenticationTokenException", "Missing Authentication Token");
  const service = SERVICES[caller.service];
  const req: TRequest = { method: raw.method ?? "GET", path: url.pathname, query: url.searchParams, headers: raw.headers, body, caller, requestId };
  const operation = service.operation(req);
  if (!operation) throw new SimError(404, "UnknownOperationException", `No ${service.label} operation for ${req.method} ${req.path}`);
  const key = `${service.label}.${operation}`;
  rt.stats.calls[key] = (rt.stats.calls[key] ?? 0) + 1;
  const n = ++rt.callCounter;
  if (rt.faults.latencyMs > 0) await sleep(rt.faults.latencyMs);
  if (rt.faults.deniedAccounts.includes(caller.account.id) && operation !== "AssumeRole") {
    throw accessDenied(caller.service, caller.arn, `${caller.service}:${operation}`);
  }
  if (rt.rateLimits && !rt.limiter.take(key, caller.account.id, caller.region)) {
    rt.stats.throttled++;
    throw throttleError(caller.service);
  }
  const fault = injectedFault(rt.faults, rt.seed, n);
  if (fault === "throttle") {
    rt.stats.throttled++;
    throw throttleError(caller.service);
  }
  if (fault === "error") {
    rt.stats.errors++;
    throw internalError(caller.service, hash(rt.seed, 9003, n));
  }
  return service.handle(operation, req, rt);
}

export function createSimServer(rt: SimRuntime): http.Server {
  return http.createServer((raw, res) => {
    const requestId = randomUUID();
    const send = (response: TResponse) => {
      res.writeHead(response.status, { ...response.headers, "x-amzn-requestid": requestId, "content-length": Buffer.byteLength(response.body) });
      res.end(response.body);
    };
    readBody(raw)
      .then(async (body) => {
        const url = new URL(raw.url ?? "/", "http://simulator");
        if (url.pathname.startsWith("/_sim/")) return send(handleAdmin(raw.method ?? "GET", url.pathname, body, rt));
        let service: TServiceName | null = null;
        try {
          service = callerOf(raw.headers.authorization, rt.data.org)?.service ?? null;
          send(await dispatch(rt, raw, body, url, requestId));
        } catch (error) {
          if (error instanceof SimError) return send(encodeError(service, error, requestId));
          if (error instanceof SyntaxError) return send(encodeError(service, new SimError(400, service === "guardduty" ? "BadRequestException" : "InvalidInputException", `Malformed request body: ${error.message}`), requestId));
          console.error("[simulator]", error);
          send(encodeError(service, new SimError(500, "InternalException", error instanceof Error ? error.message : String(error)), requestId));
        }
      })
      .catch((error: unknown) => {
        if (!res.headersSent) send(json({ message: String(error) }, 500));
      });
  });
}
