import type { Role } from "@/db/schema";

declare module "next-auth" {
  interface User {
    role: Role;
    sessionVersion: number;
  }
  interface Session {
    user: { id: number; role: Role; email: string; name: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: number;
    role: Role;
    /** The user's session version when the token was issued, and the token's own id (server/auth/revocation.ts). */
    sv: number;
    sid: string;
  }
}
