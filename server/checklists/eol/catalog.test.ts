import { describe, expect, it } from "vitest";
import { cycleStatus, findProduct, getCatalog, mapAwsRuntime, matchVersion } from "./catalog";
import { mapAwsRuntimeWith } from "./aws-runtime";
import { matchCycleName } from "./match-version";
import { parseProductFile } from "./parse";

const file = (releases: string, head = "title: Sample\ncategory: lang") =>
  `---\n${head}\nreleases:\n${releases}\n---\n\n> body text, ignored\n`;

describe("parseProductFile", () => {
  it("keeps numeric cycles as written and reads boolean, missing and date values", () => {
    const result = parseProductFile(
      "sample",
      file(`  - releaseCycle: 3.10
    releaseDate: 2021-10-04
    eoas: true
    eol: 2026-10-31
    latest: 3.10.18
    latestReleaseDate: 2025-06-03
  - releaseCycle: 3.1
    releaseDate: 2009-06-27
    eol: true
  - releaseCycle: "18"
    eol: false
    lts: 2022-10-25
  - releaseCycle: 2
    lts: true`),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    expect(result.product).toMatchObject({ slug: "sample", title: "Sample", category: "lang" });
    expect(result.product.cycles).toEqual([
      { cycle: "3.10", releaseDate: "2021-10-04", eoas: true, eol: "2026-10-31", latest: "3.10.18", latestReleaseDate: "2025-06-03", lts: false },
      { cycle: "3.1", releaseDate: "2009-06-27", eoas: null, eol: true, latest: null, latestReleaseDate: null, lts: false },
      { cycle: "18", releaseDate: null, eoas: null, eol: false, latest: null, latestReleaseDate: null, lts: "2022-10-25" },
      { cycle: "2", releaseDate: null, eoas: null, eol: null, latest: null, latestReleaseDate: null, lts: true },
    ]);
  });

  it("reports odd values as warnings and keeps the rest", () => {
    const result = parseProductFile("odd", file(`  - releaseCycle: "1"\n    eol: soon\n  - releaseCycle: "1"\n  - eol: true`));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.product.cycles).toHaveLength(1);
    expect(result.product.cycles[0]?.eol).toBeNull();
    expect(result.warnings.join("\n")).toMatch(/cycle 1: eol: "soon" is not a date/);
    expect(result.warnings.join("\n")).toMatch(/duplicate cycle 1/);
    expect(result.warnings.join("\n")).toMatch(/release skipped: releaseCycle/);
  });

  it("rejects unparseable files without throwing", () => {
    expect(parseProductFile("none", "# no front matter")).toMatchObject({ ok: false, error: "none: no YAML front matter" });
    expect(parseProductFile("bad", "---\ntitle: [unclosed\n---\n")).toMatchObject({ ok: false });
    expect(parseProductFile("notitle", file(`  - releaseCycle: "1"`, "category: os"))).toMatchObject({ ok: false });
    expect(parseProductFile("empty", "---\ntitle: X\nreleases: []\n---\n")).toMatchObject({ ok: false, error: "empty: no usable releases" });
  });
});

describe("cycleStatus", () => {
  it("maps booleans and missing dates", () => {
    expect(cycleStatus({ eol: true }, "2026-08-01")).toEqual({ state: "eol", daysLeft: null, eolDate: null });
    expect(cycleStatus({ eol: false }, "2026-08-01")).toEqual({ state: "supported", daysLeft: null, eolDate: null });
    expect(cycleStatus({ eol: null }, "2026-08-01")).toEqual({ state: "unknown", daysLeft: null, eolDate: null });
  });

  it("counts calendar days across month ends, leap days and time of day", () => {
    expect(cycleStatus({ eol: "2026-03-01" }, "2026-01-30")).toEqual({ state: "eol30", daysLeft: 30, eolDate: "2026-03-01" });
    expect(cycleStatus({ eol: "2026-03-01" }, "2026-01-29").state).toBe("eol90");
    expect(cycleStatus({ eol: "2028-03-01" }, "2028-02-29").daysLeft).toBe(1);
    expect(cycleStatus({ eol: "2026-05-01" }, new Date("2026-04-30T23:59:59Z"))).toMatchObject({ state: "eol30", daysLeft: 1 });
    expect(cycleStatus({ eol: "2026-05-01" }, new Date("2026-05-01T00:00:00Z"))).toMatchObject({ state: "eol", daysLeft: 0 });
    expect(cycleStatus({ eol: "2026-04-30" }, "2026-05-01")).toMatchObject({ state: "eol", daysLeft: -1 });
  });

  it("uses the 90 and 180 day thresholds", () => {
    expect(cycleStatus({ eol: "2026-04-01" }, "2026-01-01")).toMatchObject({ state: "eol90", daysLeft: 90 });
    expect(cycleStatus({ eol: "2026-04-02" }, "2026-01-01")).toMatchObject({ state: "eol180", daysLeft: 91 });
    expect(cycleStatus({ eol: "2026-06-30" }, "2026-01-01")).toMatchObject({ state: "eol180", daysLeft: 180 });
    expect(cycleStatus({ eol: "2026-07-01" }, "2026-01-01")).toMatchObject({ state: "supported", daysLeft: 181 });
  });
});

describe("catalog", () => {
  it("ships every product with its attribution", () => {
    const catalog = getCatalog();
    expect(catalog.products.length).toBeGreaterThan(400);
    expect(catalog.license).toMatch(/MIT/);
    expect(findProduct("python")?.cycles.map((c) => c.cycle)).toContain("3.10");
    expect(findProduct("no-such-product")).toBeNull();
  });
});

describe("matchVersion", () => {
  it.each([
    ["postgresql", "15.4", "15"],
    ["python", "3.10.12", "3.10"],
    ["python", "3.1.5", "3.1"],
    ["nodejs", "nodejs18.x", "18"],
    ["aws-lambda", "nodejs18.x", "nodejs18.x"],
    ["amazon-linux", "amazon-linux 2", "2"],
    ["amazon-linux", "2", "2"],
    ["amazon-linux", "Amazon Linux 2023", "2023"],
    ["amazon-linux", "2023.5.20240805", "2023"],
    ["amazon-eks", "1.29", "1.29"],
    ["amazon-eks", "v1.29.3-eks-adc7111", "1.29"],
    ["ubuntu", "Ubuntu 22.04.4 LTS", "22.04"],
    ["windows-server", "Microsoft Windows Server 2019 Datacenter", "2019"],
    ["windows-server", "Microsoft Windows Server 2012 R2 Standard", "2012-r2"],
    ["windows-server", "10.0.20348", "2022"],
    ["rhel", "Red Hat Enterprise Linux 8.9", "8"],
    ["amazon-rds-mysql", "8.0.35", "8.0"],
    ["amazon-aurora-postgresql", "15.4", "15"],
    ["mssqlserver", "15.00.4316.3.v1", "15.0"],
  ])("%s %s -> %s", (slug, version, cycle) => {
    expect(matchVersion(slug, version)?.cycle).toBe(cycle);
  });

  it("matches Aurora MySQL versions on the Aurora version, not the MySQL one", () => {
    expect(matchCycleName("amazon-aurora-mysql", "8.0.mysql_aurora.3.05.2", ["3", "2"])).toBe("3");
    expect(matchCycleName("amazon-aurora-mysql", "5.7.mysql_aurora.2.11.2", ["3.05", "2.11", "2"])).toBe("2.11");
    // The shipped data has no amazon-aurora-mysql product: no EOL data rather than a wrong answer.
    expect(matchVersion("amazon-aurora-mysql", "8.0.mysql_aurora.3.05.2")).toBeNull();
  });

  it("returns null instead of throwing when nothing fits", () => {
    expect(matchVersion("python", "")).toBeNull();
    expect(matchVersion("python", "banana")).toBeNull();
    expect(matchVersion("python", "9.9")).toBeNull();
    expect(matchVersion("no-such-product", "1.0")).toBeNull();
  });
});

describe("mapAwsRuntime", () => {
  it("maps Lambda runtimes to the Lambda schedule and the language behind it", () => {
    expect(mapAwsRuntime("lambda", "python3.12")).toEqual({ slug: "aws-lambda", version: "python3.12", upstream: { slug: "python", version: "3.12" } });
    expect(mapAwsRuntime("lambda", "nodejs20.x")?.upstream).toEqual({ slug: "nodejs", version: "20" });
    expect(mapAwsRuntime("lambda", "java17")?.upstream).toEqual({ slug: "amazon-corretto", version: "17" });
    expect(mapAwsRuntime("lambda", "dotnet8")?.upstream).toEqual({ slug: "dotnet", version: "8" });
    expect(mapAwsRuntime("lambda", "ruby3.3")?.upstream).toEqual({ slug: "ruby", version: "3.3" });
    expect(mapAwsRuntime("lambda", "provided.al2023")?.upstream).toEqual({ slug: "amazon-linux", version: "2023" });
    expect(mapAwsRuntime("lambda", "go1.x")).toEqual({ slug: "aws-lambda", version: "go1.x" });
    const ref = mapAwsRuntime("lambda", "python3.12");
    expect(ref && matchVersion(ref.slug, ref.version)?.cycle).toBe("python3.12");
    expect(ref?.upstream && matchVersion(ref.upstream.slug, ref.upstream.version)?.cycle).toBe("3.12");
  });

  it("maps RDS and Aurora engines to the AWS products when they exist, else the engine", () => {
    expect(mapAwsRuntime("rds", "postgres", "15.4")).toEqual({ slug: "amazon-rds-postgresql", version: "15.4", upstream: { slug: "postgresql", version: "15.4" } });
    expect(mapAwsRuntime("rds", "mysql", "8.0.35")?.slug).toBe("amazon-rds-mysql");
    expect(mapAwsRuntime("rds", "mariadb", "10.11.6")?.slug).toBe("amazon-rds-mariadb");
    expect(mapAwsRuntime("rds", "oracle-ee", "19.0.0.0.ru-2024-01.rur-2024-01.r1")).toEqual({ slug: "oracle-database", version: "19.0.0.0.ru-2024-01.rur-2024-01.r1" });
    expect(mapAwsRuntime("rds", "sqlserver-se", "15.00.4316.3.v1")?.slug).toBe("mssqlserver");
    expect(mapAwsRuntime("rds", "aurora-postgresql", "15.4")?.slug).toBe("amazon-aurora-postgresql");
    expect(mapAwsRuntime("rds", "aurora-mysql", "8.0.mysql_aurora.3.05.2")).toEqual({ slug: "mysql", version: "8.0" });
    expect(mapAwsRuntime("rds", "cassandra", "4")).toBeNull();
  });

  it("prefers amazon-aurora-mysql once the catalog has it", () => {
    const has = (slug: string) => ["amazon-aurora-mysql", "mysql"].includes(slug);
    expect(mapAwsRuntimeWith(has, "rds", "aurora-mysql", "8.0.mysql_aurora.3.05.2")).toEqual({
      slug: "amazon-aurora-mysql",
      version: "8.0.mysql_aurora.3.05.2",
      upstream: { slug: "mysql", version: "8.0" },
    });
    expect(mapAwsRuntimeWith(() => false, "lambda", "python3.12")).toBeNull();
  });

  it("maps EKS versions and SSM inventory OS names", () => {
    expect(mapAwsRuntime("eks", "1.29")).toEqual({ slug: "amazon-eks", version: "1.29" });
    expect(mapAwsRuntime("ssm-os", "Amazon Linux", "2")).toEqual({ slug: "amazon-linux", version: "2" });
    expect(mapAwsRuntime("ssm-os", "Amazon Linux", "2023")).toEqual({ slug: "amazon-linux", version: "2023" });
    expect(mapAwsRuntime("ssm-os", "Ubuntu", "22.04")).toEqual({ slug: "ubuntu", version: "22.04" });
    expect(mapAwsRuntime("ssm-os", "Microsoft Windows Server 2019 Datacenter", "10.0.17763")?.slug).toBe("windows-server");
    expect(mapAwsRuntime("ssm-os", "Red Hat Enterprise Linux", "8.9")).toEqual({ slug: "rhel", version: "8.9" });
    for (const [name, version, cycle] of [
      ["Amazon Linux", "2", "2"],
      ["Microsoft Windows Server 2019 Datacenter", "10.0.17763", "2019"],
      ["Red Hat Enterprise Linux", "8.9", "8"],
    ] as const) {
      const ref = mapAwsRuntime("ssm-os", name, version);
      expect(ref && matchVersion(ref.slug, ref.version)?.cycle).toBe(cycle);
    }
    expect(mapAwsRuntime("ssm-os", "Plan 9", "4")).toBeNull();
  });
});
