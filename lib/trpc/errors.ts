import { TRPCClientError } from "@trpc/client";

export type FieldErrors = Record<string, string[] | undefined>;

/** The message and field errors of a failed call, ready for an alert and the form fields. */
export function describeError(error: unknown): { message: string; code: string | null; fieldErrors: FieldErrors } {
  if (error instanceof TRPCClientError) {
    const data = error.data as { domainCode?: string | null; fieldErrors?: FieldErrors | null } | undefined;
    const fieldErrors = data?.fieldErrors ?? {};
    const message = Object.keys(fieldErrors).length > 0 ? "Please correct the highlighted fields." : error.message;
    return { message, code: data?.domainCode ?? null, fieldErrors };
  }
  return { message: "Something went wrong. Please try again.", code: null, fieldErrors: {} };
}
