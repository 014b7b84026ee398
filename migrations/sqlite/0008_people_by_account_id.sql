-- Added by hand, before what drizzle-kit generated: the rebuilt tables below get unique indexes
-- on the account id, so each account must have one row before they are created, and the copies
-- read every column of the new tables (contributors.login_seen_at, community_members.user_id),
-- so those are added here first. People are keyed by account id from this migration on
-- (docs/architecture.md, "Words": person); the login a row carries becomes a label.
-- The id of each login, from the ledger: the account that last used it (events and items).
CREATE TEMP TABLE `login_ids` (`key` text PRIMARY KEY NOT NULL, `id` integer NOT NULL);--> statement-breakpoint
INSERT INTO `login_ids` (`key`, `id`)
  SELECT `key`, `id` FROM (
    SELECT lower(`key`) AS `key`, `id`, max(`at`) FROM (
      SELECT `actor_login` AS `key`, `actor_id` AS `id`, `occurred_at` AS `at` FROM `events` WHERE `actor_id` IS NOT NULL
      UNION ALL SELECT `author_login`, `author_id`, `updated_at` FROM `items` WHERE `author_id` IS NOT NULL
    ) GROUP BY lower(`key`)
  );--> statement-breakpoint
-- Facts and items stored without an id get the id of their login; those whose login never came
-- with one keep none and stay keyed by login.
UPDATE `events` SET `actor_id` = (SELECT `id` FROM `login_ids` WHERE `key` = lower(`events`.`actor_login`))
  WHERE `actor_id` IS NULL AND lower(`actor_login`) IN (SELECT `key` FROM `login_ids`);--> statement-breakpoint
UPDATE `items` SET `author_id` = (SELECT `id` FROM `login_ids` WHERE `key` = lower(`items`.`author_login`))
  WHERE `author_id` IS NULL AND lower(`author_login`) IN (SELECT `key` FROM `login_ids`);--> statement-breakpoint
-- Contributors: an id for each login the ledger knows, then one row per account, the one of its
-- earliest contribution, with the lowest number any of its rows had (a renamed account was
-- counted twice; its other number stays unused, and milestones already recorded stay).
UPDATE `contributors` SET `user_id` = (SELECT `id` FROM `login_ids` WHERE `key` = lower(`contributors`.`login`))
  WHERE `user_id` IS NULL AND lower(`login`) IN (SELECT `key` FROM `login_ids`);--> statement-breakpoint
-- Indexes for the merges below (gone with the old tables, which the rebuild drops).
CREATE INDEX `contributors_by_user_0008` ON `contributors` (`repository_id`, `user_id`);--> statement-breakpoint
CREATE TEMP TABLE `contributor_numbers` AS
  SELECT `repository_id`, `user_id`, min(`number`) AS `number` FROM `contributors`
  WHERE `user_id` IS NOT NULL GROUP BY `repository_id`, `user_id` HAVING count(*) > 1;--> statement-breakpoint
DELETE FROM `contributors` WHERE `user_id` IS NOT NULL AND EXISTS (
  SELECT 1 FROM `contributors` AS `k` WHERE `k`.`repository_id` = `contributors`.`repository_id` AND `k`.`user_id` = `contributors`.`user_id`
    AND (`k`.`first_contributed_at` < `contributors`.`first_contributed_at`
      OR (`k`.`first_contributed_at` = `contributors`.`first_contributed_at` AND `k`.`login` < `contributors`.`login`)));--> statement-breakpoint
UPDATE `contributors` SET `number` = (SELECT `n`.`number` FROM `contributor_numbers` AS `n`
    WHERE `n`.`repository_id` = `contributors`.`repository_id` AND `n`.`user_id` = `contributors`.`user_id`)
  WHERE EXISTS (SELECT 1 FROM `contributor_numbers` AS `n` WHERE `n`.`repository_id` = `contributors`.`repository_id` AND `n`.`user_id` = `contributors`.`user_id`);--> statement-breakpoint
DROP TABLE `contributor_numbers`;--> statement-breakpoint
ALTER TABLE `contributors` ADD `login_seen_at` integer;--> statement-breakpoint
-- Profiles are a cache read again when needed: one per account, the latest read; none without an id.
UPDATE `user_profiles` SET `user_id` = (SELECT `id` FROM `login_ids` WHERE `key` = lower(`user_profiles`.`login`))
  WHERE `user_id` IS NULL AND lower(`login`) IN (SELECT `key` FROM `login_ids`);--> statement-breakpoint
CREATE INDEX `user_profiles_by_user_0008` ON `user_profiles` (`user_id`);--> statement-breakpoint
DELETE FROM `user_profiles` WHERE `user_id` IS NULL OR EXISTS (
  SELECT 1 FROM `user_profiles` AS `k` WHERE `k`.`user_id` = `user_profiles`.`user_id`
    AND (`k`.`fetched_at` > `user_profiles`.`fetched_at` OR (`k`.`fetched_at` = `user_profiles`.`fetched_at` AND `k`.`login` > `user_profiles`.`login`)));--> statement-breakpoint
-- The member projection is folded again by account id (see the end): its rows and counters go,
-- its triggers first so that emptying it costs no counter updates.
DROP TRIGGER `community_members_counts_insert`;--> statement-breakpoint
DROP TRIGGER `community_members_counts_delete`;--> statement-breakpoint
DROP TRIGGER `community_members_counts_update`;--> statement-breakpoint
DELETE FROM `community_members`;--> statement-breakpoint
ALTER TABLE `community_members` ADD `user_id` integer;--> statement-breakpoint
-- What drizzle-kit generated follows; by hand, only the expression of community_members_login_key_idx
-- is written as 0005 wrote it (drizzle-kit quotes it as a column name when it rebuilds the table).
DROP INDEX `lead_signals_login_idx`;--> statement-breakpoint
ALTER TABLE `lead_signals` ADD `user_id` integer;--> statement-breakpoint
CREATE INDEX `lead_signals_person_idx` ON `lead_signals` (`repository_id`,`user_id`,`login`);--> statement-breakpoint
DROP INDEX `events_actor_idx`;--> statement-breakpoint
CREATE INDEX `events_actor_idx` ON `events` (`repository_id`,`actor_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_contributors` (
	`repository_id` integer NOT NULL,
	`login` text NOT NULL,
	`user_id` integer,
	`login_seen_at` integer,
	`number` integer,
	`first_contributed_at` integer NOT NULL,
	`first_pull_number` integer,
	`source` text NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_contributors`("repository_id", "login", "user_id", "login_seen_at", "number", "first_contributed_at", "first_pull_number", "source") SELECT "repository_id", "login", "user_id", "login_seen_at", "number", "first_contributed_at", "first_pull_number", "source" FROM `contributors`;--> statement-breakpoint
DROP TABLE `contributors`;--> statement-breakpoint
ALTER TABLE `__new_contributors` RENAME TO `contributors`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `contributors_user_unique` ON `contributors` (`repository_id`,`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `contributors_login_unique` ON `contributors` (`repository_id`,`login`) WHERE "user_id" IS NULL;--> statement-breakpoint
CREATE INDEX `contributors_order_idx` ON `contributors` (`repository_id`,`first_contributed_at`);--> statement-breakpoint
CREATE TABLE `__new_community_members` (
	`repository_id` integer NOT NULL,
	`user_id` integer,
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
	`is_bot` integer DEFAULT false NOT NULL,
	`community` integer DEFAULT false NOT NULL,
	`starred` integer DEFAULT false NOT NULL,
	`company_key` text,
	`company` text
);
--> statement-breakpoint
INSERT INTO `__new_community_members`("repository_id", "user_id", "login", "actor_type", "maintainer_seen", "first_starred_at", "last_starred_at", "last_unstarred_at", "first_forked_at", "first_participated_at", "first_active_at", "last_active_at", "is_bot", "community", "starred", "company_key", "company") SELECT "repository_id", "user_id", "login", "actor_type", "maintainer_seen", "first_starred_at", "last_starred_at", "last_unstarred_at", "first_forked_at", "first_participated_at", "first_active_at", "last_active_at", "is_bot", "community", "starred", "company_key", "company" FROM `community_members`;--> statement-breakpoint
DROP TABLE `community_members`;--> statement-breakpoint
ALTER TABLE `__new_community_members` RENAME TO `community_members`;--> statement-breakpoint
CREATE UNIQUE INDEX `community_members_user_unique` ON `community_members` (`repository_id`,`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `community_members_login_unique` ON `community_members` (`repository_id`,`login`) WHERE "user_id" IS NULL;--> statement-breakpoint
CREATE INDEX `community_members_recent_idx` ON `community_members` (`repository_id`,`last_active_at`,`is_bot`,`first_active_at`);--> statement-breakpoint
CREATE INDEX `community_members_login_key_idx` ON `community_members` (`repository_id`,lower("login"));--> statement-breakpoint
CREATE TABLE `__new_user_profiles` (
	`login` text NOT NULL,
	`user_id` integer,
	`type` text,
	`company` text,
	`company_key` text,
	`fetched_at` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_user_profiles`("login", "user_id", "type", "company", "company_key", "fetched_at") SELECT "login", "user_id", "type", "company", "company_key", "fetched_at" FROM `user_profiles`;--> statement-breakpoint
DROP TABLE `user_profiles`;--> statement-breakpoint
ALTER TABLE `__new_user_profiles` RENAME TO `user_profiles`;--> statement-breakpoint
CREATE UNIQUE INDEX `user_profiles_user_unique` ON `user_profiles` (`user_id`);--> statement-breakpoint
ALTER TABLE `milestone_crossings` ADD `user_id` integer;--> statement-breakpoint
-- Added by hand: what the new columns hold for the rows carried over, and the member projection
-- rebuilt by account id.
-- A lead signal's person is the actor of the fact it was recorded for.
UPDATE `lead_signals` SET `user_id` = coalesce(
    (SELECT `e`.`actor_id` FROM `events` AS `e` WHERE `e`.`repository_id` = `lead_signals`.`repository_id` AND `e`.`natural_key` = `lead_signals`.`natural_key`),
    (SELECT `id` FROM `login_ids` WHERE `key` = lower(`lead_signals`.`login`)));--> statement-breakpoint
-- A contributor milestone's person: the contributor of that login, else the login's account.
UPDATE `milestone_crossings` SET `user_id` = coalesce(
    (SELECT `c`.`user_id` FROM `contributors` AS `c` WHERE `c`.`repository_id` = `milestone_crossings`.`repository_id` AND lower(`c`.`login`) = lower(`milestone_crossings`.`login`)),
    (SELECT `id` FROM `login_ids` WHERE `key` = lower(`milestone_crossings`.`login`)))
  WHERE `login` IS NOT NULL;--> statement-breakpoint
-- A contributor's label: the login of their latest fact in the repository (ties: the greater login,
-- as at run time). Read through the person's index: by the time index, SQLite walks all history.
UPDATE `contributors` SET (`login`, `login_seen_at`) = (
    SELECT `e`.`actor_login`, `e`.`occurred_at` FROM `events` AS `e` INDEXED BY `events_actor_idx`
    WHERE `e`.`repository_id` = `contributors`.`repository_id` AND `e`.`actor_id` = `contributors`.`user_id`
    ORDER BY `e`.`occurred_at` DESC, `e`.`actor_login` DESC LIMIT 1)
  WHERE `user_id` IS NOT NULL AND EXISTS (
    SELECT 1 FROM `events` AS `e` INDEXED BY `events_actor_idx` WHERE `e`.`repository_id` = `contributors`.`repository_id` AND `e`.`actor_id` = `contributors`.`user_id`);--> statement-breakpoint
-- Star facts are keyed by account ("star:id:<id>:<time>") so a star stored under one login and read
-- again under another is one fact; of two stored for one account, the one keyed by id stays.
UPDATE OR IGNORE `events` SET `natural_key` = 'star:id:' || `actor_id` || substr(`natural_key`, 6 + length(`actor_login`))
  WHERE `kind` = 'star.created' AND `actor_id` IS NOT NULL AND substr(`natural_key`, 1, 6 + length(`actor_login`)) = 'star:' || `actor_login` || ':';--> statement-breakpoint
DELETE FROM `events` WHERE `kind` = 'star.created' AND `actor_id` IS NOT NULL
  AND substr(`natural_key`, 1, 6 + length(`actor_login`)) = 'star:' || `actor_login` || ':'
  AND EXISTS (SELECT 1 FROM `events` AS `o` WHERE `o`.`repository_id` = `events`.`repository_id`
    AND `o`.`natural_key` = 'star:id:' || `events`.`actor_id` || substr(`events`.`natural_key`, 6 + length(`events`.`actor_login`)));--> statement-breakpoint
-- Welcome claims name their person by account ("id:<id>"), done and unfinished alike, so a re-run
-- finds the claim it made before; a resumed one also looks for the marker under the old login
-- (src/welcome/post-welcome.ts). A second claim for the same account (a renamed account welcomed
-- twice) keeps its login.
UPDATE OR IGNORE `side_effects` SET `subject` = 'id:' || (SELECT `id` FROM `login_ids` WHERE `key` = `side_effects`.`subject`)
  WHERE `kind` IN ('welcome.first-issue', 'welcome.first-pr', 'welcome.first-merge') AND `subject` IN (SELECT `key` FROM `login_ids`);--> statement-breakpoint
DROP TABLE `login_ids`;--> statement-breakpoint
-- The projection starts again from the first event; the counters start at zero with it, and the
-- triggers of 0005, dropped with the old table, keep them again.
DELETE FROM `projection_watermarks` WHERE `projection` = 'community_members';--> statement-breakpoint
DELETE FROM `member_counts`;--> statement-breakpoint
DELETE FROM `company_counts`;--> statement-breakpoint
DELETE FROM `company_spellings`;--> statement-breakpoint
CREATE TRIGGER `community_members_counts_insert` AFTER INSERT ON `community_members` BEGIN
  INSERT INTO member_counts (repository_id, stargazers, participants)
    SELECT NEW.repository_id, (NEW.community AND NEW.starred), (NEW.community AND NEW.first_participated_at IS NOT NULL) WHERE (NEW.community AND (NEW.starred OR NEW.first_participated_at IS NOT NULL))
    ON CONFLICT (repository_id) DO UPDATE SET stargazers = stargazers + excluded.stargazers, participants = participants + excluded.participants;
  INSERT INTO company_counts (repository_id, company_key, stargazers, participants, people)
    SELECT NEW.repository_id, NEW.company_key, (NEW.community AND NEW.starred), (NEW.community AND NEW.first_participated_at IS NOT NULL), 1 WHERE NEW.company_key IS NOT NULL AND (NEW.community AND (NEW.starred OR NEW.first_participated_at IS NOT NULL))
    ON CONFLICT (repository_id, company_key) DO UPDATE SET stargazers = stargazers + excluded.stargazers, participants = participants + excluded.participants, people = people + excluded.people;
  INSERT INTO company_spellings (repository_id, company_key, company, stargazers, participants, people)
    SELECT NEW.repository_id, NEW.company_key, NEW.company, (NEW.community AND NEW.starred), (NEW.community AND NEW.first_participated_at IS NOT NULL), 1 WHERE NEW.company_key IS NOT NULL AND NEW.company IS NOT NULL AND (NEW.community AND (NEW.starred OR NEW.first_participated_at IS NOT NULL))
    ON CONFLICT (repository_id, company_key, company) DO UPDATE SET stargazers = stargazers + excluded.stargazers, participants = participants + excluded.participants, people = people + excluded.people;
END;--> statement-breakpoint
CREATE TRIGGER `community_members_counts_delete` AFTER DELETE ON `community_members` BEGIN
  INSERT INTO member_counts (repository_id, stargazers, participants)
    SELECT OLD.repository_id, -(OLD.community AND OLD.starred), -(OLD.community AND OLD.first_participated_at IS NOT NULL) WHERE (OLD.community AND (OLD.starred OR OLD.first_participated_at IS NOT NULL))
    ON CONFLICT (repository_id) DO UPDATE SET stargazers = stargazers + excluded.stargazers, participants = participants + excluded.participants;
  INSERT INTO company_counts (repository_id, company_key, stargazers, participants, people)
    SELECT OLD.repository_id, OLD.company_key, -(OLD.community AND OLD.starred), -(OLD.community AND OLD.first_participated_at IS NOT NULL), -1 WHERE OLD.company_key IS NOT NULL AND (OLD.community AND (OLD.starred OR OLD.first_participated_at IS NOT NULL))
    ON CONFLICT (repository_id, company_key) DO UPDATE SET stargazers = stargazers + excluded.stargazers, participants = participants + excluded.participants, people = people + excluded.people;
  INSERT INTO company_spellings (repository_id, company_key, company, stargazers, participants, people)
    SELECT OLD.repository_id, OLD.company_key, OLD.company, -(OLD.community AND OLD.starred), -(OLD.community AND OLD.first_participated_at IS NOT NULL), -1 WHERE OLD.company_key IS NOT NULL AND OLD.company IS NOT NULL AND (OLD.community AND (OLD.starred OR OLD.first_participated_at IS NOT NULL))
    ON CONFLICT (repository_id, company_key, company) DO UPDATE SET stargazers = stargazers + excluded.stargazers, participants = participants + excluded.participants, people = people + excluded.people;
END;--> statement-breakpoint
CREATE TRIGGER `community_members_counts_update` AFTER UPDATE ON `community_members`
WHEN (OLD.community AND OLD.starred) IS NOT (NEW.community AND NEW.starred) OR (OLD.community AND OLD.first_participated_at IS NOT NULL) IS NOT (NEW.community AND NEW.first_participated_at IS NOT NULL)
  OR OLD.company_key IS NOT NEW.company_key OR OLD.company IS NOT NEW.company OR OLD.repository_id <> NEW.repository_id
BEGIN
  INSERT INTO member_counts (repository_id, stargazers, participants)
    SELECT OLD.repository_id, -(OLD.community AND OLD.starred), -(OLD.community AND OLD.first_participated_at IS NOT NULL) WHERE (OLD.community AND (OLD.starred OR OLD.first_participated_at IS NOT NULL))
    ON CONFLICT (repository_id) DO UPDATE SET stargazers = stargazers + excluded.stargazers, participants = participants + excluded.participants;
  INSERT INTO company_counts (repository_id, company_key, stargazers, participants, people)
    SELECT OLD.repository_id, OLD.company_key, -(OLD.community AND OLD.starred), -(OLD.community AND OLD.first_participated_at IS NOT NULL), -1 WHERE OLD.company_key IS NOT NULL AND (OLD.community AND (OLD.starred OR OLD.first_participated_at IS NOT NULL))
    ON CONFLICT (repository_id, company_key) DO UPDATE SET stargazers = stargazers + excluded.stargazers, participants = participants + excluded.participants, people = people + excluded.people;
  INSERT INTO company_spellings (repository_id, company_key, company, stargazers, participants, people)
    SELECT OLD.repository_id, OLD.company_key, OLD.company, -(OLD.community AND OLD.starred), -(OLD.community AND OLD.first_participated_at IS NOT NULL), -1 WHERE OLD.company_key IS NOT NULL AND OLD.company IS NOT NULL AND (OLD.community AND (OLD.starred OR OLD.first_participated_at IS NOT NULL))
    ON CONFLICT (repository_id, company_key, company) DO UPDATE SET stargazers = stargazers + excluded.stargazers, participants = participants + excluded.participants, people = people + excluded.people;
  INSERT INTO member_counts (repository_id, stargazers, participants)
    SELECT NEW.repository_id, (NEW.community AND NEW.starred), (NEW.community AND NEW.first_participated_at IS NOT NULL) WHERE (NEW.community AND (NEW.starred OR NEW.first_participated_at IS NOT NULL))
    ON CONFLICT (repository_id) DO UPDATE SET stargazers = stargazers + excluded.stargazers, participants = participants + excluded.participants;
  INSERT INTO company_counts (repository_id, company_key, stargazers, participants, people)
    SELECT NEW.repository_id, NEW.company_key, (NEW.community AND NEW.starred), (NEW.community AND NEW.first_participated_at IS NOT NULL), 1 WHERE NEW.company_key IS NOT NULL AND (NEW.community AND (NEW.starred OR NEW.first_participated_at IS NOT NULL))
    ON CONFLICT (repository_id, company_key) DO UPDATE SET stargazers = stargazers + excluded.stargazers, participants = participants + excluded.participants, people = people + excluded.people;
  INSERT INTO company_spellings (repository_id, company_key, company, stargazers, participants, people)
    SELECT NEW.repository_id, NEW.company_key, NEW.company, (NEW.community AND NEW.starred), (NEW.community AND NEW.first_participated_at IS NOT NULL), 1 WHERE NEW.company_key IS NOT NULL AND NEW.company IS NOT NULL AND (NEW.community AND (NEW.starred OR NEW.first_participated_at IS NOT NULL))
    ON CONFLICT (repository_id, company_key, company) DO UPDATE SET stargazers = stargazers + excluded.stargazers, participants = participants + excluded.participants, people = people + excluded.people;
END;
