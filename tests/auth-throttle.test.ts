// Sign-in and sign-up throttling against the pen test's attacks: timing enumeration, the sign-up oracle,
// X-Forwarded-For rotation, and locking an owner out from elsewhere. The counters live in the database.
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { authenticate } from "@/server/auth/authenticate";
import { verifyPassword } from "@/server/auth/password";
import { clientAddressOf, stampForwarding } from "@/server/auth/client-address";
import type { Db } from "@/db/client";
import { authThrottle } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import { THROTTLE_RETAIN_MS } from "@/server/domain/throttle";
import { runCreditJobs } from "@/server/services/jobs/run-credit-jobs";
import type { MovableClock } from "@/server/clock";
import { secondConnection, seededDb } from "./helpers";

const PASSWORD = "houfu-demo-2026";
const signIn = (db: Db, clock: MovableClock, email: string, password: string, address: string) =>
  authenticate(db, clock, { email, password, address });

describe("sign-in does not tell which emails have accounts", () => {
  it("an unknown email is checked against a hash as slow as a real one", async () => {
    const { db, clock } = await seededDb();
    const checked: string[] = [];
    const watch = async (password: string, hash: string) => {
      checked.push(hash);
      return verifyPassword(password, hash);
    };
    expect(await authenticate(db, clock, { email: "nobody@example.com", password: "guess", address: "198.51.100.1" }, watch)).toEqual({
      ok: false,
      reason: "wrong_credentials",
    });
    expect(await authenticate(db, clock, { email: "alice@example.com", password: "guess", address: "198.51.100.2" }, watch)).toEqual({
      ok: false,
      reason: "wrong_credentials",
    });
    expect(checked).toHaveLength(2);
    // The same scheme and cost parameters: only the salt and key differ.
    expect(checked[0]!.split("$").slice(0, 4)).toEqual(checked[1]!.split("$").slice(0, 4));
  });

  it("a wrong password costs about the same whether the email is known or not", async () => {
    const { db, clock } = await seededDb();
    let n = 0;
    // Interleaved, each from its own address so no throttle answers early; the fastest of each is the least noisy.
    const timed = async (email: string) => {
      const started = performance.now();
      await signIn(db, clock, email, "wrong-password", `198.51.100.${10 + n++}`);
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await timed("alice@example.com"));
      unknown.push(await timed(`nobody${i}@example.com`));
    }
    // Without the dummy hash the unknown email skipped scrypt: a few ms against ~50 ms.
    expect(Math.min(...unknown)).toBeGreaterThan(Math.min(...known) * 0.5);
  });

  it("sign-up attempts are limited per address, taken email or not", async () => {
    const { db, clock } = await seededDb();
    const from = (clientAddress: string) => createCaller(createContext({ db, clock, user: null, clientAddress }));
    const codeOf = (p: Promise<unknown>) =>
      p.then(
        () => "OK",
        (e: { code?: string }) => e.code,
      );
    const probe = (i: number) => ({ name: "Probe", email: i % 2 ? "alice@example.com" : `probe${i}@example.com`, password: "a-long-password-1" });
    for (let i = 0; i < 10; i++) expect(await codeOf(from("203.0.113.5").account.signUp(probe(i)))).not.toBe("TOO_MANY_REQUESTS");
    expect(await codeOf(from("203.0.113.5").account.signUp(probe(11)))).toBe("TOO_MANY_REQUESTS");
    expect(await codeOf(from("203.0.113.5").account.signUp(probe(12)))).toBe("TOO_MANY_REQUESTS");
    expect(await codeOf(from("203.0.113.6").account.signUp(probe(13)))).toBe("CONFLICT");
    clock.set(new Date(clock.now().getTime() + 61 * 60_000));
    expect(await codeOf(from("203.0.113.5").account.signUp(probe(14)))).toBe("OK");
  });
});

describe("forwarded headers", () => {
  const request = (peer: string, headers: Record<string, string>) =>
    ({ socket: { remoteAddress: peer }, headers: { ...headers } }) as unknown as IncomingMessage;

  it("from an unknown peer are dropped, so the connection's address is the client's", () => {
    const req = request("::ffff:192.0.2.7", {
      "x-forwarded-for": "10.9.9.9",
      "x-forwarded-host": "evil.example",
      "x-real-ip": "10.1.1.1",
      "x-houfu-client": "10.2.2.2",
    });
    stampForwarding(req, new Set());
    expect(clientAddressOf(req.headers)).toBe("192.0.2.7");
    expect(req.headers["x-forwarded-for"]).toBeUndefined();
    expect(req.headers["x-forwarded-host"]).toBeUndefined();
    expect(req.headers["x-real-ip"]).toBeUndefined();
  });

  it("from a trusted proxy name the nearest untrusted hop", () => {
    const req = request("10.0.0.2", { "x-forwarded-for": "6.6.6.6, 192.0.2.7, 10.0.0.1", "x-forwarded-host": "shop.example" });
    stampForwarding(req, new Set(["10.0.0.1", "10.0.0.2"]));
    expect(clientAddressOf(req.headers)).toBe("192.0.2.7");
    expect(req.headers["x-forwarded-host"]).toBe("shop.example");
  });

  it("rotating X-Forwarded-For does not reset the per-address limit", async () => {
    const { db, clock } = await seededDb();
    const trusted = new Set<string>();
    const results = [];
    for (let i = 0; i < 25; i++) {
      const req = request("192.0.2.7", { "x-forwarded-for": `10.0.${i}.1` });
      stampForwarding(req, trusted);
      results.push(await signIn(db, clock, `user${i}@example.com`, "guess", clientAddressOf(req.headers)));
    }
    expect(results.slice(0, 20).every((r) => !r.ok && r.reason === "wrong_credentials")).toBe(true);
    expect(results.slice(20).every((r) => !r.ok && r.reason === "rate_limited")).toBe(true);
  });
});

describe("lockout cannot be used against the owner", () => {
  it("an attacker elsewhere cannot lock the owner out of the address they sign in from", async () => {
    const { db, clock } = await seededDb();
    expect((await signIn(db, clock, "alice@example.com", PASSWORD, "192.0.2.10")).ok).toBe(true);
    for (let i = 0; i < 40; i++) await signIn(db, clock, "alice@example.com", `guess-${i}`, `203.0.113.${i}`);
    expect((await signIn(db, clock, "alice@example.com", PASSWORD, "192.0.2.10")).ok).toBe(true);
  });

  it("five failures lock only that email at that address", async () => {
    const { db, clock } = await seededDb();
    for (let i = 0; i < 5; i++)
      expect(await signIn(db, clock, "bob@example.com", `guess-${i}`, "203.0.113.1")).toMatchObject({ reason: "wrong_credentials" });
    expect(await signIn(db, clock, "bob@example.com", PASSWORD, "203.0.113.1")).toMatchObject({ ok: false, reason: "rate_limited" });
    expect((await signIn(db, clock, "bob@example.com", PASSWORD, "192.0.2.20")).ok).toBe(true);
    expect((await signIn(db, clock, "carol@example.com", PASSWORD, "203.0.113.1")).ok).toBe(true);
    clock.set(new Date(clock.now().getTime() + 15 * 60_000 + 1));
    expect((await signIn(db, clock, "bob@example.com", PASSWORD, "203.0.113.1")).ok).toBe(true);
  });

  it("guessing from many addresses slows to a few tries an hour, and the owner waits at most 15 minutes", async () => {
    const { db, clock } = await seededDb();
    let guesses = 0;
    let address = 0;
    const end = clock.now().getTime() + 60 * 60_000;
    // A guesser with unlimited addresses tries every second for an hour.
    while (clock.now().getTime() < end) {
      const outcome = await signIn(db, clock, "dave@example.com", `guess-${guesses}`, `10.${address >> 8}.${address & 255}.1`);
      address++;
      if (!outcome.ok && outcome.reason === "wrong_credentials") guesses++;
      clock.set(new Date(clock.now().getTime() + (outcome.ok || outcome.reason === "wrong_credentials" ? 1_000 : 30_000)));
    }
    expect(guesses).toBeLessThan(25);
    // The owner at a new address is held by the email's delay, but never longer than its cap.
    clock.set(new Date(clock.now().getTime() + 15 * 60_000 + 1));
    expect((await signIn(db, clock, "dave@example.com", PASSWORD, "192.0.2.30")).ok).toBe(true);
  });

  it("every app server sees the same counters (they live in the database)", async () => {
    const { db, clock } = await seededDb();
    const other = secondConnection(db);
    for (let i = 0; i < 3; i++) await signIn(db, clock, "erin@example.com", `guess-${i}`, "203.0.113.9");
    for (let i = 3; i < 5; i++) await signIn(other, clock, "erin@example.com", `guess-${i}`, "203.0.113.9");
    expect(await signIn(db, clock, "erin@example.com", PASSWORD, "203.0.113.9")).toMatchObject({ reason: "rate_limited" });
    expect(await signIn(other, clock, "erin@example.com", PASSWORD, "203.0.113.9")).toMatchObject({ reason: "rate_limited" });
  });
});

describe("the counters do not grow for ever", () => {
  it("the credit jobs delete counters that no longer change any answer, and keep the rest", async () => {
    const { db, clock } = await seededDb();
    const now = clock.now().getTime();
    const day = 24 * 60 * 60_000;
    await withTransaction(db, (tx) =>
      tx.insert(authThrottle).values([
        { scope: "signInPair", key: "stale", windowStart: new Date(now - THROTTLE_RETAIN_MS - day), failures: 3, blockedUntil: null },
        { scope: "signInPair", key: "recent", windowStart: new Date(now - day), failures: 3, blockedUntil: null },
        {
          scope: "signInEmail",
          key: "still-blocked",
          windowStart: new Date(now - THROTTLE_RETAIN_MS - day),
          failures: 40,
          blockedUntil: new Date(now + day),
        },
      ]),
    );
    const report = await runCreditJobs(db, clock.now());
    expect(report.throttlesPurged).toBe(1);
    const left = (await db.select({ key: authThrottle.key }).from(authThrottle)).map((r) => r.key).sort();
    expect(left).toEqual(["recent", "still-blocked"]);
  });
});
