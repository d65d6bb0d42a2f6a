"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import { getDb } from "@/db/client";
import { systemClock } from "@/server/clock";
import { authSecret } from "@/server/env";
import { SESSION_MAX_AGE_S } from "./options";
import { endAllSessions, revokeSession } from "./revocation";
import { getSessionUser } from "./session";

// next-auth's session cookie (JWT strategy: the cookie is the whole session), possibly split into chunks,
// with or without the __Secure- prefix it takes on https.
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.(\d+))?$/;

type Jar = Awaited<ReturnType<typeof cookies>>;

/** The session token in the jar, its chunks put back together. */
function sessionToken(jar: Jar): string | undefined {
  const parts = jar
    .getAll()
    .map((cookie) => ({ cookie, match: SESSION_COOKIE.exec(cookie.name) }))
    .filter((entry) => entry.match)
    .sort((a, b) => Number(a.match![3] ?? 0) - Number(b.match![3] ?? 0));
  return parts.length ? parts.map((entry) => entry.cookie.value).join("") : undefined;
}

function expireSessionCookies(jar: Jar) {
  for (const cookie of jar.getAll())
    if (SESSION_COOKIE.test(cookie.name))
      jar.set(cookie.name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: cookie.name.startsWith("__Secure-") });
}

/**
 * Signs out without shipping next-auth/react to the browser: a form posts this server action (Next checks its
 * Origin). The token is revoked, so a copy of the cookie stops working too, and the cookie is expired.
 */
export async function signOutAction(): Promise<never> {
  const jar = await cookies();
  const raw = sessionToken(jar);
  const token = raw ? await decode({ token: raw, secret: authSecret() }).catch(() => null) : null;
  if (token && typeof token.sid === "string" && typeof token.uid === "number") {
    const expiresAt = new Date(typeof token.exp === "number" ? token.exp * 1000 : systemClock.now().getTime() + SESSION_MAX_AGE_S * 1000);
    await revokeSession(getDb(), systemClock, { sessionId: token.sid, userId: token.uid, expiresAt });
  }
  expireSessionCookies(jar);
  redirect("/");
}

/** Ends every session of the signed-in user, on every device, this one included, and sends them to sign in. */
export async function signOutEverywhereAction(): Promise<never> {
  const user = await getSessionUser();
  if (user) await endAllSessions(getDb(), user.id);
  expireSessionCookies(await cookies());
  redirect("/sign-in?signedOut=everywhere");
}

/** After the consumer closed their account (every session already ended with it): drops the cookie, says it is closed. */
export async function signOutClosedAccountAction(): Promise<never> {
  expireSessionCookies(await cookies());
  redirect("/account-closed");
}
