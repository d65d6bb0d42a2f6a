DROP INDEX `instalments_open_store_overdue_cov_idx`;--> statement-breakpoint
CREATE INDEX `instalments_open_store_bill_idx` ON `instalments` (`store_id`,`bill_id`,`overdue_on`,`state`) WHERE state = 'open';--> statement-breakpoint
CREATE INDEX `instalments_open_store_consumer_idx` ON `instalments` (`store_id`,`consumer_id`,`overdue_on`,`state`) WHERE state = 'open';--> statement-breakpoint
CREATE INDEX `instalments_open_consumer_idx` ON `instalments` (`consumer_id`,`overdue_on`,`state`) WHERE state = 'open';