-- 矛盾纠纷排查: the register of disputes and risks found before or outside a petition, and
-- each unit's 零报告 for a round. Every row is what the office journal's latest event about
-- it says (`check/screening.rs`); the columns beside `doc` are for lists and counts.
CREATE TABLE IF NOT EXISTS screenings (
    no          INTEGER PRIMARY KEY,
    found_on    TEXT NOT NULL,
    unit        TEXT NOT NULL,
    responsible TEXT NOT NULL,
    state       TEXT NOT NULL,
    closed_on   TEXT,
    case_id     INTEGER,
    doc         TEXT NOT NULL             -- JSON: the whole entry (domain::screening::Screening)
) STRICT;

CREATE INDEX IF NOT EXISTS screenings_by_found ON screenings (found_on);
CREATE INDEX IF NOT EXISTS screenings_by_case ON screenings (case_id) WHERE case_id IS NOT NULL;

CREATE TABLE IF NOT EXISTS screening_zero_reports (
    unit        TEXT NOT NULL,
    round_start TEXT NOT NULL,
    reported_by TEXT NOT NULL,
    reported_on TEXT NOT NULL,
    PRIMARY KEY (unit, round_start)
) STRICT;
