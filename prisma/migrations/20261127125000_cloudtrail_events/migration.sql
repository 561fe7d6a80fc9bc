-- CloudTrail timeline (issue 6). Hand-written: Prisma cannot express a partitioned table, so these
-- tables are not Prisma models (server/timeline reads and writes them with SQL).

-- Events, range-partitioned by month on event_time (UTC wall time, like every timestamp(3) here).
-- Partitions are created by server/timeline/partitions.ts (ensureMonthPartitions): ahead of time by the
-- retention job and on demand before every insert of a month not seen yet (imports of old trail files).
-- There is deliberately no DEFAULT partition: rows parked there for a month would forbid creating that
-- month's partition later (PostgreSQL refuses while the default holds rows of the new range), and every
-- query that cannot prune it would scan it.
-- The primary key (event_id, event_time) is the dedup key: CloudTrail event ids are unique and the same
-- event always carries the same eventTime, so LookupEvents and trail files agree on it. A partitioned
-- table's unique keys must include the partition column, hence the pair.
CREATE TABLE "cloudtrail_events" (
    "event_id" UUID NOT NULL,
    "event_time" TIMESTAMP(3) NOT NULL,
    "event_name" TEXT NOT NULL,
    "event_source" TEXT NOT NULL,
    "account_id" VARCHAR(12) NOT NULL,
    "region" TEXT NOT NULL,
    "principal_arn" TEXT,
    "principal_type" TEXT,
    "user_name" TEXT,
    "access_key_id" TEXT,
    "source_address" TEXT,
    "source_ip" INET,
    "user_agent" TEXT,
    "read_only" BOOLEAN,
    "error_code" TEXT,
    "error_message" TEXT,
    "resources" TEXT[] NOT NULL DEFAULT '{}',
    "raw" JSONB NOT NULL,
    "origin" TEXT NOT NULL,
    "ingested_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "cloudtrail_events_pkey" PRIMARY KEY ("event_id", "event_time")
) PARTITION BY RANGE ("event_time");

-- Every search has a bounded time range: each index leads with the filtered column and ends with the
-- time, so one range scan per partition returns a filter's events in time order. Every index costs the
-- import rate: event_source has none (it is rarely selective alone and the presets also name their events),
-- and the time index serves it within the range. Indexes on high-cardinality keys (principal, user name,
-- access key, source IP) lead with the event's date: an insert then touches only the pages of its own day
-- instead of random pages of the whole month, which halves the cost of inserting into a month of millions.
-- Queries name the dates of their range ((event_time::date) = ANY(dates)).
CREATE INDEX "cloudtrail_events_time_idx" ON "cloudtrail_events" ("event_time" DESC, "event_id" DESC);
CREATE INDEX "cloudtrail_events_principal_idx" ON "cloudtrail_events" ((event_time::date), "principal_arn", "event_time" DESC);
CREATE INDEX "cloudtrail_events_user_idx" ON "cloudtrail_events" ((event_time::date), "user_name", "event_time" DESC);
CREATE INDEX "cloudtrail_events_key_idx" ON "cloudtrail_events" ((event_time::date), "access_key_id", "event_time" DESC);
CREATE INDEX "cloudtrail_events_name_idx" ON "cloudtrail_events" ("event_name", "event_time" DESC);
CREATE INDEX "cloudtrail_events_account_idx" ON "cloudtrail_events" ("account_id", "region", "event_time" DESC);
-- B-tree on inet: equality, and CIDR containment (source_ip << '10.0.0.0/8') as a range scan within each date.
CREATE INDEX "cloudtrail_events_ip_idx" ON "cloudtrail_events" ((event_time::date), "source_ip", "event_time" DESC);
CREATE INDEX "cloudtrail_events_resources_idx" ON "cloudtrail_events" USING GIN ("resources");

-- Events per hour, kept with every insert (only rows that were new) and trimmed by the retention job: the
-- unfiltered histogram (the timeline's default view) sums at most 24 rows a day instead of counting events.
CREATE TABLE "cloudtrail_event_hours" (
    "hour" TIMESTAMP(3) NOT NULL,
    "events" BIGINT NOT NULL,
    CONSTRAINT "cloudtrail_event_hours_pkey" PRIMARY KEY ("hour")
);

-- Ingest progress per member account and region: the incremental cursor (newest time fully read) and
-- the backfill (read down to backfill_done_to, aiming at backfill_target).
CREATE TABLE "cloudtrail_ingest_scopes" (
    "account_id" VARCHAR(12) NOT NULL,
    "region" TEXT NOT NULL,
    "latest_time" TIMESTAMP(3),
    "backfill_target" TIMESTAMP(3),
    "backfill_done_to" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "error" TEXT,
    "events_stored" BIGINT NOT NULL DEFAULT 0,
    "api_calls" BIGINT NOT NULL DEFAULT 0,
    "last_run_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "cloudtrail_ingest_scopes_pkey" PRIMARY KEY ("account_id", "region")
);

-- One row: how long events are kept.
CREATE TABLE "cloudtrail_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "retention_days" INTEGER NOT NULL DEFAULT 400,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by" TEXT,
    CONSTRAINT "cloudtrail_settings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "cloudtrail_settings_single" CHECK ("id" = 1),
    CONSTRAINT "cloudtrail_settings_retention" CHECK ("retention_days" BETWEEN 30 AND 3650)
);
INSERT INTO "cloudtrail_settings" ("id", "retention_days") VALUES (1, 400);
