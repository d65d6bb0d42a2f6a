// Who pays the merchant: the merchant is paid as the consumer repays (DESIGN.md). Every text tells that one story.
import { describe, expect, it } from "vitest";
import { AGREEMENT_V1 } from "@/db/agreement";
import { MESSAGES } from "@/i18n/messages";

const everyText = (value: unknown): string[] =>
  typeof value === "string" ? [value] : value && typeof value === "object" ? Object.values(value).flatMap(everyText) : [];

describe("who pays the merchant", () => {
  it("the agreement says the merchant is paid as the consumer repays, in both languages", () => {
    expect(AGREEMENT_V1.bodyEn).toContain("the merchant is paid as you repay");
    expect(AGREEMENT_V1.bodyZh).toContain("商家随您的还款收到货款");
    expect(AGREEMENT_V1.bodyEn).not.toMatch(/Houfu pays the merchant/i);
    expect(AGREEMENT_V1.bodyZh).not.toContain("后付为您的先享后付订单向商家付款");
  });

  it("no page text says Houfu pays the merchant up front", () => {
    for (const locale of ["en", "zh-CN"] as const)
      for (const text of everyText(MESSAGES[locale])) expect(text).not.toMatch(/Houfu pays|pays the merchant|向商家付款|垫付/);
  });

  it("the merchant's settings and collections say they are paid as customers repay", () => {
    const en = MESSAGES.en as Record<string, Record<string, string>>;
    expect(en.merchantSettingsForm!.offerBody).toContain("You are paid as they repay.");
    expect(en.merchantCollections!.description).toContain("You are paid as your customers repay");
  });

  it("the agreement's Chinese title reads naturally", () => {
    expect((MESSAGES["zh-CN"] as Record<string, Record<string, string>>).creditPage!.agreementTitle).toBe("后付服务协议");
  });
});
