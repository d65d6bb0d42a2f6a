// Keyset cursors, every list's, in one place: what a page link carries, what a procedure accepts and how it is
// checked. A cursor is opaque text naming the last row seen, so the next page starts strictly after it:
// "<id>" for a list ordered by id alone, "<key>.<id>" for a list ordered by a key (a number, or a time in epoch ms)
// then id. Decoding is bounded so that no engine overflows; a cursor this app did not make is INVALID_CURSOR.
import { DomainError } from "./errors";

/** The latest instant a JavaScript Date holds (a time cursor's key is epoch milliseconds). */
export const MAX_DATE_MS = 8_640_000_000_000_000;

/** The largest row id either engine stores (PostgreSQL `integer`); inputs naming a larger id name no row. */
export const MAX_ROW_ID = 2_147_483_647;

/** The longest cursor this app makes ("<16 digits>.<10 digits>" with a sign), with room to spare; inputs are bounded by it. */
export const MAX_CURSOR_LENGTH = 60;

export function encodeCursor(key: number, id: number): string {
  return `${key}.${id}`;
}

/** The cursor's key (never negative: every list's keys are amounts, counts or times) and id, or null when it is not one this app made (bounded so that no engine overflows). */
export function decodeCursor(cursor: string, maxKey = MAX_ROW_ID): { key: number; id: number } | null {
  const match = /^(\d{1,16})\.(\d{1,12})$/.exec(cursor);
  if (!match) return null;
  const key = Number(match[1]);
  const id = Number(match[2]);
  return key <= maxKey && id <= MAX_ROW_ID ? { key, id } : null;
}

/** A list ordered by id alone: the last id. */
export function encodeIdCursor(id: number): string {
  return String(id);
}

export function decodeIdCursor(cursor: string): number | null {
  if (!/^\d{1,10}$/.test(cursor)) return null;
  const id = Number(cursor);
  return id >= 1 && id <= MAX_ROW_ID ? id : null;
}

/** A list ordered by a time then id: the last row's time (epoch ms) and id. */
export function encodeTimeCursor(at: Date, id: number): string {
  return encodeCursor(at.getTime(), id);
}

export function decodeTimeCursor(cursor: string): { at: Date; id: number } | null {
  const decoded = decodeCursor(cursor, MAX_DATE_MS);
  return decoded && { at: new Date(decoded.key), id: decoded.id };
}

/** The decoded cursor; a cursor this app did not make (a tampered or truncated page link) is refused. */
export function cursorOrRefuse<T>(decoded: T | null): T {
  if (decoded === null) invalidCursor();
  return decoded;
}

/** The refusal of a cursor this app did not make (a tampered or truncated page link). */
export function invalidCursor(): never {
  throw new DomainError("INVALID_CURSOR", "That page link is no longer valid. Start again from the first page.");
}

/** A page link's cursor as the page passes it on: the text when `decode` reads it, else null (the page starts at the top). */
export function pageCursor(raw: string | undefined | null, decode: (cursor: string) => unknown): string | null {
  return raw && decode(raw) !== null ? raw : null;
}

/** A page of `limit` rows from a query that fetched limit + 1, with the cursor after its last row when more follow. */
export function keysetPage<T>(rows: readonly T[], limit: number, cursorOf: (last: T) => string): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit && items.length > 0 ? cursorOf(items[items.length - 1]!) : null };
}
