-- 领导接待日: the schedule, and what each reception recorded. Not case
-- changes (a record points at its case), so not in the events journal.

CREATE TABLE reception_days (
    date    TEXT NOT NULL,                -- office-local YYYY-MM-DD
    leader  TEXT NOT NULL,
    place   TEXT,
    PRIMARY KEY (date, leader)
) STRICT;

CREATE TABLE reception_records (
    id          INTEGER PRIMARY KEY,
    date        TEXT NOT NULL,
    leader      TEXT NOT NULL,
    visitor     TEXT NOT NULL,
    said        TEXT NOT NULL,
    decided     TEXT NOT NULL,
    case_id     INTEGER REFERENCES cases (id),
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
) STRICT;

CREATE INDEX reception_records_by_date ON reception_records (date, id);
