import type { ReactNode } from "react";
import { requireRole } from "@/server/auth/session";

export default async function AccountLayout({ children }: { children: ReactNode }) {
  await requireRole("consumer", "/account");
  return children;
}
