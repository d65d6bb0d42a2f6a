"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";

// next-auth's session cookie (JWT strategy: the cookie is the whole session), possibly split into chunks,
// with or without the __Secure- prefix it takes on https.
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

/**
 * Signs out without shipping next-auth/react to the browser: a form posts this server action (Next checks
 * its Origin), which expires the session cookie and sends the visitor to the shop.
 */
export async function signOutAction(): Promise<never> {
  const jar = await cookies();
  for (const cookie of jar.getAll())
    if (SESSION_COOKIE.test(cookie.name))
      jar.set(cookie.name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: cookie.name.startsWith("__Secure-") });
  redirect("/");
}
