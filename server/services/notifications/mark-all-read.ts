import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notifications } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";

export async function markAllNotificationsRead(db: Db, clock: Clock, userId: number): Promise<{ marked: number }> {
  return withTransaction(db, async (tx) => {
    const marked = await tx
      .update(notifications)
      .set({ readAt: clock.now() })
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    return { marked: marked.length };
  });
}
