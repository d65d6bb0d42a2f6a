// Keyset cursors: the last row's sort key and id, so the next page starts strictly after it.
import { DomainError } from "./errors";

/** The latest instant a JavaScript Date holds (a date cursor's key is epoch milliseconds). */
export const MAX_DATE_MS = 8_640_000_000_000_000;

/** The largest row id either engine stores (PostgreSQL `integer`); inputs naming a larger id name no row. */
export const MAX_ROW_ID = 2_147_483_647;

export function encodeCursor(key: number, id: number): string {
  return `${key}.${id}`;
}

/** The cursor's key and id, or null when it is not one this app made (bounded so that no engine overflows). */
export function decodeCursor(cursor: string, maxKey = MAX_ROW_ID): { key: number; id: number } | null {
  const match = /^(-?\d{1,16})\.(\d{1,12})$/.exec(cursor);
  if (!match) return null;
  const key = Number(match[1]);
  const id = Number(match[2]);
  return Math.abs(key) <= maxKey && id <= MAX_ROW_ID ? { key, id } : null;
}

/** The refusal of a cursor this app did not make (a tampered or truncated page link). */
export function invalidCursor(): never {
  throw new DomainError("INVALID_CURSOR", "That page link is no longer valid. Start again from the first page.");
}
