import "server-only";

export type TSimFaults = {
  throttleRate: number; errorRate: number; latencyMs: number; deniedAccounts: string[];
  /** fraction of BatchUpdateFindings identifiers answered in UnprocessedFindings (InternalFailure); 1 = all */
  unprocessedRate: number;
  /** finding Ids (or GuardDuty finding ids) every write operation answers as unprocessed / failed */
  unprocessedIds: string[];
};
export type TSimOptions = {
  port?: number; host?: string; seed?: number; scale?: number; rateLimits?: boolean; faults?: Partial<TSimFaults>; startTime?: Date;
};
export type TSimStats = {
  calls: Record<string, number>; throttled: number; errors: number;
  /** finding ids received by the write operations (BatchUpdateFindings, Archive/UnarchiveFindings) */
  writes: Record<string, number>;
};
export type TSimOrganizationView = {
  managementAccountId: string; rootId: string;
  accounts: { id: string; name: string; ouId: string }[];
  ous: { id: string; name: string; parentId: string }[];
  regions: string[];
};
export type TSimulator = {
  url: string; port: number;
  close(): Promise<void>;
  advance(ms: number): void;
  now(): Date;
  setFaults(f: Partial<TSimFaults>): void;
  setRateLimits(on: boolean): void;
  stats(): TSimStats;
  resetStats(): void;
  organization(): TSimOrganizationView;
  readonly expected: { securityHubFindings(): number; guardDutyFindings(): number };
};
