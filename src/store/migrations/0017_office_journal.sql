-- The office journal: administration (operators, departments, the office profile, the
-- reception schedule), sign-ins, exports and backups, one append-only row each, chained
-- by hash as the case journal is, so that `xinfang check` proves nothing was altered.
CREATE TABLE IF NOT EXISTS office_events (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    act       TEXT NOT NULL,
    subject   TEXT NOT NULL,
    detail    TEXT NOT NULL,             -- JSON: what changed, or where a file went
    result    TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
) STRICT;

CREATE INDEX IF NOT EXISTS office_events_by_at ON office_events (at);

CREATE TRIGGER IF NOT EXISTS office_events_refuse_update BEFORE UPDATE ON office_events
BEGIN
    SELECT RAISE(ABORT, 'the office journal is append-only: events cannot be changed');
END;

CREATE TRIGGER IF NOT EXISTS office_events_refuse_delete BEFORE DELETE ON office_events
BEGIN
    SELECT RAISE(ABORT, 'the office journal is append-only: events cannot be deleted');
END;

-- Who typed a case event in when it was not its actor (a leader entering paper records
-- after the fact): a row beside the event, none when the actor entered it. The event's
-- hash covers it when there is one, so the events written before keep their hashes.
CREATE TABLE IF NOT EXISTS event_entries (
    seq        INTEGER PRIMARY KEY REFERENCES events (seq),
    entered_by TEXT NOT NULL
) STRICT;

CREATE TRIGGER IF NOT EXISTS event_entries_refuse_update BEFORE UPDATE ON event_entries
BEGIN
    SELECT RAISE(ABORT, 'the journal is append-only: events cannot be changed');
END;

CREATE TRIGGER IF NOT EXISTS event_entries_refuse_delete BEFORE DELETE ON event_entries
BEGIN
    SELECT RAISE(ABORT, 'the journal is append-only: events cannot be deleted');
END;
