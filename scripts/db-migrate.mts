// npm run db:migrate: apply pending migrations to DATABASE_URL (the launcher does this at every start).
import { migrateDatabase } from "@/server/database/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. `npm start` migrates the embedded database by itself; set DATABASE_URL to migrate another one.");
  process.exit(2);
}
await migrateDatabase({ databaseUrl: url });
console.log("Migrations applied.");
