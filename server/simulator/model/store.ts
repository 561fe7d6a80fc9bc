import "server-only";
import { buildOrganization, type TSimOrganization } from "../data/organization";
import { unit } from "../data/random";
import { gdFindingId, indexFromGdId, indexFromSecurityHubId, securityHubId } from "../render/ids";
import { copyOfGd, FindingModel, type TIdentity, type TOverride, type TState } from "./findings";
import { firstAtOrAfter, Timeline } from "./timeline";

export type TGdView = {
  j: number; copy: number | null; account: number; region: number; type: ReturnType<FindingModel["gdIdentity"]>["type"];
  createdAt: number; updatedAt: number; archived: boolean; count: number;
};

const RENDER_CACHE_MAX = 250_000;

/** Everything the services read: the organization, the lazy finding model and the small override maps. */
export class SimData {
  readonly org: TSimOrganization;
  readonly timeline: Timeline;
  readonly model: FindingModel;
  /** BatchUpdateFindings / ArchiveFindings effects by Security Hub index (GuardDuty copies included). */
  readonly overrides = new Map<number, TOverride>();
  /** Archive/UnarchiveFindings on LOW GuardDuty findings that have no Security Hub copy: archived or not, by GuardDuty index. */
  readonly gdArchive = new Map<number, boolean>();
  /** Rendered ASFF JSON by Security Hub index, valid for one clock time and override version (see renderedAsff). */
  private renderCache = new Map<number, string>();
  private renderStamp = "";
  private overrideVersion = 0;

  constructor(readonly seed: number, readonly scale: number, startMs: number) {
    this.org = buildOrganization(seed);
    this.timeline = new Timeline(seed, scale, startMs);
    this.model = new FindingModel(seed, this.timeline, this.org);
  }

  securityHubCount(t: number): number {
    return this.timeline.population(t);
  }

  /** Native-only (LOW) GuardDuty findings existing at t: m = 0 … count-1. */
  gdLowCount(t: number): number {
    const copies = Math.floor(this.timeline.population(t) / 10);
    return firstAtOrAfter((m) => this.model.gdLowTime(m), 0, Math.floor(copies / 4), t + 1);
  }

  guardDutyCount(t: number): number {
    return Math.floor(this.timeline.population(t) / 10) + this.gdLowCount(t);
  }

  shState(id: TIdentity, t: number): TState {
    return this.model.state(id, t, this.overrides.get(id.i));
  }

  gdView(j: number, t: number): TGdView {
    const g = this.model.gdIdentity(j);
    if (g.copy !== null) {
      const st = this.shState(this.model.identity(g.copy), t);
      return { ...g, createdAt: st.createdAt, updatedAt: st.updatedAt, archived: st.archived, count: st.count };
    }
    const m = (j - 4) / 5;
    const updatedAt = this.model.gdLowTime(m);
    return {
      ...g, updatedAt, createdAt: updatedAt - Math.floor(unit(this.seed, 301, j) * 10 * 86_400_000),
      archived: this.gdArchive.get(j) ?? unit(this.seed, 304, j) < 0.08, count: 1 + Math.floor(unit(this.seed, 302, j) * 40),
    };
  }

  gdExists(j: number, t: number): boolean {
    const copy = copyOfGd(j);
    if (copy !== null) return copy < this.timeline.population(t);
    return (j - 4) / 5 < this.gdLowCount(t);
  }

  /** Security Hub index of a finding id, if it exists at t. */
  findSecurityHub(id: string, t: number): number | null {
    const i = indexFromSecurityHubId(this.seed, id);
    if (i === null || i >= this.timeline.population(t)) return null;
    return securityHubId(this.seed, this.org, this.model.identity(i)) === id ? i : null;
  }

  findGuardDuty(id: string, t: number): number | null {
    const j = indexFromGdId(this.seed, id);
    if (j === null || !this.gdExists(j, t)) return null;
    return gdFindingId(this.seed, j) === id ? j : null;
  }

  /**
   * The ASFF JSON of finding i at time t, rendered once per clock time and override version. Up to
   * RENDER_CACHE_MAX findings are kept (the 1,000,000-finding scale stays lazy): AWS renders its
   * findings on its own machines, so the benchmarks can warm this before timing a sync.
   */
  renderedAsff(i: number, t: number, render: () => unknown): string {
    const stamp = `${t}:${this.overrideVersion}`;
    if (stamp !== this.renderStamp) {
      this.renderCache.clear();
      this.renderStamp = stamp;
    }
    let text = this.renderCache.get(i);
    if (text === undefined) {
      text = JSON.stringify(render());
      if (this.renderCache.size < RENDER_CACHE_MAX) this.renderCache.set(i, text);
    }
    return text;
  }

  /** Archives or unarchives GuardDuty finding j (and its Security Hub copy); updatedAt stays. */
  setGdArchived(j: number, archived: boolean, now: number): void {
    const copy = copyOfGd(j);
    if (copy === null) this.gdArchive.set(j, archived);
    else this.override(copy).archive = { archived, at: now };
  }

  override(i: number): TOverride {
    this.overrideVersion++;
    let o = this.overrides.get(i);
    if (!o) this.overrides.set(i, (o = {}));
    return o;
  }
}
