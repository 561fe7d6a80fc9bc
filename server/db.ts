import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/server/generated/prisma/client";

// The one Prisma client, cached on globalThis so dev reloads and test files reuse it.
// Constructing it does not connect: importing this module needs no database (e.g. `next build`).
const globalForPrisma = globalThis as unknown as { kanshiPrisma?: PrismaClient };

export const db: PrismaClient =
  globalForPrisma.kanshiPrisma ??
  new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL, max: 10, options: "-c TimeZone=UTC" }) });

globalForPrisma.kanshiPrisma = db;

export type Db = PrismaClient;
/** A client or an interactive-transaction client: what use cases accept to run inside a caller's transaction. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
