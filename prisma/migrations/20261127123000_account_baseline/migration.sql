-- CreateEnum
CREATE TYPE "BaselineStatus" AS ENUM ('PASS', 'FAIL', 'UNKNOWN');

-- CreateTable
CREATE TABLE "baseline_results" (
    "id" TEXT NOT NULL,
    "awsAccountId" VARCHAR(12) NOT NULL,
    "region" TEXT NOT NULL,
    "check" TEXT NOT NULL,
    "status" "BaselineStatus" NOT NULL,
    "evidence" JSONB NOT NULL DEFAULT '{}',
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "evaluatedAt" TIMESTAMP(3) NOT NULL,
    "runId" TEXT,

    CONSTRAINT "baseline_results_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "baseline_results_awsAccountId_region_check_key" ON "baseline_results"("awsAccountId", "region", "check");

-- CreateIndex
CREATE INDEX "baseline_results_check_status_idx" ON "baseline_results"("check", "status");
