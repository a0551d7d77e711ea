-- Drafts: a form being filled at the desk, saved as the clerk types so that
-- a crash loses nothing. Not case changes: no journal event, not checked.
-- `body` is the UI's own JSON, opaque to the ledger.

CREATE TABLE drafts (
    slot     TEXT NOT NULL,              -- "intake", "case:42:assign", ...
    operator TEXT NOT NULL,
    body     TEXT NOT NULL,
    saved_at TEXT NOT NULL,              -- RFC 3339 with the office's offset
    PRIMARY KEY (operator, slot)
) STRICT;
