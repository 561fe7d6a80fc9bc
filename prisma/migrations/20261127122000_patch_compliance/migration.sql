-- Patch compliance (issue 5): per-instance patch state, daily snapshots, collections and the stale setting.

-- CreateTable
CREATE TABLE "patch_instances" (
    "accountId" VARCHAR(12) NOT NULL,
    "region" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "computerName" TEXT,
    "platformType" TEXT,
    "platformName" TEXT,
    "pingStatus" TEXT,
    "patchGroup" TEXT NOT NULL DEFAULT '',
    "baselineId" TEXT,
    "hasState" BOOLEAN NOT NULL DEFAULT true,
    "installed" INTEGER NOT NULL DEFAULT 0,
    "installedOther" INTEGER NOT NULL DEFAULT 0,
    "installedPendingReboot" INTEGER NOT NULL DEFAULT 0,
    "installedRejected" INTEGER NOT NULL DEFAULT 0,
    "missing" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "criticalNonCompliant" INTEGER NOT NULL DEFAULT 0,
    "securityNonCompliant" INTEGER NOT NULL DEFAULT 0,
    "otherNonCompliant" INTEGER NOT NULL DEFAULT 0,
    "operation" TEXT,
    "operationEndAt" TIMESTAMP(3),
    "collectedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "patch_instances_pkey" PRIMARY KEY ("accountId","region","instanceId")
);

-- CreateTable
CREATE TABLE "patch_snapshots" (
    "day" DATE NOT NULL,
    "accountId" VARCHAR(12) NOT NULL,
    "region" TEXT NOT NULL,
    "instances" INTEGER NOT NULL,
    "compliant" INTEGER NOT NULL,
    "nonCompliant" INTEGER NOT NULL,
    "stale" INTEGER NOT NULL,
    "missing" INTEGER NOT NULL,
    "failed" INTEGER NOT NULL,
    "pendingReboot" INTEGER NOT NULL,
    "critical" INTEGER NOT NULL,
    "security" INTEGER NOT NULL,
    "staleDays" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "patch_snapshots_pkey" PRIMARY KEY ("day","accountId","region")
);

-- CreateTable
CREATE TABLE "patch_collections" (
    "id" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "requestedBy" TEXT,
    "status" TEXT NOT NULL DEFAULT 'RUNNING',
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "sourceClockAt" TIMESTAMP(3) NOT NULL,
    "scopesTotal" INTEGER NOT NULL DEFAULT 0,
    "scopesDone" INTEGER NOT NULL DEFAULT 0,
    "scopesFailed" INTEGER NOT NULL DEFAULT 0,
    "instances" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "patch_collections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "patch_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "staleDays" INTEGER NOT NULL DEFAULT 7,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT,

    CONSTRAINT "patch_settings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "patch_instances_operationEndAt_idx" ON "patch_instances"("operationEndAt");

-- CreateIndex
CREATE INDEX "patch_snapshots_accountId_day_idx" ON "patch_snapshots"("accountId", "day");

-- CreateIndex
CREATE INDEX "patch_collections_startedAt_idx" ON "patch_collections"("startedAt");
