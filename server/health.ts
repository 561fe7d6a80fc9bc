import "server-only";
import { db, type DbTx } from "@/server/db";

/** True when the database answers a trivial query within two seconds. */
export async function checkDatabase(client: Pick<DbTx, "$queryRaw"> = db): Promise<boolean> {
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), 2000).unref());
  const query = client.$queryRaw`SELECT 1`.then(() => true).catch(() => false);
  return Promise.race([query, timeout]);
}
