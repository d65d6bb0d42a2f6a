import { redirect } from "next/navigation";
import { getSessionUser, HOME_FOR_ROLE } from "@/server/auth/session";
import { SignUpForm } from "./sign-up-form";

export const metadata = { title: "Create an account" };

export default async function SignUpPage() {
  const user = await getSessionUser();
  if (user) redirect(HOME_FOR_ROLE[user.role]);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-semibold">Create your Houfu account</h1>
      <p className="mb-6 text-sm text-slate-600">New accounts start with a credit score of 600. Enable pay later from your credit page.</p>
      <SignUpForm />
    </div>
  );
}
