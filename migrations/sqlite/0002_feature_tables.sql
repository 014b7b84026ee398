CREATE TABLE `backfill_state` (
	`repository_id` integer NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`cursor` text,
	`done` integer DEFAULT 0 NOT NULL,
	`total` integer,
	`requests` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`started_at` integer,
	`updated_at` integer NOT NULL,
	`finished_at` integer,
	PRIMARY KEY(`repository_id`, `kind`)
);
--> statement-breakpoint
CREATE TABLE `contributors` (
	`repository_id` integer NOT NULL,
	`login` text NOT NULL,
	`user_id` integer,
	`number` integer,
	`first_contributed_at` integer NOT NULL,
	`first_pull_number` integer,
	`source` text NOT NULL,
	PRIMARY KEY(`repository_id`, `login`)
);
--> statement-breakpoint
CREATE INDEX `contributors_order_idx` ON `contributors` (`repository_id`,`first_contributed_at`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`repository_id` integer NOT NULL,
	`company` text NOT NULL,
	`company_key` text NOT NULL,
	`plan` text NOT NULL,
	`mrr_cents` integer NOT NULL,
	`login` text,
	`since` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_company_unique` ON `customers` (`repository_id`,`company_key`);--> statement-breakpoint
CREATE TABLE `daily_metrics` (
	`repository_id` integer NOT NULL,
	`day` text NOT NULL,
	`metric` text NOT NULL,
	`value` real NOT NULL,
	PRIMARY KEY(`repository_id`, `metric`, `day`)
);
--> statement-breakpoint
CREATE TABLE `digests` (
	`repository_id` integer NOT NULL,
	`week` text NOT NULL,
	`issue_number` integer NOT NULL,
	`issue_url` text NOT NULL,
	`figures` text NOT NULL,
	`published_at` integer NOT NULL,
	`closed_at` integer,
	PRIMARY KEY(`repository_id`, `week`)
);
--> statement-breakpoint
CREATE TABLE `lead_signals` (
	`repository_id` integer NOT NULL,
	`natural_key` text NOT NULL,
	`login` text NOT NULL,
	`item_number` integer,
	`terms` text NOT NULL,
	`occurred_at` integer NOT NULL,
	PRIMARY KEY(`repository_id`, `natural_key`)
);
--> statement-breakpoint
CREATE INDEX `lead_signals_login_idx` ON `lead_signals` (`repository_id`,`login`);--> statement-breakpoint
CREATE TABLE `milestone_crossings` (
	`repository_id` integer NOT NULL,
	`metric` text NOT NULL,
	`threshold` integer NOT NULL,
	`crossed_at` integer NOT NULL,
	`value` integer NOT NULL,
	`login` text,
	`item_number` integer,
	PRIMARY KEY(`repository_id`, `metric`, `threshold`)
);
--> statement-breakpoint
CREATE TABLE `repository_facts` (
	`repository_id` integer PRIMARY KEY NOT NULL,
	`data` text NOT NULL,
	`checked_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `user_profiles` (
	`login` text PRIMARY KEY NOT NULL,
	`user_id` integer,
	`type` text,
	`company` text,
	`company_key` text,
	`fetched_at` integer NOT NULL
);
