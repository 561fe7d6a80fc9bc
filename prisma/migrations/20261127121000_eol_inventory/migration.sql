-- EOL inventory (manual, CSV and discovered software) and secret iCal feeds (issue 5)
CREATE TABLE "eol_inventory" (
    "id" TEXT NOT NULL,
    "product" TEXT,
    "productName" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "cycle" TEXT,
    "accountId" TEXT,
    "region" TEXT,
    "resourceId" TEXT,
    "resourceName" TEXT,
    "systemName" TEXT,
    "ownerId" TEXT,
    "ownerName" TEXT,
    "notes" TEXT,
    "source" TEXT NOT NULL,
    "sourceKey" TEXT,
    "discoverySource" TEXT,
    "lastSeenAt" TIMESTAMP(3),
    "goneAt" TIMESTAMP(3),
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "eol_inventory_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "eol_ical_feeds" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdByEmail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "eol_ical_feeds_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "eol_inventory_sourceKey_key" ON "eol_inventory"("sourceKey");
CREATE INDEX "eol_inventory_product_cycle_idx" ON "eol_inventory"("product", "cycle");
CREATE INDEX "eol_inventory_accountId_idx" ON "eol_inventory"("accountId");
CREATE INDEX "eol_inventory_source_goneAt_idx" ON "eol_inventory"("source", "goneAt");
CREATE UNIQUE INDEX "eol_ical_feeds_tokenHash_key" ON "eol_ical_feeds"("tokenHash");
