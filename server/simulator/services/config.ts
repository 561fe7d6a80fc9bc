import "server-only";
import { baselineOf } from "../data/baseline";
import { hash } from "../data/random";
import { accessDenied, SimError } from "../errors";
import { awsJson, awsJsonError } from "../protocols/aws-json";
import { parseJsonBody, type SimRuntime, type TRequest, type TService } from "../runtime";

const PREFIX = "StarlingDoveService.";
const OPERATIONS = new Set(["DescribeConfigurationRecorders", "DescribeConfigurationRecorderStatus"]);
const DAY = 86_400_000;
const seconds = (ms: number) => ms / 1000;

/** The caller's recorder in its region ("default", as the console names it), or none outside the organization's regions. */
function recorder(req: TRequest, rt: SimRuntime) {
  const account = req.caller.account;
  const region = rt.regionIndex(req.caller.region);
  if (region < 0 || account.status !== "ACTIVE") return null;
  const baseline = baselineOf(rt.seed, rt.data.org, account);
  const started = rt.data.timeline.startMs - (300 + (hash(rt.seed, 7520, account.index, region) % 300)) * DAY;
  const stopped = baseline.recorderStopped.includes(region) ? rt.data.timeline.startMs - (5 + (hash(rt.seed, 7521, account.index) % 20)) * DAY : null;
  return { name: "default", region, account, started, stopped };
}

function selected(input: Record<string, unknown>, name: string | undefined): boolean {
  const names = input.ConfigurationRecorderNames;
  if (names === undefined) return true;
  if (!Array.isArray(names)) throw new SimError(400, "ValidationException", "ConfigurationRecorderNames must be a list");
  for (const n of names) {
    if (n !== name) throw new SimError(400, "NoSuchConfigurationRecorderException", `Cannot find configuration recorder with the specified name '${String(n)}'.`);
  }
  return true;
}

function handle(operation: string, req: TRequest, rt: SimRuntime): unknown {
  const baseline = baselineOf(rt.seed, rt.data.org, req.caller.account);
  if (req.caller.assumed && baseline.deniedServices.includes("config")) throw accessDenied("config", req.caller.arn, `config:${operation}`);
  const input = parseJsonBody(req.body);
  const r = recorder(req, rt);
  selected(input, r?.name);
  switch (operation) {
    case "DescribeConfigurationRecorders":
      return {
        ConfigurationRecorders: r ? [{
          name: r.name,
          roleARN: `arn:aws:iam::${r.account.id}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
          recordingGroup: { allSupported: true, includeGlobalResourceTypes: r.region === 0, resourceTypes: [] },
        }] : [],
      };
    case "DescribeConfigurationRecorderStatus":
      return {
        ConfigurationRecordersStatus: r ? [{
          name: r.name,
          lastStartTime: seconds(r.started),
          ...(r.stopped ? { lastStopTime: seconds(r.stopped) } : {}),
          recording: r.stopped === null,
          lastStatus: "SUCCESS",
          lastStatusChangeTime: seconds(r.stopped ?? rt.now() - (rt.now() % 3_600_000)),
        }] : [],
      };
    default:
      throw new SimError(400, "UnknownOperationException", `The simulator does not implement Config ${operation}`);
  }
}

/** AWS Config in the simulator (awsJson1_1): the configuration recorder, for the account baseline. */
export const config: TService = {
  label: "Config",
  operation: (req) => {
    const target = String(req.headers["x-amz-target"] ?? "");
    if (req.method !== "POST" || !target.startsWith(PREFIX)) return null;
    const operation = target.slice(PREFIX.length);
    return OPERATIONS.has(operation) ? operation : null;
  },
  handle: (operation, req, rt) => awsJson(handle(operation, req, rt)),
  encodeError: (error) => awsJsonError(error),
};
