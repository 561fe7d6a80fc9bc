import { inject } from "vitest";

// Before any test module imports server/db.ts, which reads DATABASE_URL when it creates the client.
process.env.DATABASE_URL = inject("databaseUrl");
