import type { Role } from "@/db/schema";

declare module "next-auth" {
  interface User {
    role: Role;
  }
  interface Session {
    user: { id: number; role: Role; email: string; name: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: number;
    role: Role;
  }
}
