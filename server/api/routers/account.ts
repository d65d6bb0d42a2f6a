import { z } from "zod";
import { publicProcedure, router } from "@/server/api/trpc";
import { PASSWORD_PROBLEM_MESSAGES, passwordProblem } from "@/server/domain/password-policy";
import { admitSignUpAttempt } from "@/server/auth/throttle";
import { signUpConsumer } from "@/server/services/accounts/sign-up";
import { currentPolicy } from "@/server/services/policy/current-policy";

export const signUpInput = z
  .object({
    name: z.string().trim().min(1, "Enter your name.").max(80),
    email: z.string().trim().email("Enter a valid email address.").max(254),
    password: z.string().min(10, "Use at least 10 characters.").max(200),
  })
  .superRefine((input, ctx) => {
    const problem = passwordProblem(input.password, input.email);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: PASSWORD_PROBLEM_MESSAGES[problem] });
  });

export const accountRouter = router({
  // The public terms sign-up and help quote: the policy in force, never numbers written into the copy.
  terms: publicProcedure.query(async ({ ctx }) => {
    const { params } = await currentPolicy(ctx.db);
    return {
      startingScore: params.startingScore,
      minScore: params.minScore,
      graceDays: params.graceDays,
      lateFeeFen: params.lateFeeFen,
      lateFeeCapBps: params.lateFeeCapBps,
    };
  }),
  // Every attempt counts against the address, so "email taken" cannot be asked about in bulk.
  signUp: publicProcedure.input(signUpInput).mutation(async ({ ctx, input }) => {
    await admitSignUpAttempt(ctx.db, ctx.clock, ctx.clientAddress);
    return signUpConsumer(ctx.db, ctx.clock, input);
  }),
});
