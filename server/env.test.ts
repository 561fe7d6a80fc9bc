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

  it("reads the notification settings: off by default, hourly digests, 5 attempts", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ KANSHI_NOTIFY_INTERVAL_MINUTES: 60, KANSHI_NOTIFY_MAX_ATTEMPTS: 5 });
    expect(env.KANSHI_NOTIFY_WEBHOOK_URL).toBeUndefined();
    const on = parseEnv({
      KANSHI_NOTIFY_WEBHOOK_URL: "https://hooks.slack.com/services/T0/B0/x",
      KANSHI_NOTIFY_SMTP_URL: "smtps://kanshi:pw@smtp.example.com:465",
      KANSHI_NOTIFY_EMAIL_FROM: "kanshi@example.com",
      KANSHI_NOTIFY_EMAIL_TO: "secops@example.com, manager@example.com",
      KANSHI_NOTIFY_INTERVAL_MINUTES: "0",
    });
    expect(on.KANSHI_NOTIFY_EMAIL_TO).toEqual(["secops@example.com", "manager@example.com"]);
    expect(on.KANSHI_NOTIFY_INTERVAL_MINUTES).toBe(0);
    expect(parseEnv({ KANSHI_NOTIFY_SMTP_URL: "smtp://mail.example.com", KANSHI_NOTIFY_EMAIL_FROM: "Kanshi <kanshi@example.com>", KANSHI_NOTIFY_EMAIL_TO: "a@example.com" }).KANSHI_NOTIFY_EMAIL_FROM).toBe("Kanshi <kanshi@example.com>");
  });

  it("names bad notification settings: URLs of the wrong kind, bad addresses, a negative interval", () => {
    expect(problems({ KANSHI_NOTIFY_WEBHOOK_URL: "ftp://hooks.example.com/x" })[0]).toMatch(/^KANSHI_NOTIFY_WEBHOOK_URL must be an http\(s\) URL/);
    expect(problems({ KANSHI_NOTIFY_WEBHOOK_URL: "not a url" })[0]).toMatch(/^KANSHI_NOTIFY_WEBHOOK_URL /);
    const mail = { KANSHI_NOTIFY_EMAIL_FROM: "kanshi@example.com", KANSHI_NOTIFY_EMAIL_TO: "secops@example.com" };
    expect(problems({ ...mail, KANSHI_NOTIFY_SMTP_URL: "https://smtp.example.com" })[0]).toMatch(/^KANSHI_NOTIFY_SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(problems({ ...mail, KANSHI_NOTIFY_SMTP_URL: "smtp://smtp.example.com", KANSHI_NOTIFY_EMAIL_TO: "secops@example.com,nobody" })[0]).toMatch(/^KANSHI_NOTIFY_EMAIL_TO.* must be e-mail addresses/);
    expect(problems({ ...mail, KANSHI_NOTIFY_SMTP_URL: "smtp://smtp.example.com", KANSHI_NOTIFY_EMAIL_FROM: "kanshi" })[0]).toMatch(/^KANSHI_NOTIFY_EMAIL_FROM must be an e-mail address/);
    expect(problems({ KANSHI_NOTIFY_INTERVAL_MINUTES: "-1" })[0]).toMatch(/^KANSHI_NOTIFY_INTERVAL_MINUTES must be at least 0/);
    expect(problems({ KANSHI_NOTIFY_MAX_ATTEMPTS: "0" })[0]).toMatch(/^KANSHI_NOTIFY_MAX_ATTEMPTS must be at least 1/);
  });

  it("needs SMTP URL, sender and recipients together for the e-mail digest", () => {
    const found = problems({ KANSHI_NOTIFY_SMTP_URL: "smtp://mail.example.com:25" });
    expect(found.map((p) => p.split(" ")[0]).sort()).toEqual(["KANSHI_NOTIFY_EMAIL_FROM", "KANSHI_NOTIFY_EMAIL_TO"]);
    expect(found[0]).toMatch(/e-mail digest needs all three/);
    expect(problems({ KANSHI_NOTIFY_EMAIL_TO: "secops@example.com" }).map((p) => p.split(" ")[0]).sort()).toEqual(["KANSHI_NOTIFY_EMAIL_FROM", "KANSHI_NOTIFY_SMTP_URL"]);
  });
});
