-- Written by hand (drizzle-kit generates no triggers): PostgreSQL's twin of SQLite's migrations
-- 0005 and 0008, which keep member_counts, company_counts and company_spellings equal to sums over
-- community_members, so the conversion figures read them at the same cost at any history size.
-- A fresh database needs only their end state: no rows to count yet, no data to carry over.
-- Each change subtracts the old row's contribution and adds the new one's (a stargazer: community
-- AND starred; a participant: community AND a first participation; people: either); an update that
-- moves no count (most of the fold's) fires nothing. Concurrent folds stay exact: INSERT ... ON
-- CONFLICT DO UPDATE locks the counter row, so two increments of one row wait for each other.
-- test/store/member-counters-engines.test.ts runs the same changes here and on SQLite.
CREATE FUNCTION community_members_count(m community_members, sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  stargazer bigint := (m.community AND m.starred)::integer * sign;
  participant bigint := (m.community AND m.first_participated_at IS NOT NULL)::integer * sign;
BEGIN
  IF NOT (m.community AND (m.starred OR m.first_participated_at IS NOT NULL)) THEN
    RETURN;
  END IF;
  INSERT INTO member_counts AS c (repository_id, stargazers, participants)
    VALUES (m.repository_id, stargazer, participant)
    ON CONFLICT (repository_id) DO UPDATE
      SET stargazers = c.stargazers + excluded.stargazers, participants = c.participants + excluded.participants;
  IF m.company_key IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO company_counts AS c (repository_id, company_key, stargazers, participants, people)
    VALUES (m.repository_id, m.company_key, stargazer, participant, sign)
    ON CONFLICT (repository_id, company_key) DO UPDATE
      SET stargazers = c.stargazers + excluded.stargazers, participants = c.participants + excluded.participants, people = c.people + excluded.people;
  IF m.company IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO company_spellings AS c (repository_id, company_key, company, stargazers, participants, people)
    VALUES (m.repository_id, m.company_key, m.company, stargazer, participant, sign)
    ON CONFLICT (repository_id, company_key, company) DO UPDATE
      SET stargazers = c.stargazers + excluded.stargazers, participants = c.participants + excluded.participants, people = c.people + excluded.people;
END;
$$;--> statement-breakpoint
CREATE FUNCTION community_members_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM community_members_count(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM community_members_count(NEW, 1);
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER community_members_counts_insert AFTER INSERT ON community_members
  FOR EACH ROW EXECUTE FUNCTION community_members_counts();--> statement-breakpoint
CREATE TRIGGER community_members_counts_delete AFTER DELETE ON community_members
  FOR EACH ROW EXECUTE FUNCTION community_members_counts();--> statement-breakpoint
-- The same condition as SQLite's: only a change of stage, company, spelling or repository counts.
CREATE TRIGGER community_members_counts_update AFTER UPDATE ON community_members
  FOR EACH ROW WHEN (
    (OLD.community AND OLD.starred) IS DISTINCT FROM (NEW.community AND NEW.starred)
    OR (OLD.community AND OLD.first_participated_at IS NOT NULL) IS DISTINCT FROM (NEW.community AND NEW.first_participated_at IS NOT NULL)
    OR OLD.company_key IS DISTINCT FROM NEW.company_key
    OR OLD.company IS DISTINCT FROM NEW.company
    OR OLD.repository_id <> NEW.repository_id
  ) EXECUTE FUNCTION community_members_counts();
