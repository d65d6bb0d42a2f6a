ALTER TABLE "notifications" ALTER COLUMN "title" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "body" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "params" jsonb;--> statement-breakpoint
-- Rows written as English sentences get their kind's params where the sentence is the one the services wrote; the
-- rest keep their stored title and body, which the pages show as they are.
UPDATE "notifications" SET "params" = '{}'::jsonb WHERE "kind" IN ('pay_later_suspended', 'pay_later_reinstated');--> statement-breakpoint
UPDATE "notifications" SET "params" = jsonb_build_object('amountFen', replace(replace(substring(body from '^¥([0-9,]+\.[0-9]{2})'), ',', ''), '.', '')::integer)
WHERE "kind" = 'due_today' AND "body" ~ '^¥[0-9,]+\.[0-9]{2} is due today\.$';--> statement-breakpoint
UPDATE "notifications" SET "params" = jsonb_build_object('amountFen', replace(replace(substring(body from '^¥([0-9,]+\.[0-9]{2})'), ',', ''), '.', '')::integer, 'dueDate', substring(body from '([0-9]{4}-[0-9]{2}-[0-9]{2})\.$'))
WHERE "kind" = 'due_in_3' AND "body" ~ '^¥[0-9,]+\.[0-9]{2} is due on [0-9]{4}-[0-9]{2}-[0-9]{2}\.$';--> statement-breakpoint
UPDATE "notifications" SET "params" = jsonb_build_object('dueDate', substring(body from '^Your instalment due ([0-9]{4}-[0-9]{2}-[0-9]{2})'), 'feeFen', replace(replace(substring(body from 'late fee of ¥([0-9,]+\.[0-9]{2})'), ',', ''), '.', '')::integer)
WHERE "kind" = 'overdue' AND "body" ~ '^Your instalment due [0-9]{4}-[0-9]{2}-[0-9]{2} is overdue\. A late fee of ¥[0-9,]+\.[0-9]{2} was added; repay it to keep pay later\.$';--> statement-breakpoint
UPDATE "notifications" SET "params" = jsonb_build_object('amountFen', replace(replace(substring(body from '^We received your payment of ¥([0-9,]+\.[0-9]{2})'), ',', ''), '.', '')::integer, 'billPaid', "body" LIKE '%; the bill is paid in full. Thank you.')
WHERE "kind" = 'payment_received' AND "body" ~ '^We received your payment of ¥[0-9,]+\.[0-9]{2}(; the bill is paid in full)?\. Thank you\.$';--> statement-breakpoint
UPDATE "notifications" SET "title" = NULL, "body" = NULL WHERE "params" IS NOT NULL;