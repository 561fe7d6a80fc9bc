-- The findings list's closed filter (closedFrom / closedTo, issue 7) finds its candidates through these two
-- SQL-only partial indexes: the close events of the history by time, and the creation time of the few
-- findings without a first-seen time. Prisma's schema does not model partial indexes.
CREATE INDEX "finding_history_close_at_idx" ON "finding_history" ("at", "findingId")
  WHERE (changes->'workflowStatus'->>'to' IN ('RESOLVED', 'SUPPRESSED') OR changes->'recordState'->>'to' = 'ARCHIVED');
CREATE INDEX "findings_created_no_first_seen_idx" ON "findings" ("awsCreatedAt") WHERE "firstObservedAt" IS NULL;
