ALTER TABLE `community_members` ADD `is_bot` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `community_members` ADD `community` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `community_members` ADD `starred` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `community_members` ADD `company_key` text;--> statement-breakpoint
ALTER TABLE `community_members` ADD `company` text;--> statement-breakpoint
CREATE INDEX `community_members_stargazers_idx` ON `community_members` (`repository_id`,`community`,`starred`,`last_active_at`);--> statement-breakpoint
CREATE INDEX `community_members_participants_idx` ON `community_members` (`repository_id`,`community`,`first_participated_at`);--> statement-breakpoint
CREATE INDEX `community_members_active_idx` ON `community_members` (`repository_id`,`is_bot`,`last_active_at`,`first_active_at`);--> statement-breakpoint
CREATE INDEX `community_members_login_key_idx` ON `community_members` (`repository_id`,lower("login"));--> statement-breakpoint
CREATE INDEX `community_members_company_idx` ON `community_members` (`repository_id`,`company_key`,`company`,`community`,`first_starred_at`,`last_starred_at`,`last_unstarred_at`,`first_forked_at`,`first_participated_at`,`login`) WHERE "company_key" IS NOT NULL;--> statement-breakpoint
-- Added by hand: the rows folded before this migration have the new flags at their defaults and
-- no company. Dropping them with the watermark makes the next collection refold each repository's
-- ledger, which fills every column by the fold's own rules.
DELETE FROM `community_members`;--> statement-breakpoint
DELETE FROM `projection_watermarks` WHERE `projection` = 'community_members';
