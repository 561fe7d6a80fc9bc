import { describe, expect, it } from "vitest";
import { parseTimelineQuery } from "@/server/timeline/timeline.schema";
import { activeChips, apiQuery, isDefaultView, isIpOrCidr, setField, setRange, timeRange, timelineLink } from "./timeline-query";
import { findingPrincipal, principalTimelineHref, timelineHref } from "../findings/detail-tabs";

const params = (query: string) => new URLSearchParams(query);
const NOW = Date.parse("2026-11-27T12:00:30Z");

describe("timeline filters in the URL", () => {
  it("sends only the API's parameters, the quick range made absolute and rounded to the minute", () => {
    const query = apiQuery(params("event=e1&range=24h&account=111111111111,222222222222&preset=trail-tampering&q=stop&bogus=1"), NOW);
    const sent = new URLSearchParams(query);
    expect(sent.get("event")).toBeNull();
    expect(sent.get("range")).toBeNull();
    expect(sent.get("bogus")).toBeNull();
    expect(sent.get("account")).toBe("111111111111,222222222222");
    expect(sent.get("from")).toBe("2026-11-26T12:01:00.000Z");
    expect(sent.get("to")).toBe("2026-11-27T12:01:00.000Z");
    // The server's own parser accepts what the page sends.
    expect(parseTimelineQuery(sent, NOW).filters).toMatchObject({ account: ["111111111111", "222222222222"], preset: "trail-tampering", q: "stop" });
    // The same URL within the same minute is the same cache key.
    expect(apiQuery(params("range=24h&account=111111111111,222222222222&preset=trail-tampering&q=stop"), NOW + 20_000)).toBe(query);
  });

  it("defaults to 7 days, and a custom from/to replaces the quick range", () => {
    expect(timeRange(params(""), NOW).quick).toBe("7d");
    const p = params("range=30d");
    setRange(p, { from: "2026-10-01T00:00:00.000Z", to: "2026-10-02T00:00:00.000Z" });
    expect(p.get("range")).toBeNull();
    expect(timeRange(p, NOW)).toEqual({ from: "2026-10-01T00:00:00.000Z", to: "2026-10-02T00:00:00.000Z", quick: null });
    setRange(p, "7d");
    expect(p.toString()).toBe("");
    expect(isDefaultView(params("range=7d&event=x"))).toBe(true);
    expect(isDefaultView(params("range=24h"))).toBe(false);
  });

  it("writes chips: lists deduplicated, single values trimmed, empty removes", () => {
    const p = params("");
    setField(p, "eventName", ["StopLogging", " DeleteTrail ", "StopLogging"]);
    setField(p, "principal", [" alice "]);
    setField(p, "readOnly", ["false"]);
    expect(activeChips(p)).toEqual([
      { field: "principal", values: ["alice"] },
      { field: "eventName", values: ["StopLogging", "DeleteTrail"] },
      { field: "readOnly", values: ["false"] },
    ]);
    setField(p, "principal", []);
    expect(p.has("principal")).toBe(false);
  });

  it("checks source IPs and CIDR blocks like the server", () => {
    for (const ok of ["203.0.113.7", "10.0.0.0/8", "0.0.0.0/0", "2001:db8::/32", "::1"]) expect(isIpOrCidr(ok), ok).toBe(true);
    for (const bad of ["300.1.2.3", "10.0.0.0/33", "10.0.0", "2001:db8::/129", "host.example", "1.2.3.4/8/1"]) expect(isIpOrCidr(bad), bad).toBe(false);
  });

  it("builds pivot links", () => {
    expect(timelineLink({ principal: "arn:aws:iam::111111111111:user/alice" }, { from: "2026-11-01T00:00:00.000Z", to: "2026-11-02T00:00:00.000Z" })).toBe(
      "/timeline?principal=arn:aws:iam::111111111111:user%2Falice&from=2026-11-01T00:00:00.000Z&to=2026-11-02T00:00:00.000Z",
    );
  });
});

describe("pivots from a finding", () => {
  const base = { resourceType: null, awsAccountId: "111111111111", firstObservedAt: "2026-11-10T00:00:00.000Z", lastObservedAt: "2026-11-12T00:00:00.000Z", awsCreatedAt: "2026-11-10T00:00:00.000Z", awsUpdatedAt: "2026-11-12T00:00:00.000Z" };

  it("events around the resource: ± 24 h of first and last seen", () => {
    expect(timelineHref({ ...base, resourceId: "arn:aws:s3:::logs" })).toBe("/timeline?resource=arn%3Aaws%3As3%3A%3A%3Alogs&from=2026-11-09T00%3A00%3A00.000Z&to=2026-11-13T00%3A00%3A00.000Z");
    expect(timelineHref({ ...base, resourceId: null })).toBeNull();
  });

  it("events by the principal of a GuardDuty IAM finding, in its account", () => {
    const raw = { Resources: [{ Type: "AwsIamAccessKey", Id: "AWS::IAM::AccessKey:AKIAEXAMPLE", Details: { AwsIamAccessKey: { PrincipalName: "legacy-batch", PrincipalType: "IAMUser" } } }] };
    const finding = { ...base, resourceId: "AWS::IAM::AccessKey:AKIAEXAMPLE", resourceType: "AwsIamAccessKey", raw };
    expect(findingPrincipal(finding)).toBe("legacy-batch");
    const href = new URL(principalTimelineHref(finding)!, "http://x");
    expect(Object.fromEntries(href.searchParams)).toEqual({ principal: "legacy-batch", account: "111111111111", from: "2026-11-09T00:00:00.000Z", to: "2026-11-13T00:00:00.000Z" });
    // Without a name: the access key id from the resource id.
    expect(findingPrincipal({ ...finding, raw: { Resources: [{ Type: "AwsIamAccessKey", Id: "AWS::IAM::AccessKey:AKIAEXAMPLE" }] } })).toBe("AKIAEXAMPLE");
    // An IAM user finding: its ARN (no account filter needed).
    const user = { ...base, resourceId: "arn:aws:iam::111111111111:user/alice", resourceType: "AwsIamUser", raw: { Resources: [{ Type: "AwsIamUser", Id: "arn:aws:iam::111111111111:user/alice" }] } };
    expect(new URL(principalTimelineHref(user)!, "http://x").searchParams.get("account")).toBeNull();
    // Not an IAM finding: no principal link.
    expect(principalTimelineHref({ ...base, resourceId: "arn:aws:s3:::logs", resourceType: "AwsS3Bucket", raw: { Resources: [{ Type: "AwsS3Bucket", Id: "arn:aws:s3:::logs" }] } })).toBeNull();
  });
});
