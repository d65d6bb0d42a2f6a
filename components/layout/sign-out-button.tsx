import { signOutAction } from "@/server/auth/sign-out";

/** A plain form posting a server action: works before hydration and keeps next-auth/react out of the bundle. */
export function SignOutButton({ label = "Sign out" }: { label?: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className="min-h-11 rounded-lg px-3 text-sm font-medium text-slate-700 hover:bg-slate-100">
        {label}
      </button>
    </form>
  );
}
