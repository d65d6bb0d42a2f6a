import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { supportTickets, users } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";
import { DomainError } from "@/server/domain/errors";
import { recordAudit, type Actor } from "@/server/services/audit/record-audit";
import { notify, supportAnswerNotice } from "@/server/services/notifications/notify";

/** Answers an open ticket once: the asker is notified with the answer, and the audit log keeps who answered. */
export async function answerTicket(db: Db, clock: Clock, actor: Actor, input: { ticketId: number; answer: string }) {
  const at = clock.now();
  return withTransaction(db, async (tx) => {
    const ticket = await first(
      tx
        .select({ id: supportTickets.id, userId: supportTickets.userId, status: supportTickets.status, role: users.role })
        .from(supportTickets)
        .innerJoin(users, eq(users.id, supportTickets.userId))
        .where(eq(supportTickets.id, input.ticketId)),
    );
    if (!ticket) throw new DomainError("NOT_FOUND", "No question with this number.");
    if (ticket.status === "answered") throw new DomainError("NO_CHANGE", "This question is already answered.");
    await tx
      .update(supportTickets)
      .set({ status: "answered", answer: input.answer, answeredByUserId: actor.userId, answeredAt: at })
      .where(eq(supportTickets.id, input.ticketId));
    const link = ticket.role === "merchant" ? "/merchant/support" : "/support";
    await notify(tx, supportAnswerNotice(ticket.userId, ticket.id, input.answer, link, at));
    await recordAudit(tx, {
      actor,
      action: "support.answer",
      entityType: "support_ticket",
      entityId: ticket.id,
      before: { status: "open" },
      after: { status: "answered", answer: input.answer },
      at,
    });
    return { ticketId: ticket.id, status: "answered" as const };
  });
}
