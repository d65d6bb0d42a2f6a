import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { systemClock } from "@/server/clock";
import { authenticate, RATE_LIMITED_MESSAGE } from "./authenticate";
import { safeCallbackPath } from "./callback-url";
import { clientAddressOf } from "./client-address";
import { sessionIsCurrent } from "./revocation";
import { authSecret } from "@/server/env";
import { logger } from "@/server/log";

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase().email().max(254), password: z.string().min(1).max(200) });

export const SESSION_MAX_AGE_S = 60 * 60 * 24 * 7;

// Thrown by the jwt callback for a signed-out token: next-auth then treats the request as signed out and clears the cookie.
const SESSION_ENDED = "SessionEnded";
class SessionEnded extends Error {
  override name = SESSION_ENDED;
}

const variants = new Map<boolean, NextAuthOptions>();

/**
 * next-auth's options for a request served over https or not (server/auth/client-address.ts servedOverHttps): over
 * https the session cookie is `Secure` (and named `__Secure-…`), so the request's scheme must pick the options.
 */
export function authOptionsFor(secure: boolean): NextAuthOptions {
  let options = variants.get(secure);
  if (!options) variants.set(secure, (options = { ...baseOptions, useSecureCookies: secure }));
  return options;
}

const baseOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/sign-in" },
  // Only the code goes to the log: next-auth's metadata can carry credentials. A signed-out token is no error.
  logger: {
    error: (code, metadata) =>
      (metadata as { name?: string } | undefined)?.name === SESSION_ENDED
        ? logger.info({ code }, "a signed-out session token was refused")
        : logger.error({ code }, "auth error"),
    warn: (code) => logger.warn({ code }, "auth warning"),
    debug: () => {},
  },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, req) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const outcome = await authenticate(getDb(), systemClock, { ...parsed.data, address: clientAddressOf(req?.headers) });
        if (!outcome.ok && outcome.reason === "rate_limited") throw new Error(RATE_LIMITED_MESSAGE);
        if (!outcome.ok) return null;
        const { user } = outcome;
        return { id: String(user.id), email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    // Where next-auth itself redirects (sign-in and sign-out with a callbackUrl): only paths on this site.
    redirect({ url, baseUrl }) {
      const path = safeCallbackPath(url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url);
      return path ? `${baseUrl}${path}` : baseUrl;
    },
    // A new token gets its own id and the user's session version; every later request checks both (revocation.ts).
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
        token.sv = user.sessionVersion;
        token.sid = randomUUID();
        return token;
      }
      if (!(await sessionIsCurrent(getDb(), token))) throw new SessionEnded("This session was signed out.");
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        session.user.id = token.uid;
        session.user.role = token.role;
      }
      return session;
    },
  },
};
