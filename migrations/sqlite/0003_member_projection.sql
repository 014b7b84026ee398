CREATE TABLE `community_members` (
	`repository_id` integer NOT NULL,
	`login` text NOT NULL,
	`actor_type` text NOT NULL,
	`maintainer_seen` integer NOT NULL,
	`first_starred_at` integer,
	`last_starred_at` integer,
	`last_unstarred_at` integer,
	`first_forked_at` integer,
	`first_participated_at` integer,
	`first_active_at` integer NOT NULL,
	`last_active_at` integer NOT NULL,
	PRIMARY KEY(`repository_id`, `login`)
);
--> statement-breakpoint
CREATE INDEX `community_members_last_active_idx` ON `community_members` (`repository_id`,`last_active_at`);--> statement-breakpoint
CREATE TABLE `projection_watermarks` (
	`repository_id` integer NOT NULL,
	`projection` text NOT NULL,
	`last_event_id` integer NOT NULL,
	PRIMARY KEY(`repository_id`, `projection`)
);
