import { and, asc, eq, gte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { creditEvents, creditProfiles } from "@/db/schema";
import type { Clock } from "@/server/clock";
import { addDays, localDate, startOfLocalDate } from "@/server/calendar";
import { dailyScores, wayUp } from "@/server/domain/score-history";
import { currentPolicy } from "@/server/services/policy/current-policy";

/** How far back the chart looks: two years of days at most, so the read stays bounded. */
export const SCORE_HISTORY_DAYS = 730;

/** The consumer's score per day it changed over the last two years, and what the next limit band needs now. */
export async function scoreHistory(db: Db, clock: Clock, consumerId: number) {
  const now = clock.now();
  const since = startOfLocalDate(addDays(localDate(now), -SCORE_HISTORY_DAYS));
  const [events, profile, policy] = await Promise.all([
    db
      .select({ createdAt: creditEvents.createdAt, scoreAfter: creditEvents.scoreAfter })
      .from(creditEvents)
      .where(and(eq(creditEvents.userId, consumerId), gte(creditEvents.createdAt, since)))
      .orderBy(asc(creditEvents.createdAt), asc(creditEvents.id)),
    first(db.select({ score: creditProfiles.score }).from(creditProfiles).where(eq(creditProfiles.userId, consumerId))),
    currentPolicy(db),
  ]);
  const score = profile?.score ?? policy.params.startingScore;
  return {
    points: dailyScores(events.map((e) => ({ on: localDate(e.createdAt), scoreAfter: e.scoreAfter }))),
    score,
    wayUp: wayUp(score, policy.params),
  };
}
