import "server-only";
import { CIS_REQUIREMENTS, CIS_STANDARD } from "./catalog-cis";
import { FSBP_CONTROLS, FSBP_STANDARD } from "./catalog-fsbp";

// Security controls across standards, for consolidated control findings: one control id, the standards it is
// part of (the AssociatedStandards of its findings, FSBP before CIS) and the CIS requirements it maps to. The
// title is the FSBP control title, or for a CIS-only control its (first) CIS requirement's.

export type TSecurityControl = { controlId: string; title: string; standards: string[]; requirements: string[] };

const CONTROLS = new Map<string, TSecurityControl>();
for (const c of FSBP_CONTROLS) CONTROLS.set(c.id, { controlId: c.id, title: c.title, standards: [FSBP_STANDARD], requirements: [] });
for (const r of CIS_REQUIREMENTS) {
  const control = CONTROLS.get(r.controlId) ?? { controlId: r.controlId, title: r.title, standards: [], requirements: [] };
  if (!control.standards.includes(CIS_STANDARD)) control.standards.push(CIS_STANDARD);
  control.requirements.push(`CIS AWS Foundations Benchmark v1.4.0/${r.id}`);
  CONTROLS.set(r.controlId, control);
}

export function securityControl(controlId: string): TSecurityControl {
  return CONTROLS.get(controlId) ?? { controlId, title: controlId, standards: [], requirements: [] };
}

type TControlOf = { standard: string; generatorSuffix: string; controlId: string };

/** The account emits consolidated control findings (Security Hub's SECURITY_CONTROL control finding generator). */
export function consolidated(account: { controlFindingGenerator: string } | undefined): boolean {
  return account?.controlFindingGenerator === "SECURITY_CONTROL";
}

/** A control finding's GeneratorId: "security-control/<ControlId>" when consolidated, else "<standard>/<control or requirement>". */
export function controlGeneratorId(account: { controlFindingGenerator: string } | undefined, c: TControlOf): string {
  return consolidated(account) ? `security-control/${c.controlId}` : `${c.standard}/${c.generatorSuffix}`;
}

/** The part of a control finding's Id before "/finding/<uuid>" (after "arn:aws:securityhub:<region>:<account>:"). */
export function controlIdPath(account: { controlFindingGenerator: string } | undefined, c: TControlOf): string {
  return consolidated(account) ? `security-control/${c.controlId}` : `subscription/${c.standard}/${c.generatorSuffix}`;
}
