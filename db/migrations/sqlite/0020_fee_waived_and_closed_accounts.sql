ALTER TABLE `instalments` ADD `fee_waived_fen` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `refunds` ADD `fee_waived_fen` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `closed_at` integer;