// A product as the merchant edits it: one schema for the product form and the procedures.
import { z } from "zod";
import { MAX_AMOUNT_FEN } from "./money";

export const productSchema = z.object({
  name: z.string().trim().min(2, "Enter a name of at least 2 characters.").max(120, "At most 120 characters."),
  description: z.string().trim().max(1000, "At most 1,000 characters."),
  priceFen: z.number().int().min(1, "Enter a price of at least ¥0.01.").max(MAX_AMOUNT_FEN, "At most ¥1,000,000."),
  stock: z.number().int("Stock is a whole number.").min(0, "Stock cannot be negative.").max(1_000_000, "At most 1,000,000."),
});

export type ProductInput = z.infer<typeof productSchema>;
