-- Documents the office issues (notices, reply letters, the case file).
-- Numbers run per kind and year, bumped inside the issuing transaction
-- together with the journal event, so they are gap-free and never repeat.

CREATE TABLE document_counters (
    kind TEXT NOT NULL,
    year INTEGER NOT NULL,
    last INTEGER NOT NULL,
    PRIMARY KEY (kind, year)
) STRICT;

-- The text and HTML exactly as issued: a reprint gives them back unchanged
-- whatever the templates say later. The journal event (event_seq) carries
-- the number, the text and the SHA-256 of the HTML.
CREATE TABLE documents (
    id        INTEGER PRIMARY KEY,
    case_id   INTEGER NOT NULL REFERENCES cases (id),
    kind      TEXT NOT NULL,
    year      INTEGER NOT NULL,
    seq       INTEGER NOT NULL,
    number    TEXT NOT NULL UNIQUE,
    event_seq INTEGER NOT NULL REFERENCES events (seq),
    issued_at TEXT NOT NULL,
    issued_by TEXT NOT NULL,
    text      TEXT NOT NULL,
    html      TEXT NOT NULL,
    UNIQUE (kind, year, seq)
) STRICT;

CREATE INDEX documents_by_case ON documents (case_id, id);

CREATE TRIGGER documents_refuse_update BEFORE UPDATE ON documents
BEGIN
    SELECT RAISE(ABORT, 'issued documents cannot be changed');
END;

CREATE TRIGGER documents_refuse_delete BEFORE DELETE ON documents
BEGIN
    SELECT RAISE(ABORT, 'issued documents cannot be deleted');
END;

-- The office's letterhead (one row): name, address, phones, number prefix,
-- seal text, the review body; JSON of domain::documents::OfficeProfile.
CREATE TABLE office_profile (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    doc TEXT NOT NULL
) STRICT;
