-- Notifications: an explicit lease per delivery (who sends it, until when), so a worker run and
-- "Retry now" (or two workers) never send the same digest twice.

-- AlterTable
ALTER TABLE "notification_deliveries" ADD COLUMN     "leaseToken" TEXT,
ADD COLUMN     "leasedUntil" TIMESTAMP(3);
