// The keyset condition of a list newest first by (time, id): the rows strictly after a time cursor's row.
import { and, type Column, eq, lt, or, type SQL } from "drizzle-orm";

export function olderThan(time: Column, id: Column, cursor: { at: Date; id: number } | null): SQL | undefined {
  return cursor ? or(lt(time, cursor.at), and(eq(time, cursor.at), lt(id, cursor.id))) : undefined;
}
