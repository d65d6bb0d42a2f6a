// The session cookie as next-auth really sets it, through its own handler: Secure (and __Secure- named) when the
// request came over https, plain over http; and a signed-out token is refused and its cookie cleared.
import type { IncomingMessage } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import NextAuth from "next-auth";
import { decode } from "next-auth/jwt";
import type { Db } from "@/db/client";
import { servedOverHttps, stampForwarding } from "@/server/auth/client-address";
import { authOptionsFor } from "@/server/auth/options";
import { revokeSession } from "@/server/auth/revocation";
import { authSecret } from "@/server/env";
import { seededDb } from "./helpers";

type Reply = { status: number; body: unknown; setCookies: string[] };

// next-auth's options reach the database through getDb(): point it at this test's database.
const appDb = globalThis as unknown as { houfuDb?: Db };
let previous: Db | undefined;
beforeEach(() => {
  previous = appDb.houfuDb;
});
afterEach(() => {
  appDb.houfuDb = previous;
});

/** One call to next-auth's handler (its Node form: no Next request scope needed). */
async function nextAuth(
  secure: boolean,
  action: string[],
  request: { method?: string; body?: object; cookies?: Record<string, string> } = {},
): Promise<Reply> {
  const headers = new Map<string, string[]>();
  const reply: Reply = { status: 200, body: undefined, setCookies: [] };
  const res = {
    status(code: number) {
      reply.status = code;
      return res;
    },
    setHeader(name: string, value: string | string[]) {
      headers.set(name.toLowerCase(), Array.isArray(value) ? value : [value]);
      return res;
    },
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    end() {},
    json(body: unknown) {
      reply.body = body;
    },
    send(body: unknown) {
      reply.body = body;
    },
  };
  const req = { query: { nextauth: action }, method: request.method ?? "GET", body: request.body ?? {}, cookies: request.cookies ?? {}, headers: {} };
  await (NextAuth as unknown as (req: object, res: object, options: object) => Promise<void>)(req, res, authOptionsFor(secure));
  reply.setCookies = headers.get("set-cookie") ?? [];
  return reply;
}

const cookiePair = (setCookie: string) => setCookie.split(";")[0]!.split("=") as [string, string];

async function signIn(secure: boolean, email: string) {
  const csrf = await nextAuth(secure, ["csrf"]);
  const [csrfName, csrfValue] = cookiePair(csrf.setCookies[0]!);
  const { csrfToken } = csrf.body as { csrfToken: string };
  const signedIn = await nextAuth(secure, ["callback", "credentials"], {
    method: "POST",
    body: { csrfToken, email, password: "houfu-demo-2026", json: "true" },
    cookies: { [csrfName]: decodeURIComponent(csrfValue) },
  });
  const session = signedIn.setCookies.find((c) => c.includes("next-auth.session-token="));
  expect(session, JSON.stringify(signedIn)).toBeTruthy();
  return session!;
}

const attributes = (setCookie: string) =>
  setCookie
    .split(";")
    .slice(1)
    .map((part) => part.trim().split("=")[0]!.toLowerCase());

describe("the session cookie", () => {
  it("over https is Secure, HttpOnly, SameSite=Lax and named __Secure-", async () => {
    appDb.houfuDb = (await seededDb()).db;
    const cookie = await signIn(true, "alice@example.com");
    expect(cookie.startsWith("__Secure-next-auth.session-token=")).toBe(true);
    expect(attributes(cookie)).toEqual(expect.arrayContaining(["secure", "httponly", "samesite", "path"]));
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it("over plain http is HttpOnly and SameSite=Lax but not Secure, and signing in works", async () => {
    appDb.houfuDb = (await seededDb()).db;
    const cookie = await signIn(false, "alice@example.com");
    expect(cookie.startsWith("next-auth.session-token=")).toBe(true);
    expect(attributes(cookie)).not.toContain("secure");
    expect(attributes(cookie)).toEqual(expect.arrayContaining(["httponly", "samesite"]));
    const [name, value] = cookiePair(cookie);
    const session = await nextAuth(false, ["session"], { cookies: { [name]: value } });
    expect(session.body).toMatchObject({ user: { email: "alice@example.com", role: "consumer" } });
  });

  it("carries its own id and the user's session version; once signed out, next-auth refuses it and clears the cookie", async () => {
    const { db, clock } = await seededDb();
    appDb.houfuDb = db;
    const [name, value] = cookiePair(await signIn(true, "bob@example.com"));
    const token = await decode({ token: value, secret: authSecret() });
    expect(token).toMatchObject({ sv: 0, sid: expect.any(String), role: "consumer" });
    await revokeSession(db, clock, { sessionId: token!.sid, userId: token!.uid, expiresAt: new Date((token!.exp as number) * 1000) });
    const refused = await nextAuth(true, ["session"], { cookies: { [name]: value } });
    expect(refused.body).toEqual({});
    expect(refused.setCookies.some((c) => c.startsWith(`${name}=;`) || /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c))).toBe(true);
  });
});

describe("whether a request came over https", () => {
  const request = (peer: string, headers: Record<string, string>) =>
    ({ socket: { remoteAddress: peer }, headers: { ...headers } }) as unknown as IncomingMessage;
  // What Next does after the stamp: fill X-Forwarded-Proto from the socket when no one set it (http here).
  const asNextSeesIt = (req: IncomingMessage) => ({ "x-forwarded-proto": "http", ...req.headers }) as Record<string, unknown>;

  it("believes a trusted proxy's X-Forwarded-Proto: https", () => {
    const req = request("10.0.0.2", { "x-forwarded-proto": "https", "x-forwarded-for": "198.51.100.4" });
    stampForwarding(req, new Set(["10.0.0.2"]));
    expect(servedOverHttps(asNextSeesIt(req), "http://localhost:3000")).toBe(true);
  });

  it("ignores X-Forwarded-Proto from anyone else", () => {
    const req = request("198.51.100.9", { "x-forwarded-proto": "https" });
    stampForwarding(req, new Set(["10.0.0.2"]));
    expect(servedOverHttps(asNextSeesIt(req), "http://localhost:3000")).toBe(false);
    expect(servedOverHttps(asNextSeesIt(req), undefined)).toBe(false);
  });

  it("is https whenever NEXTAUTH_URL is", () => {
    expect(servedOverHttps(new Headers({ "x-forwarded-proto": "http" }), "https://houfu.example")).toBe(true);
  });
});
