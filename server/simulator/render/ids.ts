import "server-only";
import { hash, hex, scramble, unscramble } from "../data/random";
import type { TSimOrganization } from "../data/organization";
import { controlIdPath } from "../data/security-controls";
import { copyOfGd, type TIdentity } from "../model/findings";

// Finding ids look random but carry their index in the last 8 hex digits (scrambled with a seed key),
// so BatchUpdateFindings / GetFindings-by-id can find a finding without any lookup table.

function token32(seed: number, salt: number, n: number): string {
  return hex(24, seed, salt, n) + scramble(n, hash(seed, salt)).toString(16).padStart(8, "0");
}

function uuid(h: string): string {
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function detectorId(seed: number, account: number, region: number): string {
  return hex(32, seed, 403, account, region);
}

export function gdFindingId(seed: number, j: number): string {
  return token32(seed, 402, j);
}

export function gdFindingArn(seed: number, org: TSimOrganization, j: number, account: number, region: number): string {
  const acct = org.accounts[account]?.id;
  const r = org.regions[region];
  return `arn:aws:guardduty:${r}:${acct}:detector/${detectorId(seed, account, region)}/finding/${gdFindingId(seed, j)}`;
}

export function securityHubId(seed: number, org: TSimOrganization, id: TIdentity): string {
  const acct = org.accounts[id.account]?.id;
  const r = org.regions[id.region];
  if (id.kind === "guardduty") return gdFindingArn(seed, org, id.gd as number, id.account, id.region);
  if (id.kind === "inspector") return `arn:aws:inspector2:${r}:${acct}:finding/${token32(seed, 401, id.i)}`;
  const c = id.control as NonNullable<TIdentity["control"]>;
  return `arn:aws:securityhub:${r}:${acct}:${controlIdPath(org.accounts[id.account], c)}/finding/${uuid(token32(seed, 401, id.i))}`;
}

/** The index a Security Hub finding id claims to be (still to be checked against securityHubId). */
export function indexFromSecurityHubId(seed: number, id: string): number | null {
  const tail = id.slice(id.lastIndexOf("/") + 1).replace(/-/g, "");
  if (!/^[0-9a-f]{32}$/.test(tail)) return null;
  if (id.startsWith("arn:aws:guardduty:")) return copyOfGd(unscramble(parseInt(tail.slice(24), 16), hash(seed, 402)));
  return unscramble(parseInt(tail.slice(24), 16), hash(seed, 401));
}

export function indexFromGdId(seed: number, id: string): number | null {
  if (!/^[0-9a-f]{32}$/.test(id)) return null;
  return unscramble(parseInt(id.slice(24), 16), hash(seed, 402));
}
