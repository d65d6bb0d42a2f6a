import { z } from "zod";
import { cursorInput, rowId } from "@/server/api/input";
import { ORDER_STATUSES, PAYMENT_METHODS } from "@/db/schema";
import { MAX_AMOUNT_FEN } from "@/server/domain/money";

export const id = rowId;
export const cursor = cursorInput;
export const pageSize = z.number().int().min(1).max(100).default(20);
export const idempotencyKey = z.string().min(8).max(100);
export const localDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-25.");

export const ordersListInput = z.object({
  status: z.enum(ORDER_STATUSES).optional(),
  paymentMethod: z.enum(PAYMENT_METHODS).optional(),
  from: localDay.optional(),
  to: localDay.optional(),
  overdueOnly: z.boolean().optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(["date", "total"]).default("date"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  cursor,
  limit: pageSize,
});

export const refundInput = z.object({
  orderId: id,
  amountFen: z.number().int().min(1, "Enter an amount of at least ¥0.01.").max(MAX_AMOUNT_FEN),
  reason: z.string().trim().min(3, "Give a reason of at least 3 characters.").max(300),
  idempotencyKey,
});

export const overdueListInput = z.object({
  sort: z.enum(["days", "amount"]).default("days"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  cursor,
  limit: pageSize,
});
