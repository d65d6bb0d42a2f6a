import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { authSecret } from "@/server/env";

const HOME = { consumer: "/account", merchant: "/merchant", admin: "/admin" } as const;

function areaRole(pathname: string): keyof typeof HOME {
  if (pathname.startsWith("/merchant")) return "merchant";
  if (pathname.startsWith("/admin")) return "admin";
  return "consumer";
}

// Only redirects: the signed-out to sign in, the wrong role to their own area. The procedures are the real fence.
export async function proxy(request: NextRequest) {
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

export const config = {
  matcher: ["/account/:path*", "/account", "/cart", "/checkout", "/merchant/:path*", "/merchant", "/admin/:path*", "/admin"],
};
