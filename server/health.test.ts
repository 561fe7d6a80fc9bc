import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { PrismaClient } from "@/server/generated/prisma/client";
import { checkDatabase } from "./health";

describe("checkDatabase", () => {
  it("is true when the database answers", async () => {
    expect(await checkDatabase()).toBe(true);
  });

  it("is false, not an exception, when nothing listens", async () => {
    const down = new PrismaClient({ adapter: new PrismaPg({ connectionString: "postgresql://nobody@127.0.0.1:1/none", connectionTimeoutMillis: 500 }) });
    expect(await checkDatabase(down)).toBe(false);
  });
});
