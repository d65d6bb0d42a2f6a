import { describe, expect, it } from "vitest";
import { isLocale, negotiateLocale } from "@/i18n/locales";

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
