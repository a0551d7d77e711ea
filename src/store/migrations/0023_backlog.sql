-- 积案: what the office keeps beside a case the rule or a leader's mark made 积案 (the
-- mark, its 包案领导, 专班, 会商 and 化解 progress). Every row is what the office journal's
-- latest event about the case says (`check/backlog.rs`).
CREATE TABLE IF NOT EXISTS backlog_files (
    case_id INTEGER PRIMARY KEY REFERENCES cases (id),
    marked  INTEGER NOT NULL,
    leader  TEXT,
    doc     TEXT NOT NULL                 -- JSON: domain::backlog::BacklogFile
) STRICT;

-- 重点信访人: a leader's flags on petitioners, matched at intake on the keys repeat
-- detection uses. Every row is what its office-journal event says (`check/backlog.rs`).
CREATE TABLE IF NOT EXISTS person_flags (
    no        INTEGER PRIMARY KEY,
    id_number TEXT,
    phone     TEXT,
    name      TEXT NOT NULL,
    address   TEXT,
    doc       TEXT NOT NULL               -- JSON: domain::flags::PersonFlag
) STRICT;
