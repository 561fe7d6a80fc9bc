-- A stored close time for findings (issue 7): "closedAt" = when the finding last went from open to closed
-- (RESOLVED, SUPPRESSED or ARCHIVED), null while it is open. The overview's daily summary and the findings
-- list's closed filter both read it, so "closed per week" is stable and the filter is a plain index range.
-- Before, the close time was derived on every read (last close event in the history, else awsUpdatedAt),
-- and a finding that arrived closed "closed" again at each Security Hub re-evaluation that moved awsUpdatedAt.

-- AlterTable
ALTER TABLE "findings" ADD COLUMN "closedAt" TIMESTAMP(3);

-- Backfill: the close time as it was derived until now, for the findings that are not open now. The greatest
-- of first seen and (the last close event of the history, else awsUpdatedAt for a finding that arrived closed).
UPDATE "findings" f SET "closedAt" = GREATEST(COALESCE(f."firstObservedAt", f."awsCreatedAt"), COALESCE(
    (SELECT max(h.at) FROM "finding_history" h WHERE h."findingId" = f.id
       AND (h.changes->'workflowStatus'->>'to' IN ('RESOLVED', 'SUPPRESSED') OR h.changes->'recordState'->>'to' = 'ARCHIVED')),
    f."awsUpdatedAt"))
WHERE NOT (f."recordState" = 'ACTIVE' AND f."workflowStatus" IN ('NEW', 'NOTIFIED'));

-- First seen is never null any more (normalization falls back to CreatedAt): the summary's and the list's
-- "first seen" are then the same column.
UPDATE "findings" SET "firstObservedAt" = "awsCreatedAt" WHERE "firstObservedAt" IS NULL;

-- The trigger keeps "closedAt" right on every write path (the sync's COPY + merge, triage, suppression rules
-- and their expiry, archive), so no code sets it. It only assigns NEW."closedAt".
--   insert closed: the greatest of first seen and awsUpdatedAt, set once
--   open to closed: the greatest of first seen and CURRENT_TIMESTAMP, the transaction's clock, which is also
--     what finding_history.at gets by default for the history row of that change, so the two are equal
--   closed to closed: unchanged, also when awsUpdatedAt moves (a re-evaluation is no new close)
--   to open: null
-- Prisma applies a migration split at every semicolon, so the function body is an E'' string whose statement
-- ends are written as the escape \x3B.
CREATE FUNCTION "findings_closed_at"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NEW."workflowStatus" IN (''RESOLVED'', ''SUPPRESSED'') OR NEW."recordState" = ''ARCHIVED'' THEN
    IF TG_OP = ''INSERT'' THEN
      NEW."closedAt" := GREATEST(COALESCE(NEW."firstObservedAt", NEW."awsCreatedAt"), NEW."awsUpdatedAt")\x3B
    ELSIF OLD."workflowStatus" IN (''RESOLVED'', ''SUPPRESSED'') OR OLD."recordState" = ''ARCHIVED'' THEN
      NEW."closedAt" := COALESCE(OLD."closedAt", GREATEST(COALESCE(OLD."firstObservedAt", OLD."awsCreatedAt"), OLD."awsUpdatedAt"))\x3B
    ELSE
      NEW."closedAt" := GREATEST(COALESCE(NEW."firstObservedAt", NEW."awsCreatedAt"), CURRENT_TIMESTAMP::timestamp(3))\x3B
    END IF\x3B
  ELSE
    NEW."closedAt" := NULL\x3B
  END IF\x3B
  RETURN NEW\x3B
END
';

-- Only an update of the state columns (or of "closedAt" itself) can change it: other updates (write-back
-- state, due dates, notes) skip the function.
CREATE TRIGGER "findings_closed_at" BEFORE INSERT OR UPDATE OF "workflowStatus", "recordState", "closedAt" ON "findings"
  FOR EACH ROW EXECUTE FUNCTION "findings_closed_at"();

-- The closed filter reads a range of close times from this index alone (severity and status included, as the
-- first / last seen indexes of 20261127102913_list_indexes do), only for the findings that are closed.
CREATE INDEX "findings_closed_at_idx" ON "findings" ("closedAt", "id") INCLUDE ("severity", "workflowStatus", "recordState", "dueAt")
  WHERE "closedAt" IS NOT NULL;

-- Not needed any more: first seen is never null. finding_history_close_at_idx stays: the weekly review's
-- "resolved" section (server/review/agenda-predicates.ts) reads close events by time through it.
DROP INDEX IF EXISTS "findings_created_no_first_seen_idx";

-- Statistics for the new column and index at once (the backfill rewrote every closed finding's row).
ANALYZE "findings";
