import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { creditEvents, creditProfiles, users } from "@/db/schema";
import { isUniqueViolation, withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";
import { DomainError } from "@/server/domain/errors";
import { hashPassword } from "@/server/auth/password";
import { currentPolicy } from "@/server/services/policy/current-policy";

const emailTaken = () => new DomainError("EMAIL_TAKEN", "An account with this email already exists. Sign in instead.");

/** Creates a consumer with the policy's starting score and pay-later not enabled. */
export async function signUpConsumer(db: Db, clock: Clock, input: { email: string; name: string; password: string }): Promise<{ userId: number }> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  try {
    return await withTransaction(db, async (tx) => {
      if (await first(tx.select({ id: users.id }).from(users).where(eq(users.email, email)))) throw emailTaken();
      const now = clock.now();
      const { params } = await currentPolicy(tx);
      const user = (await first(
        tx.insert(users).values({ email, name: input.name.trim(), passwordHash, role: "consumer", createdAt: now }).returning({ id: users.id }),
      ))!;
      await tx.insert(creditProfiles).values({ userId: user.id, score: params.startingScore, payLaterStatus: "not_enabled", updatedAt: now });
      await tx
        .insert(creditEvents)
        .values({ userId: user.id, delta: 0, scoreAfter: params.startingScore, reason: "signup", note: "Starting score", createdAt: now });
      return { userId: user.id };
    });
  } catch (error) {
    // PostgreSQL: a concurrent sign-up with the same email committed first and users_email_uq refused this one.
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}
