// Input pieces every router shares.
import { z } from "zod";
import { MAX_CURSOR_LENGTH, MAX_ROW_ID } from "@/server/domain/cursor";

/** A row id: a positive whole number no larger than either engine stores. */
export const rowId = z.number().int().positive().max(MAX_ROW_ID);

/** A page cursor as a list returned it (server/domain/cursor.ts); the service decodes it and refuses a forged one. */
export const cursorInput = z.string().max(MAX_CURSOR_LENGTH).nullish();
