"use client";
import { useErrorText } from "@/lib/i18n/text";
import { toast } from "@/lib/toast";
import { describeError } from "@/lib/trpc/errors";

/**
 * What every form does with a failed call: the message in the reader's language, shown as a toast at once;
 * the caller puts the returned message in its ErrorNotice (role alert) and the field errors by their fields.
 */
export function useShowFailure() {
  const errorText = useErrorText();
  return (err: unknown) => {
    const described = describeError(err);
    const message = errorText(described);
    toast.error(message);
    return { ...described, message };
  };
}
