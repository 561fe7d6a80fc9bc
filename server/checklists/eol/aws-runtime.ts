// Maps values found during AWS discovery (Lambda runtime ids, RDS engines, EKS versions, SSM inventory
// OS names) to an endoflife.date product and version. Pure: the caller says which products exist.

export type TAwsRuntimeKind = "lambda" | "rds" | "eks" | "ssm-os";

export type TEolRef = {
  slug: string;
  version: string;
  /** The upstream software behind an AWS-managed release (Lambda python3.12 -> python 3.12). */
  upstream?: TEolRef;
};

type Has = (slug: string) => boolean;

function pick(has: Has, slugs: readonly string[]): string | null {
  return slugs.find((slug) => has(slug)) ?? null;
}

function ref(has: Has, slugs: readonly string[], version: string, upstream?: TEolRef | null): TEolRef | null {
  const slug = pick(has, slugs);
  if (!slug) return upstream ?? null;
  if (upstream && upstream.slug !== slug) return { slug, version, upstream };
  return { slug, version };
}

// Lambda runtime id -> the language or OS it runs. provided (no suffix) ran on Amazon Linux AMI 2018.03.
const LAMBDA_UPSTREAM: ReadonlyArray<readonly [RegExp, string, (m: RegExpExecArray) => string]> = [
  [/^python(\d+\.\d+)$/, "python", (m) => m[1] ?? ""],
  [/^nodejs(\d+)(?:\.x|\.\d+)?(?:-edge)?$/, "nodejs", (m) => m[1] ?? ""],
  [/^java(\d+)(?:\.al2023|\.al2)?$/, "amazon-corretto", (m) => m[1] ?? ""],
  [/^dotnet(?:core)?(\d+(?:\.\d+)?)$/, "dotnet", (m) => m[1] ?? ""],
  [/^ruby(\d+\.\d+)$/, "ruby", (m) => m[1] ?? ""],
  [/^provided\.al(2023|2)$/, "amazon-linux", (m) => m[1] ?? ""],
  [/^provided$/, "amazon-linux", () => "2018.03"],
];

function lambdaRef(has: Has, runtime: string): TEolRef | null {
  const id = runtime.trim().toLowerCase();
  let upstream: TEolRef | null = null;
  for (const [pattern, slug, version] of LAMBDA_UPSTREAM) {
    const m = pattern.exec(id);
    if (m && has(slug)) upstream = { slug, version: version(m) };
    if (m) break;
  }
  return ref(has, ["aws-lambda"], id, upstream);
}

function rdsRef(has: Has, engine: string, version: string): TEolRef | null {
  const e = engine.trim().toLowerCase();
  const v = version.trim();
  const community = (slug: string, ver = v): TEolRef | null => (has(slug) ? { slug, version: ver } : null);
  if (e === "postgres") return ref(has, ["amazon-rds-postgresql", "postgresql"], v, community("postgresql"));
  if (e === "mysql") return ref(has, ["amazon-rds-mysql", "mysql"], v, community("mysql"));
  if (e === "mariadb") return ref(has, ["amazon-rds-mariadb", "mariadb"], v, community("mariadb"));
  if (e === "aurora-postgresql") return ref(has, ["amazon-aurora-postgresql", "postgresql"], v, community("postgresql"));
  if (e === "aurora-mysql" || e === "aurora") {
    // "8.0.mysql_aurora.3.05.2": MySQL 8.0 compatible; Aurora 1 ("aurora") was MySQL 5.6.
    const mysql = e === "aurora" ? "5.6" : (v.split(/\.mysql_aurora/i)[0] ?? v);
    return ref(has, ["amazon-aurora-mysql"], v, community("mysql", mysql));
  }
  if (/^(custom-)?oracle-/.test(e)) return ref(has, ["oracle-database"], v);
  if (/^(custom-)?sqlserver-/.test(e)) return ref(has, ["mssqlserver"], v);
  if (e.startsWith("db2-")) return ref(has, ["ibm-db2"], v);
  if (e === "docdb") return ref(has, ["amazon-documentdb"], v);
  if (e === "neptune") return ref(has, ["amazon-neptune"], v);
  return null;
}

// SSM inventory PlatformName patterns; Windows names carry the release year, Linux ones do not.
const SSM_OS: ReadonlyArray<readonly [RegExp, string]> = [
  [/amazon linux/i, "amazon-linux"],
  [/ubuntu/i, "ubuntu"],
  [/windows server/i, "windows-server"],
  [/red hat|rhel/i, "rhel"],
  [/centos stream/i, "centos-stream"],
  [/centos/i, "centos"],
  [/debian/i, "debian"],
  [/rocky/i, "rocky-linux"],
  [/alma/i, "almalinux"],
  [/oracle linux/i, "oracle-linux"],
  [/suse linux enterprise server|\bsles\b/i, "sles"],
];

function ssmOsRef(has: Has, name: string, version: string | undefined): TEolRef | null {
  const entry = SSM_OS.find(([pattern]) => pattern.test(name));
  if (!entry || !has(entry[1])) return null;
  const slug = entry[1];
  if (slug === "windows-server") {
    // The name holds the year ("Microsoft Windows Server 2019 Datacenter"); the version is a build number.
    return { slug, version: /\d{4}/.test(name) ? name.trim() : (version ?? name).trim() };
  }
  const v = version?.trim();
  return { slug, version: v ? v : name.trim() };
}

/**
 * Maps one AWS discovery value to the catalog product (and version) that carries its end of life.
 * For RDS pass the engine as `value` and the engine version as `version`; for SSM pass PlatformName and
 * PlatformVersion. Returns null when no product in the catalog covers the value.
 */
export function mapAwsRuntimeWith(has: Has, kind: TAwsRuntimeKind, value: string, version?: string): TEolRef | null {
  switch (kind) {
    case "lambda":
      return lambdaRef(has, value);
    case "rds":
      return rdsRef(has, value, version ?? "");
    case "eks":
      return has("amazon-eks") ? { slug: "amazon-eks", version: (version ?? value).trim().replace(/^v/i, "") } : null;
    case "ssm-os":
      return ssmOsRef(has, value, version);
  }
}
