import { and, count, eq, gt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { supportTickets } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";
import { DomainError } from "@/server/domain/errors";
import { mayAskAgain, SUPPORT_WINDOW_MS, type SupportQuestion } from "@/server/domain/support";

/** Stores a question from a consumer or merchant as an open ticket, unless they asked too often this hour. */
export async function askSupport(db: Db, clock: Clock, input: { userId: number; question: SupportQuestion }) {
  const at = clock.now();
  return withTransaction(db, async (tx) => {
    const recent = (await first(
      tx
        .select({ n: count() })
        .from(supportTickets)
        .where(and(eq(supportTickets.userId, input.userId), gt(supportTickets.createdAt, new Date(at.getTime() - SUPPORT_WINDOW_MS)))),
    ))!.n;
    if (!mayAskAgain(Number(recent)))
      throw new DomainError("RATE_LIMITED", "You have sent several questions this hour. We will answer them; wait an hour before sending another.");
    const [ticket] = await tx
      .insert(supportTickets)
      .values({ userId: input.userId, topic: input.question.topic, message: input.question.message, status: "open", createdAt: at })
      .returning({ id: supportTickets.id });
    return { ticketId: ticket!.id };
  });
}
