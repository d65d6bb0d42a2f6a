import { and, eq, isNull } from "drizzle-orm";
import { immediate, type Db } from "@/db/client";
import { notifications } from "@/db/schema";
import type { Clock } from "@/server/clock";

export function markAllNotificationsRead(db: Db, clock: Clock, userId: number): { marked: number } {
  return immediate(db, (tx) => {
    const result = tx
      .update(notifications)
      .set({ readAt: clock.now() })
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      .run();
    return { marked: result.changes };
  });
}
