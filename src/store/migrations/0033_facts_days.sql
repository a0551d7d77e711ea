-- 初信初访 and 重复信访 by day (issue 19): a month's report counted the first-time cases
-- served in it, and a year's some 430,000, from the served-day index at each of its three
-- windows, and the repeat cases from the receipt index. Whether a case counts changes
-- without a write of its own facts row (a later case from the same person marks it through
-- the petitioners' triggers, migrations 0011 and 0030), so the counts by day are kept by
-- triggers on `case_facts` itself:
--   day   a served day (kinds `closed`, `once`, `odd`) or an office-local receipt day
--         (`repeat`)
--   kind  `closed`: a first-time case served that day; `once`: of those, closed at once
--         with no repeat item attached (the attached ones are judged by the domain's rule,
--         `store/first_time_counts.rs`); `odd`: a first-time case served before the local
--         day it was received (a window holding one is counted from the index instead);
--         `repeat`: a repeat case received that day
-- under the rule in `facts_days_rule` (the office's UTC offset in seconds and its 一次办结
-- window in days). No rule row: nothing is kept (a bulk load, a new migration) and the
-- next writable open makes the rows in one pass (`store/facts_days.rs`), which `check`
-- recomputes.
CREATE TABLE IF NOT EXISTS facts_days (
    day   TEXT NOT NULL,
    kind  TEXT NOT NULL,
    n     INTEGER NOT NULL,
    PRIMARY KEY (day, kind)
) STRICT, WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS facts_days_rule (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    utc_offset  INTEGER NOT NULL,
    window_days INTEGER NOT NULL
) STRICT;
DELETE FROM facts_days_rule;

CREATE TRIGGER IF NOT EXISTS case_facts_days_in AFTER INSERT ON case_facts
BEGIN
    INSERT INTO facts_days (day, kind, n)
        SELECT NEW.served_on, CASE WHEN NEW.received_at >= unixepoch(NEW.served_on, '+1 day') - r.utc_offset THEN 'odd' ELSE 'closed' END, 1
          FROM facts_days_rule r WHERE NOT NEW.linked AND NOT NEW.earlier_petitioner AND NEW.served_on IS NOT NULL
        UNION ALL
        SELECT NEW.served_on, 'once', 1 FROM facts_days_rule r
         WHERE NOT NEW.linked AND NOT NEW.earlier_petitioner AND NEW.served_on IS NOT NULL AND NOT (NEW.received_at >= unixepoch(NEW.served_on, '+1 day') - r.utc_offset) AND NEW.attached IS NULL
           AND (NEW.again_at IS NULL OR NEW.again_at >=
                unixepoch(NEW.served_on, '+' || (r.window_days + 1) || ' days') - r.utc_offset)
        UNION ALL
        SELECT date(NEW.received_at + r.utc_offset, 'unixepoch'), 'repeat', 1
          FROM facts_days_rule r WHERE NEW.linked OR NEW.earlier_petitioner
    ON CONFLICT (day, kind) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER IF NOT EXISTS case_facts_days_again
AFTER UPDATE OF served_on, received_at, again_at, attached, linked, earlier_petitioner
ON case_facts
WHEN OLD.served_on IS NOT NEW.served_on OR OLD.received_at IS NOT NEW.received_at
  OR OLD.again_at IS NOT NEW.again_at OR OLD.attached IS NOT NEW.attached
  OR OLD.linked IS NOT NEW.linked OR OLD.earlier_petitioner IS NOT NEW.earlier_petitioner
BEGIN
    INSERT INTO facts_days (day, kind, n)
        SELECT OLD.served_on, CASE WHEN OLD.received_at >= unixepoch(OLD.served_on, '+1 day') - r.utc_offset THEN 'odd' ELSE 'closed' END, -1
          FROM facts_days_rule r WHERE NOT OLD.linked AND NOT OLD.earlier_petitioner AND OLD.served_on IS NOT NULL
        UNION ALL
        SELECT OLD.served_on, 'once', -1 FROM facts_days_rule r
         WHERE NOT OLD.linked AND NOT OLD.earlier_petitioner AND OLD.served_on IS NOT NULL AND NOT (OLD.received_at >= unixepoch(OLD.served_on, '+1 day') - r.utc_offset) AND OLD.attached IS NULL
           AND (OLD.again_at IS NULL OR OLD.again_at >=
                unixepoch(OLD.served_on, '+' || (r.window_days + 1) || ' days') - r.utc_offset)
        UNION ALL
        SELECT date(OLD.received_at + r.utc_offset, 'unixepoch'), 'repeat', -1
          FROM facts_days_rule r WHERE OLD.linked OR OLD.earlier_petitioner
    ON CONFLICT (day, kind) DO UPDATE SET n = n + excluded.n;
    INSERT INTO facts_days (day, kind, n)
        SELECT NEW.served_on, CASE WHEN NEW.received_at >= unixepoch(NEW.served_on, '+1 day') - r.utc_offset THEN 'odd' ELSE 'closed' END, 1
          FROM facts_days_rule r WHERE NOT NEW.linked AND NOT NEW.earlier_petitioner AND NEW.served_on IS NOT NULL
        UNION ALL
        SELECT NEW.served_on, 'once', 1 FROM facts_days_rule r
         WHERE NOT NEW.linked AND NOT NEW.earlier_petitioner AND NEW.served_on IS NOT NULL AND NOT (NEW.received_at >= unixepoch(NEW.served_on, '+1 day') - r.utc_offset) AND NEW.attached IS NULL
           AND (NEW.again_at IS NULL OR NEW.again_at >=
                unixepoch(NEW.served_on, '+' || (r.window_days + 1) || ' days') - r.utc_offset)
        UNION ALL
        SELECT date(NEW.received_at + r.utc_offset, 'unixepoch'), 'repeat', 1
          FROM facts_days_rule r WHERE NEW.linked OR NEW.earlier_petitioner
    ON CONFLICT (day, kind) DO UPDATE SET n = n + excluded.n;
    DELETE FROM facts_days WHERE n = 0 AND (day = OLD.served_on
        OR day = (SELECT date(OLD.received_at + utc_offset, 'unixepoch') FROM facts_days_rule));
END;

CREATE TRIGGER IF NOT EXISTS case_facts_days_out AFTER DELETE ON case_facts
BEGIN
    INSERT INTO facts_days (day, kind, n)
        SELECT OLD.served_on, CASE WHEN OLD.received_at >= unixepoch(OLD.served_on, '+1 day') - r.utc_offset THEN 'odd' ELSE 'closed' END, -1
          FROM facts_days_rule r WHERE NOT OLD.linked AND NOT OLD.earlier_petitioner AND OLD.served_on IS NOT NULL
        UNION ALL
        SELECT OLD.served_on, 'once', -1 FROM facts_days_rule r
         WHERE NOT OLD.linked AND NOT OLD.earlier_petitioner AND OLD.served_on IS NOT NULL AND NOT (OLD.received_at >= unixepoch(OLD.served_on, '+1 day') - r.utc_offset) AND OLD.attached IS NULL
           AND (OLD.again_at IS NULL OR OLD.again_at >=
                unixepoch(OLD.served_on, '+' || (r.window_days + 1) || ' days') - r.utc_offset)
        UNION ALL
        SELECT date(OLD.received_at + r.utc_offset, 'unixepoch'), 'repeat', -1
          FROM facts_days_rule r WHERE OLD.linked OR OLD.earlier_petitioner
    ON CONFLICT (day, kind) DO UPDATE SET n = n + excluded.n;
    DELETE FROM facts_days WHERE n = 0 AND (day = OLD.served_on
        OR day = (SELECT date(OLD.received_at + utc_offset, 'unixepoch') FROM facts_days_rule));
END;

-- The first-time cases with repeat items attached, which the report reads one by one:
-- found from their own index, not by walking every first-time case of the window.
CREATE INDEX IF NOT EXISTS case_facts_first_attached
    ON case_facts (served_on, received_at, again_at, attached)
    WHERE attached IS NOT NULL AND NOT linked AND NOT earlier_petitioner
      AND served_on IS NOT NULL;
