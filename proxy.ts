import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { CROSS_ORIGIN_MESSAGE, isForeignOrigin } from "@/server/auth/same-origin";
import { authSecret } from "@/server/env";

const HOME = { consumer: "/account", merchant: "/merchant", admin: "/admin" } as const;

function areaRole(pathname: string): keyof typeof HOME {
  if (pathname.startsWith("/merchant")) return "merchant";
  if (pathname.startsWith("/admin")) return "admin";
  return "consumer";
}

const GUARDED = /^\/(account|cart|checkout|merchant|admin)(\/|$)/;

// Refuses a server action posted from another origin with a 403 (Next itself would answer it with a 500), and
// redirects: the signed-out to sign in, the wrong role to their own area. The procedures are the real fence.
export async function proxy(request: NextRequest) {
  if (request.method === "POST" && request.headers.has("next-action") && isForeignOrigin(request.headers))
    return new NextResponse(CROSS_ORIGIN_MESSAGE, { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (!GUARDED.test(request.nextUrl.pathname)) return NextResponse.next();
  const token = await getToken({ req: request, secret: authSecret() });
  if (!token) {
    const url = new URL("/sign-in", request.url);
    url.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(url);
  }
  const role = token.role;
  if (role && role !== areaRole(request.nextUrl.pathname)) {
    const url = new URL(HOME[role], request.url);
    url.searchParams.set("denied", "1");
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

// Every page (a server action can be posted to any of them); not Next's assets or the API routes.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/).*)"],
};
