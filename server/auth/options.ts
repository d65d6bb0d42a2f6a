import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { first } from "@/db/query";
import { users } from "@/db/schema";
import { safeCallbackPath } from "./callback-url";
import { verifyPassword } from "./password";
import { RATE_LIMITED_MESSAGE, SIGN_IN_LIMITS, signInLimiter } from "./rate-limit";
import { authSecret } from "@/server/env";
import { logger } from "@/server/log";

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase().email().max(254), password: z.string().min(1).max(200) });

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 60 * 60 * 24 * 7 },
  pages: { signIn: "/sign-in" },
  // Only the code goes to the log: next-auth's metadata can carry credentials.
  logger: {
    error: (code) => logger.error({ code }, "auth error"),
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
        const emailKey = `email:${parsed.data.email}`;
        const addressKey = `address:${clientAddress(req?.headers)}`;
        if (signInLimiter.isBlocked(emailKey, SIGN_IN_LIMITS.perEmail) || signInLimiter.isBlocked(addressKey, SIGN_IN_LIMITS.perAddress))
          throw new Error(RATE_LIMITED_MESSAGE);
        const user = await first(getDb().select().from(users).where(eq(users.email, parsed.data.email)));
        if (!user || !(await verifyPassword(parsed.data.password, user.passwordHash))) {
          signInLimiter.recordFailure(emailKey);
          signInLimiter.recordFailure(addressKey);
          return null;
        }
        signInLimiter.clear(emailKey);
        return { id: String(user.id), email: user.email, name: user.name, role: user.role };
      },
    }),
  ],
  callbacks: {
    // Where next-auth itself redirects (sign-in and sign-out with a callbackUrl): only paths on this site.
    redirect({ url, baseUrl }) {
      const path = safeCallbackPath(url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url);
      return path ? `${baseUrl}${path}` : baseUrl;
    },
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
      }
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

function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : "") || "local";
}
