import { describe, expect, it } from "vitest";
import { EolUnreachableError, fetchProduct, mapApiRelease } from "./refresh-catalog";

const current = { slug: "python", title: "Python", category: "lang", cycles: [] };
const noWarn = () => {};

describe("mapApiRelease", () => {
  it("maps API v1 fields onto the catalog cycle shape", () => {
    expect(
      mapApiRelease(
        { name: "3.10", releaseDate: "2021-10-04", isLts: false, ltsFrom: null, isEoas: true, eoasFrom: "2023-04-05", isEol: false, eolFrom: "2026-10-31", latest: { name: "3.10.18", date: "2025-06-03" } },
        noWarn,
      ),
    ).toEqual({ cycle: "3.10", releaseDate: "2021-10-04", eoas: "2023-04-05", eol: "2026-10-31", latest: "3.10.18", latestReleaseDate: "2025-06-03", lts: false });
    expect(mapApiRelease({ name: "18", releaseDate: null, isLts: true, ltsFrom: "2022-10-25", isEol: false, eolFrom: null, latest: null }, noWarn)).toMatchObject({
      cycle: "18",
      eol: false,
      eoas: null,
      lts: "2022-10-25",
    });
    const warnings: string[] = [];
    expect(mapApiRelease({ label: "no name" }, (m) => warnings.push(m))).toBeNull();
    expect(warnings).toHaveLength(1);
  });
});

describe("fetchProduct", () => {
  it("turns a network failure into EolUnreachableError", async () => {
    const offline = (() => Promise.reject(new TypeError("fetch failed", { cause: new Error("getaddrinfo ENOTFOUND endoflife.date") }))) as typeof fetch;
    await expect(fetchProduct(current, { timeoutMs: 1000, warn: noWarn, fetchImpl: offline })).rejects.toBeInstanceOf(EolUnreachableError);
  });

  it("returns null for an unknown product and the mapped product otherwise", async () => {
    const notFound = (() => Promise.resolve(new Response("{}", { status: 404 }))) as typeof fetch;
    expect(await fetchProduct(current, { timeoutMs: 1000, warn: noWarn, fetchImpl: notFound })).toBeNull();
    const body = { result: { name: "python", label: "Python", category: "lang", releases: [{ name: "3.14", releaseDate: "2025-10-07", isEol: false, eolFrom: "2030-10-31" }] } };
    const ok = (() => Promise.resolve(Response.json(body))) as typeof fetch;
    const product = await fetchProduct(current, { timeoutMs: 1000, warn: noWarn, fetchImpl: ok });
    expect(product?.cycles).toEqual([{ cycle: "3.14", releaseDate: "2025-10-07", eoas: null, eol: "2030-10-31", latest: null, latestReleaseDate: null, lts: false }]);
  });
});
