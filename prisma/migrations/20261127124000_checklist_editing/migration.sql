-- Recurring checklists: the schedules a checklist had before its current one (history keeps their periods)
ALTER TABLE "checklists" ADD COLUMN "scheduleHistory" JSONB NOT NULL DEFAULT '[]';
