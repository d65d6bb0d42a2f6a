import { describe, expect, it } from "vitest";
import { isLocale, negotiateLocale } from "@/i18n/locales";
import { MESSAGE_FILES, MESSAGES } from "@/i18n/messages";
import { DOMAIN_ERROR_CODES } from "@/server/domain/errors";

describe("negotiateLocale", () => {
  it("defaults to English without a header or with unsupported languages", () => {
    expect(negotiateLocale(null)).toBe("en");
    expect(negotiateLocale("")).toBe("en");
    expect(negotiateLocale("fr-FR,de;q=0.8")).toBe("en");
  });
  it("picks Chinese for any zh tag", () => {
    expect(negotiateLocale("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(negotiateLocale("zh-TW")).toBe("zh-CN");
    expect(negotiateLocale("fr;q=0.9, zh;q=0.5")).toBe("zh-CN");
  });
  it("honours quality order", () => {
    expect(negotiateLocale("zh;q=0.4, en-US;q=0.9")).toBe("en");
    expect(negotiateLocale("en;q=0.1, zh-CN;q=0.8")).toBe("zh-CN");
    expect(negotiateLocale("zh;q=0, en")).toBe("en");
  });
  it("recognises supported locales only", () => {
    expect(isLocale("zh-CN")).toBe(true);
    expect(isLocale("en")).toBe(true);
    expect(isLocale("zh")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});

function keyPaths(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object") return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
}

describe("message catalogues", () => {
  // English shows the server's own sentence for a refusal; other locales translate it by its domain code.
  const isDomainCodeKey = (path: string) => path.startsWith("errors.") && (DOMAIN_ERROR_CODES as readonly string[]).includes(path.slice(7));

  it("zh-CN has exactly the keys English has, file by file", () => {
    for (const [file, en] of Object.entries(MESSAGE_FILES.en)) {
      const zh = MESSAGE_FILES["zh-CN"][file];
      expect(
        keyPaths(zh)
          .filter((p) => !isDomainCodeKey(p))
          .sort(),
        file,
      ).toEqual(keyPaths(en).sort());
    }
  });
  it("zh-CN translates every domain error code and nothing else under errors", () => {
    const translated = keyPaths(MESSAGES["zh-CN"])
      .filter(isDomainCodeKey)
      .map((p) => p.slice(7));
    expect(translated.sort()).toEqual([...DOMAIN_ERROR_CODES].sort());
  });
  it("no namespace is defined in two files (a later file would silently replace it)", () => {
    const namespaces = Object.values(MESSAGE_FILES.en).flatMap((file) => Object.keys(file));
    expect(new Set(namespaces).size).toBe(namespaces.length);
  });
  it("every message is non-empty", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      for (const path of keyPaths(MESSAGES[locale])) {
        const text = path.split(".").reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], MESSAGES[locale]);
        expect(typeof text === "string" && text.trim().length > 0, `${locale} ${path}`).toBe(true);
      }
    }
  });
});
