import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { systemClock } from "@/server/clock";
import { authenticate, RATE_LIMITED_MESSAGE } from "./authenticate";
import { safeCallbackPath } from "./callback-url";
import { clientAddressOf } from "./client-address";
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
        const outcome = await authenticate(getDb(), systemClock, { ...parsed.data, address: clientAddressOf(req?.headers) });
        if (!outcome.ok && outcome.reason === "rate_limited") throw new Error(RATE_LIMITED_MESSAGE);
        if (!outcome.ok) return null;
        const { user } = outcome;
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
