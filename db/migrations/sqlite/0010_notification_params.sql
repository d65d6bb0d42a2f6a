PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`params` text,
	`title` text,
	`body` text,
	`link` text,
	`dedupe_key` text NOT NULL,
	`read_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_notifications`("id", "user_id", "kind", "params", "title", "body", "link", "dedupe_key", "read_at", "created_at") SELECT "id", "user_id", "kind", NULL, "title", "body", "link", "dedupe_key", "read_at", "created_at" FROM `notifications`;--> statement-breakpoint
DROP TABLE `notifications`;--> statement-breakpoint
ALTER TABLE `__new_notifications` RENAME TO `notifications`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_dedupe_uq` ON `notifications` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`id`);--> statement-breakpoint
CREATE INDEX `notifications_unread_idx` ON `notifications` (`user_id`) WHERE read_at IS NULL;--> statement-breakpoint
-- Rows written as English sentences get their kind's params where the sentence is the one the services wrote; the
-- rest keep their stored title and body, which the pages show as they are.
UPDATE `notifications` SET `params` = '{}' WHERE `kind` IN ('pay_later_suspended', 'pay_later_reinstated');--> statement-breakpoint
UPDATE `notifications` SET `params` = json_object('amountFen', CAST(replace(replace(replace(substr(body, 1, length(body) - 14), '¥', ''), ',', ''), '.', '') AS INTEGER))
WHERE `kind` = 'due_today' AND `body` GLOB '¥[0-9]*.[0-9][0-9] is due today.';--> statement-breakpoint
UPDATE `notifications` SET `params` = json_object('amountFen', CAST(replace(replace(replace(substr(body, 1, length(body) - 22), '¥', ''), ',', ''), '.', '') AS INTEGER), 'dueDate', substr(body, length(body) - 10, 10))
WHERE `kind` = 'due_in_3' AND `body` GLOB '¥[0-9]*.[0-9][0-9] is due on [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9].';--> statement-breakpoint
UPDATE `notifications` SET `params` = json_object('dueDate', substr(body, 21, 10), 'feeFen', CAST(replace(replace(replace(substr(body, instr(body, '¥'), instr(body, ' was added') - instr(body, '¥')), '¥', ''), ',', ''), '.', '') AS INTEGER))
WHERE `kind` = 'overdue' AND `body` GLOB 'Your instalment due [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] is overdue. A late fee of ¥[0-9]*.[0-9][0-9] was added; repay it to keep pay later.';--> statement-breakpoint
UPDATE `notifications` SET `params` = json_object('amountFen', CAST(replace(replace(replace(substr(body, 29, length(body) - 40), '¥', ''), ',', ''), '.', '') AS INTEGER), 'billPaid', json('false'))
WHERE `kind` = 'payment_received' AND `body` GLOB 'We received your payment of ¥[0-9]*.[0-9][0-9]. Thank you.';--> statement-breakpoint
UPDATE `notifications` SET `params` = json_object('amountFen', CAST(replace(replace(replace(substr(body, 29, length(body) - 66), '¥', ''), ',', ''), '.', '') AS INTEGER), 'billPaid', json('true'))
WHERE `kind` = 'payment_received' AND `body` GLOB 'We received your payment of ¥[0-9]*.[0-9][0-9]; the bill is paid in full. Thank you.';--> statement-breakpoint
UPDATE `notifications` SET `title` = NULL, `body` = NULL WHERE `params` IS NOT NULL;