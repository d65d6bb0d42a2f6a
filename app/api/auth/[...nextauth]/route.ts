import NextAuth from "next-auth";
import { servedOverHttps } from "@/server/auth/client-address";
import { authOptionsFor } from "@/server/auth/options";

// The options depend on the request's scheme: over https the session cookie is Secure.
const handler = (request: Request, context: { params: Promise<{ nextauth: string[] }> }) =>
  NextAuth(request as never, context as never, authOptionsFor(servedOverHttps(request.headers)));

export { handler as GET, handler as POST };
