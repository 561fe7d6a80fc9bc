-- AlterTable
ALTER TABLE "aws_accounts" ADD COLUMN     "inOrganization" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "tags" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "findings" ADD COLUMN     "controlId" TEXT,
ADD COLUMN     "inSecurityHub" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "productName" TEXT;

-- AlterTable
ALTER TABLE "sync_runs" DROP COLUMN "upserted",
ADD COLUMN     "apiCalls" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "durationMs" INTEGER,
ADD COLUMN     "inserted" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "skipped" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "throttles" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "trigger" TEXT NOT NULL DEFAULT 'schedule',
ADD COLUMN     "unchanged" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "updated" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "findings_controlId_idx" ON "findings"("controlId");

-- DropIndex
DROP INDEX "sync_runs_kind_startedAt_idx";

-- CreateIndex
CREATE INDEX "sync_runs_kind_scope_startedAt_idx" ON "sync_runs"("kind", "scope", "startedAt");

-- CreateIndex
CREATE INDEX "sync_runs_startedAt_idx" ON "sync_runs"("startedAt");

