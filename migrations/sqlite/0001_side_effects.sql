CREATE TABLE `side_effects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`repository_id` integer NOT NULL,
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`period` text DEFAULT '' NOT NULL,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 1 NOT NULL,
	`claimed_at` integer NOT NULL,
	`done_at` integer,
	`result` text,
	`last_error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `side_effects_key_unique` ON `side_effects` (`repository_id`,`kind`,`subject`,`period`);--> statement-breakpoint
CREATE INDEX `side_effects_pending_idx` ON `side_effects` (`state`,`claimed_at`);