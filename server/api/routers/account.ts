import { z } from "zod";
import { publicProcedure, router } from "@/server/api/trpc";
import { signUpConsumer } from "@/server/services/accounts/sign-up";

export const signUpInput = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(80),
  email: z.string().trim().email("Enter a valid email address.").max(254),
  password: z.string().min(10, "Use at least 10 characters.").max(200),
});

export const accountRouter = router({
  signUp: publicProcedure.input(signUpInput).mutation(({ ctx, input }) => signUpConsumer(ctx.db, ctx.clock, input)),
});
