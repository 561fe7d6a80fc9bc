-- DropIndex
DROP INDEX "findings_ownerId_idx";

-- DropIndex
DROP INDEX "findings_controlId_idx";

-- DropIndex
DROP INDEX "findings_firstObservedAt_id_idx";

-- DropIndex
DROP INDEX "findings_lastObservedAt_id_idx";


-- The findings list reads a page's ids from indexes that are in its order for the common filters
-- (owner, control: then the due key), and from covering indexes for first / last seen ranges and
-- sorts, so those filters do not visit the table for rows they drop.
CREATE INDEX "findings_owner_due_key_idx" ON "findings" ("ownerId", COALESCE("dueAt", 'infinity'::timestamp), "id");
CREATE INDEX "findings_control_due_key_idx" ON "findings" ("controlId", COALESCE("dueAt", 'infinity'::timestamp), "id");
CREATE INDEX "findings_first_seen_queue_idx" ON "findings" ("firstObservedAt", "id") INCLUDE ("severity", "workflowStatus", "recordState", "dueAt");
CREATE INDEX "findings_last_seen_queue_idx" ON "findings" ("lastObservedAt", "id") INCLUDE ("severity", "workflowStatus", "recordState", "dueAt");
