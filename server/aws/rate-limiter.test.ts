import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limiter";

describe("RateLimiter", () => {
  it("lets a burst through at once, then paces calls at the published rate, per account and region", async () => {
    const limiter = new RateLimiter(true);
    const scope = { region: "us-east-1" };
    const started = performance.now();
    for (let i = 0; i < 5; i++) await limiter.take("securityhub", "GetFindings", scope);
    expect(performance.now() - started).toBeLessThan(50);
    // Three more at 3 per second take about a second.
    for (let i = 0; i < 3; i++) await limiter.take("securityhub", "GetFindings", scope);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThan(900);
    expect(elapsed).toBeLessThan(1500);
    // Another region has its own budget.
    const other = performance.now();
    await limiter.take("securityhub", "GetFindings", { region: "eu-west-1" });
    expect(performance.now() - other).toBeLessThan(50);
  });

  it("does nothing when disabled", async () => {
    const limiter = new RateLimiter(false);
    const started = performance.now();
    for (let i = 0; i < 50; i++) await limiter.take("securityhub", "GetFindings", { region: "us-east-1" });
    expect(performance.now() - started).toBeLessThan(50);
  });
});
