CREATE TABLE `config_status` (
	`repository_id` integer PRIMARY KEY NOT NULL,
	`valid` integer NOT NULL,
	`errors` text NOT NULL,
	`fingerprint` text NOT NULL,
	`checked_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`event` text NOT NULL,
	`action` text,
	`repository_id` integer,
	`installation_id` integer,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `deliveries_repository_idx` ON `deliveries` (`repository_id`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`repository_id` integer NOT NULL,
	`delivery_id` text,
	`natural_key` text NOT NULL,
	`kind` text NOT NULL,
	`actor_login` text NOT NULL,
	`actor_id` integer,
	`actor_type` text NOT NULL,
	`association` text,
	`item_number` integer,
	`is_pull` integer,
	`occurred_at` integer NOT NULL,
	`data` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_natural_key_unique` ON `events` (`repository_id`,`natural_key`);--> statement-breakpoint
CREATE INDEX `events_repository_time_idx` ON `events` (`repository_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `events_item_idx` ON `events` (`repository_id`,`item_number`);--> statement-breakpoint
CREATE INDEX `events_actor_idx` ON `events` (`repository_id`,`actor_login`);--> statement-breakpoint
CREATE TABLE `installations` (
	`id` integer PRIMARY KEY NOT NULL,
	`account_login` text NOT NULL,
	`account_type` text NOT NULL,
	`suspended` integer DEFAULT false NOT NULL,
	`registered_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `items` (
	`repository_id` integer NOT NULL,
	`number` integer NOT NULL,
	`is_pull` integer NOT NULL,
	`title` text NOT NULL,
	`author_login` text NOT NULL,
	`author_id` integer,
	`author_type` text NOT NULL,
	`author_association` text NOT NULL,
	`state` text NOT NULL,
	`draft` integer DEFAULT false NOT NULL,
	`locked` integer DEFAULT false NOT NULL,
	`labels` text DEFAULT '[]' NOT NULL,
	`assignees` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`closed_at` integer,
	`merged_at` integer,
	PRIMARY KEY(`repository_id`, `number`)
);
--> statement-breakpoint
CREATE INDEX `items_open_idx` ON `items` (`repository_id`,`state`);--> statement-breakpoint
CREATE TABLE `repositories` (
	`id` integer PRIMARY KEY NOT NULL,
	`installation_id` integer NOT NULL,
	`owner` text NOT NULL,
	`name` text NOT NULL,
	`full_name` text NOT NULL,
	`private` integer DEFAULT false NOT NULL,
	`registered_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `repositories_full_name_unique` ON `repositories` (`full_name`);--> statement-breakpoint
CREATE INDEX `repositories_installation_idx` ON `repositories` (`installation_id`);