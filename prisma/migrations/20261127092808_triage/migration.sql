-- CreateEnum
CREATE TYPE "WriteBackState" AS ENUM ('NONE', 'PENDING', 'SYNCED', 'FAILED');

-- CreateEnum
CREATE TYPE "OutboxState" AS ENUM ('PENDING', 'DONE', 'FAILED');

-- AlterTable
ALTER TABLE "findings" ADD COLUMN     "note" TEXT,
ADD COLUMN     "suppressionExpiredAt" TIMESTAMP(3),
ADD COLUMN     "suppressionRuleId" TEXT,
ADD COLUMN     "writeBack" "WriteBackState" NOT NULL DEFAULT 'NONE',
ADD COLUMN     "writeBackError" TEXT;

-- CreateTable
CREATE TABLE "outbox_items" (
    "id" BIGSERIAL NOT NULL,
    "actionId" TEXT NOT NULL,
    "findingId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "state" "OutboxState" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "outbox_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sla_policy" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "critical" INTEGER NOT NULL DEFAULT 7,
    "high" INTEGER NOT NULL DEFAULT 30,
    "medium" INTEGER NOT NULL DEFAULT 90,
    "low" INTEGER NOT NULL DEFAULT 180,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT,

    CONSTRAINT "sla_policy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "suppression_rules" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "criteria" JSONB NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "suppression_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "saved_views" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "saved_views_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "outbox_items_state_nextAttemptAt_idx" ON "outbox_items"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "outbox_items_findingId_idx" ON "outbox_items"("findingId");

-- CreateIndex
CREATE INDEX "outbox_items_actionId_idx" ON "outbox_items"("actionId");

-- CreateIndex
CREATE INDEX "saved_views_ownerId_idx" ON "saved_views"("ownerId");

-- CreateIndex
CREATE INDEX "findings_dueAt_id_idx" ON "findings"("dueAt", "id");

-- CreateIndex
CREATE INDEX "findings_firstObservedAt_id_idx" ON "findings"("firstObservedAt", "id");

-- CreateIndex
CREATE INDEX "findings_lastObservedAt_id_idx" ON "findings"("lastObservedAt", "id");

-- CreateIndex
CREATE INDEX "findings_resourceType_idx" ON "findings"("resourceType");

-- CreateIndex
CREATE INDEX "findings_region_idx" ON "findings"("region");

-- CreateIndex
CREATE INDEX "findings_resourceId_idx" ON "findings"("resourceId");

-- CreateIndex
CREATE INDEX "findings_productName_idx" ON "findings"("productName");

-- CreateIndex
CREATE INDEX "findings_suppressedUntil_idx" ON "findings"("suppressedUntil");

-- CreateIndex
CREATE INDEX "findings_writeBack_idx" ON "findings"("writeBack");

-- AddForeignKey
ALTER TABLE "findings" ADD CONSTRAINT "findings_suppressionRuleId_fkey" FOREIGN KEY ("suppressionRuleId") REFERENCES "suppression_rules"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox_items" ADD CONSTRAINT "outbox_items_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "findings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Free-text search on title, resource id and finding id: trigram indexes (pg_trgm is a trusted extension).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "findings_title_trgm_idx" ON "findings" USING gin ("title" gin_trgm_ops);
CREATE INDEX "findings_resourceId_trgm_idx" ON "findings" USING gin ("resourceId" gin_trgm_ops);
CREATE INDEX "findings_externalId_trgm_idx" ON "findings" USING gin ("externalId" gin_trgm_ops);
-- Keyset order of the default sort (due date, no due date last) and of the severity sort.
CREATE INDEX "findings_due_key_idx" ON "findings" (COALESCE("dueAt", 'infinity'::timestamp), "id");
CREATE INDEX "findings_severity_due_key_idx" ON "findings" ("severity", COALESCE("dueAt", 'infinity'::timestamp), "id");
-- Standard filter: control findings' GeneratorId starts with the standard's path.
CREATE INDEX "findings_generatorId_prefix_idx" ON "findings" ("generatorId" text_pattern_ops);

-- First and last seen are always set from now on (normalization falls back to CreatedAt / UpdatedAt).
UPDATE "findings" SET "firstObservedAt" = COALESCE("firstObservedAt", "awsCreatedAt"), "lastObservedAt" = COALESCE("lastObservedAt", "awsUpdatedAt")
WHERE "firstObservedAt" IS NULL OR "lastObservedAt" IS NULL;

-- The default SLA policy, and due dates of the findings already stored.
INSERT INTO "sla_policy" ("id", "updatedAt") VALUES (1, CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING;
UPDATE "findings" SET "dueAt" = COALESCE("firstObservedAt", "awsCreatedAt") + make_interval(days => CASE "severity"
  WHEN 'CRITICAL' THEN 7 WHEN 'HIGH' THEN 30 WHEN 'MEDIUM' THEN 90 WHEN 'LOW' THEN 180 END)
WHERE "severity" <> 'INFORMATIONAL';
