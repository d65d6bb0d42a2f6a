import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { Role } from "@/db/schema";
import type { SessionUser } from "@/server/api/trpc";
import { servedOverHttps } from "./client-address";
import { authOptionsFor } from "./options";

/** The signed-in user of this request, or null (also for a token that was signed out: one indexed read, once a request). */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptionsFor(servedOverHttps(await headers())));
  if (!session?.user?.id || !session.user.role) return null;
  return { id: session.user.id, role: session.user.role, email: session.user.email, name: session.user.name };
});

export const HOME_FOR_ROLE: Record<Role, string> = { consumer: "/account", merchant: "/merchant", admin: "/admin" };

/** For area layouts and pages: sends the signed-out to sign in and the wrong role home. */
export async function requireRole(role: Role, from: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(from)}`);
  if (user.role !== role) redirect(`${HOME_FOR_ROLE[user.role]}?denied=1`);
  return user;
}
