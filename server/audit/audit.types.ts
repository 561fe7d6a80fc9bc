// Pure: the audit list's item, shared by the server query and the audit table.
export type TAuditListItem = {
  id: string;
  at: Date;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
};
