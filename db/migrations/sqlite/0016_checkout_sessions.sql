CREATE TABLE `checkout_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`store_id` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`merchant_reference` text NOT NULL,
	`items` text NOT NULL,
	`success_url` text NOT NULL,
	`cancel_url` text NOT NULL,
	`status` text NOT NULL,
	`order_id` integer,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `checkout_sessions_order_uq` ON `checkout_sessions` (`order_id`);--> statement-breakpoint
CREATE INDEX `checkout_sessions_store_idx` ON `checkout_sessions` (`store_id`,`created_at`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_order_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`product_id` integer,
	`product_name` text NOT NULL,
	`unit_price_fen` integer NOT NULL,
	`quantity` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_order_lines`("id", "order_id", "product_id", "product_name", "unit_price_fen", "quantity") SELECT "id", "order_id", "product_id", "product_name", "unit_price_fen", "quantity" FROM `order_lines`;--> statement-breakpoint
DROP TABLE `order_lines`;--> statement-breakpoint
ALTER TABLE `__new_order_lines` RENAME TO `order_lines`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `order_lines_order_idx` ON `order_lines` (`order_id`);--> statement-breakpoint
ALTER TABLE `orders` ADD `authorized_fen` integer;--> statement-breakpoint
ALTER TABLE `orders` ADD `authorized_until` integer;--> statement-breakpoint
ALTER TABLE `orders` ADD `captured_at` integer;--> statement-breakpoint
CREATE INDEX `orders_authorized_until_idx` ON `orders` (`authorized_until`) WHERE status = 'authorized';