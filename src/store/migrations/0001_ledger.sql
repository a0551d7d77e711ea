-- The ledger. Append-only: a later change is a new numbered file.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE operators (
    name       TEXT PRIMARY KEY,
    role       TEXT NOT NULL CHECK (role IN ('clerk', 'leader', 'handler')),
    department TEXT,
    active     INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE departments (
    name   TEXT PRIMARY KEY,
    active INTEGER NOT NULL DEFAULT 1
) STRICT;

-- Case numbers: the last number issued per year, bumped inside the
-- registering transaction, so numbers are gap-free and never repeat.
CREATE TABLE case_counters (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
) STRICT;

CREATE TABLE cases (
    id            INTEGER PRIMARY KEY,
    case_no       TEXT UNIQUE,
    version       INTEGER NOT NULL,
    state         TEXT NOT NULL,
    channel       TEXT NOT NULL,
    received_at   INTEGER NOT NULL,          -- unix seconds
    received_date TEXT NOT NULL,             -- office-local YYYY-MM-DD
    category      TEXT NOT NULL,
    urgency       TEXT NOT NULL,
    people        INTEGER NOT NULL,
    main_name     TEXT,
    target        TEXT,
    department    TEXT,
    handler       TEXT,
    owner_leader  TEXT,
    awaiting_instruction INTEGER NOT NULL DEFAULT 0,
    -- earliest due date of the clocks still running; NULL when none runs
    next_due      TEXT,
    review_of     INTEGER REFERENCES cases (id),
    doc           TEXT NOT NULL              -- the whole case as JSON
) STRICT;

CREATE INDEX cases_by_received ON cases (received_at, id);
CREATE INDEX cases_by_state ON cases (state, received_at, id);
CREATE INDEX cases_by_next_due ON cases (next_due) WHERE next_due IS NOT NULL;

-- Petitioners, denormalised out of the case document for repeat detection.
CREATE TABLE petitioners (
    case_id   INTEGER NOT NULL REFERENCES cases (id),
    seq       INTEGER NOT NULL,
    name      TEXT NOT NULL,
    id_number TEXT,
    phone     TEXT,
    address   TEXT,
    PRIMARY KEY (case_id, seq)
) STRICT, WITHOUT ROWID;

CREATE INDEX petitioners_by_id_number ON petitioners (id_number) WHERE id_number IS NOT NULL;
CREATE INDEX petitioners_by_phone ON petitioners (phone) WHERE phone IS NOT NULL;
CREATE INDEX petitioners_by_name ON petitioners (name, address);

-- The journal: one row per command, chained by hash so that `xinfang check`
-- can prove nothing was altered. before/after hold the changed fields.
CREATE TABLE events (
    seq       INTEGER PRIMARY KEY,
    case_id   INTEGER NOT NULL REFERENCES cases (id),
    op        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    role      TEXT NOT NULL,
    at        TEXT NOT NULL,
    command   TEXT NOT NULL,
    before    TEXT,
    after     TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
) STRICT;

CREATE INDEX events_by_case ON events (case_id, seq);

CREATE TRIGGER events_refuse_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'the journal is append-only: events cannot be changed');
END;

CREATE TRIGGER events_refuse_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'the journal is append-only: events cannot be deleted');
END;

-- Full-text search. Text is tokenised in Rust (CJK bigrams + a trailing
-- unigram, ASCII words), so 1- and 2-character Chinese queries hit the index.
CREATE VIRTUAL TABLE case_search USING fts5 (
    body,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
);
