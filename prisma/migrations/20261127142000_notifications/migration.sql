-- Notifications (issue 7): digests, their deliveries per channel, the items already announced and the watermark.

-- CreateTable
CREATE TABLE "notification_digests" (
    "id" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "windowEnd" TIMESTAMP(3) NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "blocks" JSONB NOT NULL,
    "itemCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_digests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_deliveries" (
    "id" TEXT NOT NULL,
    "digestId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "notification_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notified_items" (
    "kind" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL DEFAULT '',
    "digestId" TEXT NOT NULL,
    "notifiedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notified_items_pkey" PRIMARY KEY ("kind","itemId","periodKey")
);

-- CreateTable
CREATE TABLE "notification_cursors" (
    "id" TEXT NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "notification_cursors_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "notification_digests_windowEnd_idx" ON "notification_digests"("windowEnd");

-- CreateIndex
CREATE INDEX "notification_deliveries_state_nextAttemptAt_idx" ON "notification_deliveries"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "notification_deliveries_digestId_idx" ON "notification_deliveries"("digestId");

-- CreateIndex
CREATE INDEX "notified_items_notifiedAt_idx" ON "notified_items"("notifiedAt");

-- AddForeignKey
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_digestId_fkey" FOREIGN KEY ("digestId") REFERENCES "notification_digests"("id") ON DELETE CASCADE ON UPDATE CASCADE;
