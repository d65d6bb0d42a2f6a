"use client";
import { useErrorText } from "@/lib/i18n/text";
import { describeError } from "@/lib/trpc/errors";

/**
 * What every form does with a failed call: the message in the reader's language, which the caller puts in its
 * ErrorNotice (role alert) and the field errors by their fields. No toast as well: one feedback per action.
 */
export function useShowFailure() {
  const errorText = useErrorText();
  return (err: unknown) => {
    const described = describeError(err);
    const message = errorText(described);
    return { ...described, message };
  };
}
