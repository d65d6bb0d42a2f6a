import { eq } from "drizzle-orm";
import { immediate, type Db } from "@/db/client";
import { creditEvents, creditProfiles, users } from "@/db/schema";
import type { Clock } from "@/server/clock";
import { DomainError } from "@/server/domain/errors";
import { hashPassword } from "@/server/auth/password";
import { currentPolicy } from "@/server/services/policy/current-policy";

/** Creates a consumer with the policy's starting score and pay-later not enabled. */
export async function signUpConsumer(
  db: Db,
  clock: Clock,
  input: { email: string; name: string; password: string },
): Promise<{ userId: number }> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  return immediate(db, (tx) => {
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get())
      throw new DomainError("EMAIL_TAKEN", "An account with this email already exists. Sign in instead.");
    const now = clock.now();
    const { params } = currentPolicy(tx);
    const user = tx
      .insert(users)
      .values({ email, name: input.name.trim(), passwordHash, role: "consumer", createdAt: now })
      .returning({ id: users.id })
      .get();
    tx.insert(creditProfiles)
      .values({ userId: user.id, score: params.startingScore, payLaterStatus: "not_enabled", updatedAt: now })
      .run();
    tx.insert(creditEvents)
      .values({ userId: user.id, delta: 0, scoreAfter: params.startingScore, reason: "signup", note: "Starting score", createdAt: now })
      .run();
    return { userId: user.id };
  });
}
