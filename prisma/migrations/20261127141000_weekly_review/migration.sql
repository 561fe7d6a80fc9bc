-- Weekly review (issue 7): reviews with a frozen agenda, and their action items.
CREATE TABLE "reviews" (
    "id" TEXT NOT NULL,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "periodEnd" TIMESTAMP(3) NOT NULL,
    "recordedFrom" TIMESTAMP(3) NOT NULL,
    "recordedTo" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "agenda" JSONB NOT NULL,
    "agendaAt" TIMESTAMP(3) NOT NULL,
    "attendees" JSONB NOT NULL DEFAULT '[]',
    "notes" TEXT NOT NULL DEFAULT '',
    "decisions" JSONB NOT NULL DEFAULT '[]',
    "createdById" TEXT,
    "createdByEmail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finalizedById" TEXT,
    "finalizedAt" TIMESTAMP(3),
    CONSTRAINT "reviews_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "reviews_periodEnd_idx" ON "reviews"("periodEnd");

CREATE TABLE "review_action_items" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "ownerId" TEXT,
    "dueDate" DATE,
    "status" TEXT NOT NULL DEFAULT 'open',
    "link" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" TIMESTAMP(3),
    "doneById" TEXT,
    CONSTRAINT "review_action_items_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "review_action_items_reviewId_idx" ON "review_action_items"("reviewId");
CREATE INDEX "review_action_items_ownerId_status_idx" ON "review_action_items"("ownerId", "status");

-- The agenda reads history rows by time (reopened and resolved in a period), new CRITICAL/HIGH findings by
-- first sight and open findings by due date: small partial indexes keep those counts off the whole table.
CREATE INDEX "finding_history_at_idx" ON "finding_history"("at");
CREATE INDEX "findings_review_new_idx" ON "findings"("createdAt", id) WHERE severity IN ('CRITICAL', 'HIGH');
CREATE INDEX "findings_review_due_open_idx" ON "findings"("dueAt", id) WHERE "workflowStatus" IN ('NEW', 'NOTIFIED') AND "recordState" = 'ACTIVE';
