// npm run db:seed: the demo users (demo mode). Later issues add the simulated organization's data.
import { parseEnv } from "@/server/env";
import { seedDemoUsers } from "@/server/users/seed-demo-users";
import { db } from "@/server/db";

const env = parseEnv();
if (!env.DATABASE_URL) {
  console.error("DATABASE_URL is not set: `npm start` seeds the embedded database by itself in demo mode.");
  process.exit(2);
}
if (!env.KANSHI_DEMO) {
  console.log("KANSHI_DEMO=false: nothing to seed (demo users exist only in demo mode).");
} else {
  console.log(`Seeded ${await seedDemoUsers()} demo users.`);
}
await db.$disconnect();
