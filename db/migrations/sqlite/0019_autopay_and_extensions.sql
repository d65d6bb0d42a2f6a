CREATE TABLE `autopay_cards` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`card_token` text NOT NULL,
	`card_last4` text NOT NULL,
	`enabled` integer DEFAULT false NOT NULL,
	`saved_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `autopay_charges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`instalment_id` integer NOT NULL,
	`consumer_id` integer NOT NULL,
	`bill_id` integer NOT NULL,
	`attempt` integer NOT NULL,
	`charge_date` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`card_last4` text NOT NULL,
	`status` text NOT NULL,
	`payment_id` integer,
	`claimed_until` integer NOT NULL,
	`created_at` integer NOT NULL,
	`settled_at` integer,
	FOREIGN KEY (`instalment_id`) REFERENCES `instalments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consumer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `autopay_charges_attempt_uq` ON `autopay_charges` (`instalment_id`,`attempt`);--> statement-breakpoint
CREATE UNIQUE INDEX `autopay_charges_day_uq` ON `autopay_charges` (`instalment_id`,`charge_date`);--> statement-breakpoint
CREATE UNIQUE INDEX `autopay_charges_payment_uq` ON `autopay_charges` (`payment_id`);--> statement-breakpoint
CREATE INDEX `autopay_charges_consumer_idx` ON `autopay_charges` (`consumer_id`,`id`);--> statement-breakpoint
CREATE INDEX `autopay_charges_pending_idx` ON `autopay_charges` (`id`) WHERE status = 'pending';--> statement-breakpoint
CREATE TABLE `due_date_extensions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`bill_id` integer NOT NULL,
	`instalment_id` integer NOT NULL,
	`consumer_id` integer NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`fee_fen` integer NOT NULL,
	`policy_version` integer NOT NULL,
	`idempotency_key` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`instalment_id`) REFERENCES `instalments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consumer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`policy_version`) REFERENCES `policy_versions`(`version`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `due_date_extensions_order_uq` ON `due_date_extensions` (`order_id`);--> statement-breakpoint
CREATE INDEX `due_date_extensions_consumer_idx` ON `due_date_extensions` (`consumer_id`,`id`);