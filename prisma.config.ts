// Prisma CLI configuration: the JS schema engine with the pg driver adapter, so
// migrations run without downloading a native engine binary.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL must be set to run Prisma migrate commands");
    return new PrismaPg({ connectionString: url });
  },
});
