// npm run sim -- [--port 4566] [--seed 1] [--scale 3000] [--rate-limits] [--throttle-rate 0.3] [--error-rate 0.02]
//                [--latency 50] [--deny 123456789012,…] [--start 2026-11-01T00:00:00Z]
//   runs the AWS simulator until SIGINT.
// npm run sim -- advance 7d [--url http://127.0.0.1:4566]   moves a running simulator's clock.
// npm run sim -- state [--url …]                             prints a running simulator's state.
import { parseArgs } from "node:util";
import { startSimulator } from "@/server/simulator";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: "string", default: "4566" },
    host: { type: "string", default: "127.0.0.1" },
    seed: { type: "string", default: "1" },
    scale: { type: "string", default: "3000" },
    start: { type: "string" },
    "rate-limits": { type: "boolean", default: false },
    "throttle-rate": { type: "string" },
    "error-rate": { type: "string" },
    latency: { type: "string" },
    deny: { type: "string" },
    url: { type: "string", default: "http://127.0.0.1:4566" },
    help: { type: "boolean", short: "h", default: false },
  },
});

function fail(message: string): never {
  console.error(`sim: ${message}`);
  process.exit(1);
}

function number(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) fail(`--${name} must be a number, got "${text}"`);
  return value;
}

async function admin(path: string, body?: unknown): Promise<void> {
  const response = await fetch(new URL(path, values.url), body === undefined ? {} : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
    .catch((error: unknown) => fail(`no simulator at ${values.url} (${error instanceof Error ? error.message : String(error)})`));
  const text = await response.text();
  if (!response.ok) fail(`${response.status}: ${text}`);
  console.log(JSON.stringify(JSON.parse(text), null, 2));
}

const [command, argument] = positionals;
if (values.help) {
  console.log("usage: npm run sim -- [--port 4566] [--seed 1] [--scale 3000] [--rate-limits] | advance 7d [--url …] | state [--url …]");
} else if (command === "advance") {
  if (!argument) fail("advance needs a duration, e.g. `npm run sim -- advance 7d`");
  await admin("/_sim/advance", { duration: argument });
} else if (command === "state") {
  await admin("/_sim/state");
} else if (command) {
  fail(`unknown command "${command}" (use advance or state, or no command to start a simulator)`);
} else {
  const start = values.start ? new Date(values.start) : undefined;
  if (start && Number.isNaN(start.getTime())) fail(`--start must be an ISO date, got "${values.start}"`);
  const sim = await startSimulator({
    port: number("port", values.port), host: values.host, seed: number("seed", values.seed), scale: number("scale", values.scale),
    rateLimits: values["rate-limits"], startTime: start,
    faults: {
      throttleRate: number("throttle-rate", values["throttle-rate"]), errorRate: number("error-rate", values["error-rate"]),
      latencyMs: number("latency", values.latency), deniedAccounts: values.deny?.split(",").map((s) => s.trim()).filter(Boolean),
    },
  }).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
  const org = sim.organization();
  console.log(`Kanshi AWS simulator listening on ${sim.url}`);
  console.log(`  seed ${values.seed}, ${sim.expected.securityHubFindings()} Security Hub findings, ${sim.expected.guardDutyFindings()} GuardDuty findings, clock ${sim.now().toISOString()}`);
  console.log(`  organization: ${org.accounts.length} accounts, ${org.ous.length} OUs, regions ${org.regions.join(", ")} (aggregation: ${org.regions[0]})`);
  console.log(`  delegated administrator: ${org.accounts.find((a) => a.name === "security-tooling")?.id}, management: ${org.managementAccountId}`);
  console.log("\nPoint Kanshi (or any AWS SDK / CLI) at it:");
  console.log(`  KANSHI_AWS_MODE=aws AWS_ENDPOINT_URL=${sim.url} AWS_ACCESS_KEY_ID=sim AWS_SECRET_ACCESS_KEY=sim AWS_REGION=${org.regions[0]} npm run sync`);
  console.log(`\nMove the clock: npm run sim -- advance 7d --url ${sim.url}   (state: GET ${sim.url}/_sim/state)`);
  const stop = () => {
    console.log("\nstopping the simulator…");
    void sim.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
