DROP INDEX `instalments_open_store_overdue_on_idx`;--> statement-breakpoint
CREATE INDEX `instalments_open_store_overdue_on_idx` ON `instalments` (`store_id`,`overdue_on`,`id`) WHERE state = 'open';