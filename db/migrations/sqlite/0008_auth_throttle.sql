CREATE TABLE `auth_throttle` (
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`window_start` integer NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`blocked_until` integer,
	PRIMARY KEY(`scope`, `key`)
);
