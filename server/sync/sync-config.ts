import "server-only";
import { getEnv } from "@/server/env";
import type { TAwsConnection } from "@/server/aws/clients";

export type TSyncConfig = {
  connection: TAwsConnection;
  /** the first is the aggregation region */
  regions: string[];
  topology: "delegated-admin" | "fan-out";
  /** pace calls at AWS's published rates (off only for a simulator that does not enforce them) */
  rateLimits: boolean;
};

/** Demo credentials for the simulator: it reads only who is calling from the access key id. */
export const SIMULATOR_CREDENTIALS = { accessKeyId: "AKIAKANSHIDEMO000001", secretAccessKey: "kanshi-demo" };

/** How this process reaches AWS: the in-process simulator in demo mode, the SDK's standard chain otherwise. */
export function syncConfigFromEnv(): TSyncConfig {
  const env = getEnv();
  if (env.KANSHI_AWS_MODE === "demo") {
    const endpoint = process.env.KANSHI_SIM_URL;
    if (!endpoint) throw new Error("Demo mode needs the simulator: start Kanshi with `npm start` (it runs the simulator), or set KANSHI_SIM_URL.");
    return {
      connection: { endpoint, credentials: SIMULATOR_CREDENTIALS, roleName: env.KANSHI_ROLE_NAME, externalId: env.KANSHI_EXTERNAL_ID ?? "kanshi-demo" },
      regions: env.KANSHI_REGIONS,
      topology: env.KANSHI_TOPOLOGY,
      rateLimits: process.env.KANSHI_SIM_RATE_LIMITS === "true",
    };
  }
  return {
    connection: { roleName: env.KANSHI_ROLE_NAME, externalId: env.KANSHI_EXTERNAL_ID },
    regions: env.KANSHI_REGIONS,
    topology: env.KANSHI_TOPOLOGY,
    rateLimits: true,
  };
}
