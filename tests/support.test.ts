// Contact support: a consumer or merchant asks, the admin answers, the asker is told in notifications.
import { describe, expect, it } from "vitest";
import { desc, eq } from "drizzle-orm";
import { first } from "@/db/query";
import { auditLog, notifications } from "@/db/schema";
import { notificationText } from "@/lib/i18n/localise";
import { seedDemo, wipeDatabase } from "@/scripts/seed/demo";
import { callerAs, seededDb, userId } from "./helpers";
import { codeOf } from "./fixtures";
import { translator } from "./translator";

describe("asking support", () => {
  it("stores a question that only its asker sees, and refuses empty or unknown ones", async () => {
    const { db, clock } = await seededDb();
    const bob = await callerAs(db, clock, "bob@example.com");
    const alice = await callerAs(db, clock, "alice@example.com");
    expect(await codeOf(bob.support.ask({ topic: "fees", message: "too short" }))).toBe("BAD_REQUEST");
    // @ts-expect-error an unknown topic
    expect(await codeOf(bob.support.ask({ topic: "crypto", message: "A long enough question here." }))).toBe("BAD_REQUEST");
    expect(await bob.support.mine()).toEqual([]);

    await bob.support.ask({ topic: "fees", message: "  How is the late fee worked out?  " });
    expect(await bob.support.mine()).toMatchObject([{ topic: "fees", message: "How is the late fee worked out?", status: "open", answer: null }]);
    expect(await alice.support.mine()).toEqual([]);
  });

  it("is open to consumers and merchants, not to admins or the anonymous", async () => {
    const { db, clock } = await seededDb();
    const question = { topic: "other" as const, message: "Where do I see my payouts?" };
    expect(await codeOf((await callerAs(db, clock, "shop@example.com")).support.ask(question))).toBe("OK");
    expect(await codeOf((await callerAs(db, clock, "admin@example.com")).support.ask(question))).toBe("FORBIDDEN");
    expect(await codeOf((await callerAs(db, clock, null)).support.ask(question))).toBe("UNAUTHORIZED");
    expect(await codeOf((await callerAs(db, clock, "alice@example.com")).admin.supportTickets({}))).toBe("FORBIDDEN");
    expect(await codeOf((await callerAs(db, clock, "shop@example.com")).admin.answerTicket({ ticketId: 1, answer: "Self-answered" }))).toBe(
      "FORBIDDEN",
    );
  });

  it("takes at most three questions an hour from one person", async () => {
    const { db, clock } = await seededDb();
    const bob = await callerAs(db, clock, "bob@example.com");
    const carol = await callerAs(db, clock, "carol@example.com");
    for (let i = 1; i <= 3; i++) await bob.support.ask({ topic: "other", message: `Question number ${i} of three.` });
    expect(await codeOf(bob.support.ask({ topic: "other", message: "A fourth question this hour." }))).toBe("TOO_MANY_REQUESTS");
    expect(await codeOf(carol.support.ask({ topic: "other", message: "Someone else is not held up." }))).toBe("OK");
    clock.set(new Date(clock.now().getTime() + 61 * 60 * 1000));
    expect(await codeOf(bob.support.ask({ topic: "other", message: "An hour later, a new one." }))).toBe("OK");
  });
});

describe("answering", () => {
  it("the admin sees waiting questions, answers once, and the asker is notified with the answer", async () => {
    const { db, clock } = await seededDb();
    const admin = await callerAs(db, clock, "admin@example.com");
    const bob = await callerAs(db, clock, "bob@example.com");
    const shop = await callerAs(db, clock, "shop@example.com");
    expect((await admin.admin.supportTickets({})).tickets).toEqual([]);
    await bob.support.ask({ topic: "suspension", message: "Why can I not enable pay later?" });
    await shop.support.ask({ topic: "other", message: "When am I paid for pay-later orders?" });

    const open = await admin.admin.supportTickets({ status: "open", limit: 1 });
    expect(open.tickets).toMatchObject([{ userEmail: "shop@example.com", userRole: "merchant" }]);
    const older = await admin.admin.supportTickets({ status: "open", limit: 1, cursor: open.nextCursor });
    expect(older.tickets).toMatchObject([{ userEmail: "bob@example.com", userName: "Bob Zhang", topic: "suspension" }]);
    expect(older.nextCursor).toBeNull();

    const bobTicket = older.tickets[0]!.id;
    expect(await codeOf(admin.admin.answerTicket({ ticketId: bobTicket, answer: " " }))).toBe("BAD_REQUEST");
    await admin.admin.answerTicket({ ticketId: bobTicket, answer: "Your score 640 meets 600: open your credit page and press Enable." });
    expect(await codeOf(admin.admin.answerTicket({ ticketId: bobTicket, answer: "Again" }))).toBe("CONFLICT");
    expect(await codeOf(admin.admin.answerTicket({ ticketId: 99_999, answer: "Nobody" }))).toBe("NOT_FOUND");

    expect(await bob.support.mine()).toMatchObject([
      { status: "answered", answer: "Your score 640 meets 600: open your credit page and press Enable." },
    ]);
    const notice = (await bob.notifications.list({ limit: 1 })).items[0]!;
    expect(notice).toMatchObject({ link: "/support", read: false });
    expect(notificationText(translator("en", "notificationText"), "en", notice)).toEqual({
      title: "Houfu support answered your question",
      body: "Houfu support answered: Your score 640 meets 600: open your credit page and press Enable.",
    });
    expect(notificationText(translator("zh-CN", "notificationText"), "zh-CN", notice)).toEqual({
      title: "后付客服已回复您的问题",
      body: "后付客服回复：Your score 640 meets 600: open your credit page and press Enable.",
    });
    expect(await bob.notifications.unreadCount()).toBeGreaterThan(0);
    expect((await first(db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1)))!).toMatchObject({
      action: "support.answer",
      entityType: "support_ticket",
      entityId: String(bobTicket),
    });

    expect((await admin.admin.supportTickets({ status: "answered" })).tickets).toMatchObject([{ id: bobTicket }]);
    const shopTicket = open.tickets[0]!.id;
    await admin.admin.answerTicket({ ticketId: shopTicket, answer: "As your customers repay." });
    const shopId = await userId(db, "shop@example.com");
    expect((await first(db.select().from(notifications).where(eq(notifications.userId, shopId))))!).toMatchObject({
      kind: "support_answer",
      params: { answer: "As your customers repay." },
      link: "/merchant/support",
    });
  });
});

describe("resetting the demo data", () => {
  it("wipes support questions too (they point at users)", async () => {
    const { db, clock } = await seededDb();
    await (await callerAs(db, clock, "bob@example.com")).support.ask({ topic: "other", message: "A question before a reset." });
    await wipeDatabase(db);
    await seedDemo(db, clock.now());
    expect(await (await callerAs(db, clock, "bob@example.com")).support.mine()).toEqual([]);
  });
});
