// Contact support: what a question must be, and how often one person may send one.
import { z } from "zod";

export const SUPPORT_TOPIC_CODES = ["due_dates", "fees", "suspension", "refunds", "other"] as const;

/** The contact form and the procedure share this schema. */
export const supportQuestionSchema = z.object({
  topic: z.enum(SUPPORT_TOPIC_CODES, { error: "Choose what your question is about." }),
  message: z.string().trim().min(10, "Write at least 10 characters so we can help.").max(2000, "Keep it under 2,000 characters."),
});
export type SupportQuestion = z.infer<typeof supportQuestionSchema>;

export const supportAnswerSchema = z.object({
  answer: z.string().trim().min(2, "Write an answer.").max(2000, "Keep it under 2,000 characters."),
});

/** At most this many questions per person in a rolling hour: enough for a real need, not for a flood. */
export const SUPPORT_QUESTIONS_PER_HOUR = 3;
export const SUPPORT_WINDOW_MS = 60 * 60 * 1000;

export function mayAskAgain(askedInWindow: number): boolean {
  return askedInWindow < SUPPORT_QUESTIONS_PER_HOUR;
}
