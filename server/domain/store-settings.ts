// The merchant's store settings: one schema for the settings form and the procedure.
import { z } from "zod";
import { MAX_AMOUNT_FEN } from "./money";

const optionalFen = z.number().int().min(1, "Enter an amount of at least ¥0.01.").max(MAX_AMOUNT_FEN, "At most ¥1,000,000.").nullable();

export const storeSettingsSchema = z
  .object({
    name: z.string().trim().min(2, "Enter a store name of at least 2 characters.").max(80, "At most 80 characters."),
    description: z.string().trim().max(500, "At most 500 characters."),
    category: z.string().trim().min(2, "Enter a category.").max(40, "At most 40 characters."),
    offerPayLater: z.boolean(),
    payLaterMinFen: optionalFen,
    payLaterMaxFen: optionalFen,
  })
  .superRefine((s, ctx) => {
    if (s.payLaterMinFen !== null && s.payLaterMaxFen !== null && s.payLaterMinFen > s.payLaterMaxFen)
      ctx.addIssue({ code: "custom", path: ["payLaterMaxFen"], message: "The maximum must be at least the minimum." });
  });

export type StoreSettings = z.infer<typeof storeSettingsSchema>;
