-- 评查: a leader's scores of a closed case against the office's checklist, one row per
-- evaluation (a case scored again keeps both; the report takes the latest). Every row is
-- what its office-journal event says (`check/evaluation.rs`).
CREATE TABLE IF NOT EXISTS case_evaluations (
    no      INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    unit    TEXT,
    on_day  TEXT NOT NULL,                -- YYYY-MM-DD, office-local
    doc     TEXT NOT NULL                 -- JSON: domain::evaluation::Evaluation
) STRICT;
CREATE INDEX IF NOT EXISTS case_evaluations_by_day ON case_evaluations (on_day, case_id);
