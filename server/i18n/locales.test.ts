import { describe, expect, it } from "vitest";
import { MESSAGES } from "./messages";

const { en, ja } = MESSAGES;
import { localeFromAcceptLanguage } from "./locales.types";

function keys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (v && typeof v === "object" ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe("localeFromAcceptLanguage", () => {
  it.each([
    ["ja-JP,ja;q=0.9,en;q=0.8", "ja"],
    ["en-US,en;q=0.9", "en"],
    ["fr-FR,fr;q=0.9,ja;q=0.5,en;q=0.4", "ja"],
    ["en;q=0.2, ja;q=0.8", "ja"],
    ["de, fr", null],
    ["", null],
    ["ja;q=0", null],
  ])("%s → %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});

describe("message catalogs", () => {
  it("have the same keys in English and Japanese", () => {
    expect(keys(ja).sort()).toEqual(keys(en).sort());
  });
  it("translate: no Japanese string is left identical to a long English one", () => {
    const enFlat = new Map(keys(en).map((k) => [k, k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], en)]));
    const same = keys(ja).filter((k) => {
      const jaValue = k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], ja);
      const enValue = enFlat.get(k);
      return typeof enValue === "string" && enValue.split(" ").length > 2 && jaValue === enValue;
    });
    expect(same).toEqual([]);
  });
});
