// Maps a version string as AWS or an OS reports it ("Ubuntu 22.04.4 LTS", "nodejs18.x",
// "8.0.mysql_aurora.3.05.2") to one of a product's release cycle names. Pure: no catalog access.

// Windows Server reports a build number as its version (SSM PlatformVersion "10.0.17763").
const WINDOWS_SERVER_BUILDS: Record<string, string> = {
  "14393": "2016",
  "17763": "2019",
  "20348": "2022",
  "26100": "2025",
};

const NUMERIC_TOKEN = /\d+(?:\.\d+)*/g;

function sameSegment(a: string, b: string): boolean {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return Number(a) === Number(b);
  return a.toLowerCase() === b.toLowerCase();
}

/** The longest dotted prefix of `token` that names a cycle ("3.10.12" -> "3.10", never "3.1"). */
function longestPrefixCycle(token: string, cycles: readonly string[]): string | null {
  const segments = token.split(".");
  for (let length = segments.length; length >= 1; length -= 1) {
    const prefix = segments.slice(0, length);
    const found = cycles.find((cycle) => {
      const parts = cycle.split(".");
      return parts.length === prefix.length && parts.every((part, i) => sameSegment(part, prefix[i] ?? ""));
    });
    if (found) return found;
  }
  return null;
}

/** Version strings worth trying, most specific first, for products whose names need help. */
function candidates(slug: string, version: string): string[] {
  const lower = version.toLowerCase();
  const out: string[] = [];
  if (slug.startsWith("amazon-aurora")) {
    // Aurora MySQL reports "<mysql version>.mysql_aurora.<aurora version>"; the cycle is the Aurora version.
    const aurora = /aurora[._-]?(\d+(?:\.\d+)*)/.exec(lower);
    if (aurora?.[1]) out.push(aurora[1]);
  }
  if (slug === "windows-server") {
    const year = /\b(\d{4})(?:\s*(r2))?\b/.exec(lower.replace(/[-_]/g, " "));
    if (year?.[1]) out.push(year[2] ? `${year[1]}-r2` : year[1]);
    const build = /^10\.0\.(\d{5})/.exec(lower.trim());
    const fromBuild = build?.[1] ? WINDOWS_SERVER_BUILDS[build[1]] : undefined;
    if (fromBuild) out.push(fromBuild);
  }
  for (const token of lower.match(NUMERIC_TOKEN) ?? []) out.push(token);
  return out;
}

/** The cycle name of `cycles` that `version` belongs to, or null when none fits. Never throws. */
export function matchCycleName(slug: string, version: string, cycles: readonly string[]): string | null {
  const trimmed = version.trim();
  if (!trimmed || cycles.length === 0) return null;
  const exact = cycles.find((cycle) => cycle.toLowerCase() === trimmed.toLowerCase());
  if (exact) return exact;
  for (const candidate of candidates(slug, trimmed)) {
    const exactCandidate = cycles.find((cycle) => cycle.toLowerCase() === candidate);
    if (exactCandidate) return exactCandidate;
    const found = longestPrefixCycle(candidate, cycles);
    if (found) return found;
  }
  return null;
}
