ALTER TABLE `checkout_sessions` ADD `cancelled_at` integer;--> statement-breakpoint
CREATE INDEX `api_idempotency_created_idx` ON `api_idempotency` (`created_at`);