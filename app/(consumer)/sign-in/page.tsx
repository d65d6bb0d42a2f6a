import { redirect } from "next/navigation";
import { getSessionUser, HOME_FOR_ROLE } from "@/server/auth/session";
import { SignInForm } from "./sign-in-form";

export const metadata = { title: "Sign in" };

function safeCallback(url: string | undefined): string | null {
  return url && url.startsWith("/") && !url.startsWith("//") ? url : null;
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const user = await getSessionUser();
  if (user) redirect(safeCallback(callbackUrl) ?? HOME_FOR_ROLE[user.role]);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-semibold">Sign in to Houfu</h1>
      <SignInForm callbackUrl={safeCallback(callbackUrl)} />
    </div>
  );
}
