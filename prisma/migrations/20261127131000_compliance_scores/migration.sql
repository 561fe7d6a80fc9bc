-- Compliance scores (issue 7): the daily snapshot table and an index for the per-control grouping.

-- CreateTable
CREATE TABLE "compliance_snapshots" (
    "day" DATE NOT NULL,
    "standard" TEXT NOT NULL,
    "scopeType" TEXT NOT NULL,
    "scopeId" TEXT NOT NULL,
    "passed" INTEGER NOT NULL,
    "failed" INTEGER NOT NULL,
    "unknown" INTEGER NOT NULL,
    "noData" INTEGER NOT NULL,
    "score" DOUBLE PRECISION,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "compliance_snapshots_pkey" PRIMARY KEY ("day","standard","scopeType","scopeId")
);

-- CreateIndex
CREATE INDEX "compliance_snapshots_scopeType_scopeId_standard_day_idx" ON "compliance_snapshots"("scopeType", "scopeId", "standard", "day");

-- Control findings only: (standard prefix, account, control) with the columns the status needs, so the
-- grouping reads the index alone.
CREATE INDEX "findings_compliance_controls_idx" ON "findings"("generatorId", "awsAccountId", "controlId") INCLUDE ("complianceStatus", "recordState", "workflowStatus", "severity") WHERE "controlId" IS NOT NULL;
