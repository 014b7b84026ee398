CREATE TABLE `company_counts` (
	`repository_id` integer NOT NULL,
	`company_key` text NOT NULL,
	`stargazers` integer DEFAULT 0 NOT NULL,
	`participants` integer DEFAULT 0 NOT NULL,
	`people` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`repository_id`, `company_key`)
);
--> statement-breakpoint
CREATE INDEX `company_counts_rank_idx` ON `company_counts` (`repository_id`,`participants`,`stargazers`);--> statement-breakpoint
CREATE TABLE `company_spellings` (
	`repository_id` integer NOT NULL,
	`company_key` text NOT NULL,
	`company` text NOT NULL,
	`stargazers` integer DEFAULT 0 NOT NULL,
	`participants` integer DEFAULT 0 NOT NULL,
	`people` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`repository_id`, `company_key`, `company`)
);
--> statement-breakpoint
CREATE TABLE `member_counts` (
	`repository_id` integer PRIMARY KEY NOT NULL,
	`stargazers` integer DEFAULT 0 NOT NULL,
	`participants` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP INDEX `community_members_stargazers_idx`;--> statement-breakpoint
DROP INDEX `community_members_participants_idx`;--> statement-breakpoint
DROP INDEX `community_members_active_idx`;--> statement-breakpoint
DROP INDEX `community_members_company_idx`;--> statement-breakpoint
-- Added by hand (drizzle-kit generates no triggers): SQLite keeps member_counts, company_counts and
-- company_spellings equal to sums over community_members, so the conversion figures read them at
-- the same cost at any history size. Each trigger subtracts the old row's contribution and adds the
-- new one's (a stargazer: community AND starred; a participant: community AND a first
-- participation; people: either); an update that moves no count (most of the fold's) does nothing.
-- A saved profile moving a member to another company moves their counts with them.
-- First the counters of the rows already folded, before the triggers exist.
INSERT INTO `member_counts` (`repository_id`, `stargazers`, `participants`)
  SELECT `repository_id`, sum(`community` AND `starred`), sum(`community` AND `first_participated_at` IS NOT NULL)
  FROM `community_members` GROUP BY `repository_id`;--> statement-breakpoint
INSERT INTO `company_counts` (`repository_id`, `company_key`, `stargazers`, `participants`, `people`)
  SELECT `repository_id`, `company_key`, sum(`starred`), sum(`first_participated_at` IS NOT NULL), count(*)
  FROM `community_members` WHERE `company_key` IS NOT NULL AND `community` AND (`starred` OR `first_participated_at` IS NOT NULL)
  GROUP BY `repository_id`, `company_key`;--> statement-breakpoint
INSERT INTO `company_spellings` (`repository_id`, `company_key`, `company`, `stargazers`, `participants`, `people`)
  SELECT `repository_id`, `company_key`, `company`, sum(`starred`), sum(`first_participated_at` IS NOT NULL), count(*)
  FROM `community_members` WHERE `company_key` IS NOT NULL AND `company` IS NOT NULL AND `community` AND (`starred` OR `first_participated_at` IS NOT NULL)
  GROUP BY `repository_id`, `company_key`, `company`;--> statement-breakpoint
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
