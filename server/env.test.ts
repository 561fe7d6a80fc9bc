import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const SECRET = "s".repeat(32);

function problems(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe("parseEnv", () => {
  it("applies the defaults: demo mode, port 3000, 10 failures per 15 minutes", () => {
    const env = parseEnv({});
    expect(env.KANSHI_DEMO).toBe(true);
    expect(env.PORT).toBe(3000);
    expect(env.LOGIN_MAX_FAILURES).toBe(10);
    expect(env.LOGIN_FAILURE_WINDOW_MINUTES).toBe(15);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("requires NEXTAUTH_SECRET outside demo mode and names it", () => {
    const found = problems({ KANSHI_DEMO: "false" });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^NEXTAUTH_SECRET /);
    expect(parseEnv({ KANSHI_DEMO: "false", NEXTAUTH_SECRET: SECRET }).KANSHI_DEMO).toBe(false);
  });

  it("rejects a short secret, a non-postgres DATABASE_URL and a bad port, naming each", () => {
    const found = problems({ NEXTAUTH_SECRET: "short", DATABASE_URL: "mysql://x@y/z", PORT: "http" });
    expect(found.map((p) => p.split(" ")[0]).sort()).toEqual(["DATABASE_URL", "NEXTAUTH_SECRET", "PORT"]);
  });

  it("rejects a boolean that is not one", () => {
    expect(problems({ KANSHI_DEMO: "maybe" })[0]).toMatch(/^KANSHI_DEMO must be true or false/);
  });

  it("needs all three OIDC settings once one is given", () => {
    const found = problems({ OIDC_ISSUER: "https://idp.example.com" });
    expect(found.map((p) => p.split(" ")[0]).sort()).toEqual(["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"]);
    const env = parseEnv({ OIDC_ISSUER: "https://idp.example.com", OIDC_CLIENT_ID: "kanshi", OIDC_CLIENT_SECRET: "x" });
    expect(env.OIDC_NAME).toBe("SSO");
  });

  it("treats an empty value as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
  });

  it("explains where to look in the thrown message", () => {
    expect(() => parseEnv({ KANSHI_DEMO: "false" })).toThrow(/Invalid configuration:[\s\S]*NEXTAUTH_SECRET[\s\S]*\.env\.example/);
  });

  it("reads the AWS settings: demo mode by default, regions with the aggregation region first", () => {
    const demo = parseEnv({});
    expect(demo).toMatchObject({ KANSHI_AWS_MODE: "demo", KANSHI_TOPOLOGY: "delegated-admin", KANSHI_ROLE_NAME: "KanshiReadRole", KANSHI_SYNC_INTERVAL_MINUTES: 15 });
    expect(demo.KANSHI_REGIONS).toEqual(["us-east-1", "ap-northeast-1", "eu-west-1"]);
    const aws = parseEnv({ KANSHI_AWS_MODE: "aws", NEXTAUTH_SECRET: SECRET, KANSHI_REGIONS: "eu-central-1, us-east-1" });
    expect(aws.KANSHI_REGIONS).toEqual(["eu-central-1", "us-east-1"]);
    // AWS mode has no demo users unless asked for.
    expect(aws.KANSHI_DEMO).toBe(false);
  });

  it("names bad AWS settings: a region that is not one, fan-out without an ExternalId", () => {
    expect(problems({ KANSHI_REGIONS: "us-east-1,mars" })[0]).toMatch(/^KANSHI_REGIONS.* must be AWS region names/);
    expect(problems({ KANSHI_AWS_MODE: "aws", NEXTAUTH_SECRET: SECRET, KANSHI_TOPOLOGY: "fan-out" })[0]).toMatch(/^KANSHI_EXTERNAL_ID is required for KANSHI_TOPOLOGY=fan-out/);
    expect(problems({ KANSHI_AWS_MODE: "cloud" })[0]).toMatch(/^KANSHI_AWS_MODE must be demo or aws/);
    expect(problems({ KANSHI_AWS_MODE: "aws" })[0]).toMatch(/^NEXTAUTH_SECRET/);
  });
});
