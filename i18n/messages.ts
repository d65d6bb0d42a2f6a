import enAdmin from "../messages/en/admin.json";
import enConsumer from "../messages/en/consumer.json";
import enMerchant from "../messages/en/merchant.json";
import zhAdmin from "../messages/zh-CN/admin.json";
import zhConsumer from "../messages/zh-CN/consumer.json";
import zhMerchant from "../messages/zh-CN/merchant.json";
import type { Locale } from "./locales";

// One file per area and locale, so each area's strings live together; namespaces must not repeat across files.
export const MESSAGES: Record<Locale, Record<string, unknown>> = {
  en: { ...enConsumer, ...enMerchant, ...enAdmin },
  "zh-CN": { ...zhConsumer, ...zhMerchant, ...zhAdmin },
};

export const MESSAGE_FILES: Record<Locale, Record<string, Record<string, unknown>>> = {
  en: { consumer: enConsumer, merchant: enMerchant, admin: enAdmin },
  "zh-CN": { consumer: zhConsumer, merchant: zhMerchant, admin: zhAdmin },
};
