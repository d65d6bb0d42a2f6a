import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { servedOverHttps } from "@/server/auth/client-address";
import { CROSS_ORIGIN_MESSAGE, isForeignOrigin } from "@/server/auth/same-origin";
import { authSecret, isProduction } from "@/server/env";
import { contentSecurityPolicy, newNonce } from "@/server/http/content-security-policy";

const HOME = { consumer: "/account", merchant: "/merchant", admin: "/admin" } as const;

function areaRole(pathname: string): keyof typeof HOME {
  if (pathname.startsWith("/merchant")) return "merchant";
  if (pathname.startsWith("/admin")) return "admin";
  return "consumer";
}

const GUARDED = /^\/(account|cart|checkout|merchant|admin)(\/|$)/;

// Refuses a server action posted from another origin with a 403 (Next itself would answer it with a 500),
// redirects the signed-out to sign in and the wrong role to their own area (the procedures are the real fence),
// and gives every page a CSP with a fresh script nonce.
export async function proxy(request: NextRequest) {
  if (request.method === "POST" && request.headers.has("next-action") && isForeignOrigin(request.headers))
    return new NextResponse(CROSS_ORIGIN_MESSAGE, { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (!GUARDED.test(request.nextUrl.pathname)) return withNonce(request);
  const token = await getToken({ req: request, secret: authSecret(), secureCookie: servedOverHttps(request.headers) });
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
  return withNonce(request);
}

// Next reads the nonce from the request's CSP header and puts it on the scripts it renders; the browser gets the same policy.
function withNonce(request: NextRequest): NextResponse {
  const policy = contentSecurityPolicy(newNonce(), { development: !isProduction });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

// Every page (a server action can be posted to any of them); not Next's assets or the API routes.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/).*)"],
};
