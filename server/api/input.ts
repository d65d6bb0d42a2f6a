// Input pieces every router shares.
import { z } from "zod";
import { MAX_ROW_ID } from "@/server/domain/cursor";

/** A row id: a positive whole number no larger than either engine stores. */
export const rowId = z.number().int().positive().max(MAX_ROW_ID);
