DROP INDEX `instalments_open_store_overdue_idx`;--> statement-breakpoint
DROP INDEX `instalments_open_overdue_idx`;--> statement-breakpoint
CREATE INDEX `instalments_open_store_overdue_cov_idx` ON `instalments` (`store_id`,`overdue_on`,`bill_id`,`consumer_id`,`state`) WHERE state = 'open';--> statement-breakpoint
CREATE INDEX `instalments_open_overdue_cov_idx` ON `instalments` (`overdue_on`,`bill_id`,`consumer_id`,`state`) WHERE state = 'open';