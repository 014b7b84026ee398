CREATE TABLE `unhandled_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`event` text NOT NULL,
	`installation_id` integer,
	`repository_id` integer NOT NULL,
	`payload` text NOT NULL,
	`received_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text
);
--> statement-breakpoint
CREATE INDEX `unhandled_deliveries_received_idx` ON `unhandled_deliveries` (`received_at`);--> statement-breakpoint
CREATE INDEX `unhandled_deliveries_repository_idx` ON `unhandled_deliveries` (`repository_id`);