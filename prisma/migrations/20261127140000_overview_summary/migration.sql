-- Findings summary for the overview (issue 7)
CREATE TABLE "findings_daily_summary" (
    "day" DATE NOT NULL,
    "awsAccountId" VARCHAR(12) NOT NULL,
    "severity" "Severity" NOT NULL,
    "openCount" INTEGER NOT NULL,
    "openedCount" INTEGER NOT NULL,
    "closedCount" INTEGER NOT NULL,
    "overdueCount" INTEGER NOT NULL,
    "age0to7" INTEGER NOT NULL,
    "age8to30" INTEGER NOT NULL,
    "age31to90" INTEGER NOT NULL,
    "ageOver90" INTEGER NOT NULL,
    "ttrSeconds" DOUBLE PRECISION NOT NULL,
    "ttrCount" INTEGER NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "findings_daily_summary_pkey" PRIMARY KEY ("day", "awsAccountId", "severity")
);
