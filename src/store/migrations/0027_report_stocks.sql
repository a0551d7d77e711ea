-- The report's stocks from indexes (`store/stocks.rs`; what they hold:
-- `domain::stats::stocks`), kept with the rollups in the transaction of every case write
-- and made with them in one pass:
--   report_overdue      per case and clock, the days on which the clock is overdue:
--                       from_day inclusive, to_day exclusive (2147483647: still running),
--                       its due day, and the day it started (NULL: a date someone set).
--                       Days are counted from 0001-01-01 (day 1), office-local under the
--                       rules of `report_rollup_rules`. Overdue at cut-off c: from_day <= c
--                       < to_day, found through `report_overdue_at` in the rows that end
--                       after c (at today's cut-off, only the clocks still running).
--   report_supervision  one row per 督办 order: the instant, ground and feedback date, and
--                       its place among the case's orders; by instant for a period.
-- The rules are forgotten so that the next writable open makes all of it from `case_facts`.
CREATE TABLE IF NOT EXISTS report_overdue (
    case_id   INTEGER NOT NULL,
    ord       INTEGER NOT NULL,
    from_day  INTEGER NOT NULL,
    to_day    INTEGER NOT NULL,
    due       INTEGER NOT NULL,
    start     INTEGER,
    clock     TEXT NOT NULL,
    PRIMARY KEY (case_id, ord, from_day)
) STRICT, WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS report_overdue_at
    ON report_overdue (to_day, from_day, case_id, due, ord, clock, start);

CREATE TABLE IF NOT EXISTS report_supervision (
    case_id     INTEGER NOT NULL,
    seq         INTEGER NOT NULL,
    at          INTEGER NOT NULL,
    ground      TEXT NOT NULL,
    feedback_by TEXT NOT NULL,
    PRIMARY KEY (case_id, seq)
) STRICT, WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS report_supervision_at ON report_supervision (at, case_id);

DELETE FROM report_rollup_rules;
