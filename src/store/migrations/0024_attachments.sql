-- 附件: the bytes of the files kept with a case, inside the ledger so that an encrypted
-- ledger encrypts them too. What each file is (name, type, size, SHA-256, who, when) is in
-- the case document and its journal event; a row lives while its attachment is not
-- removed, and `check` hashes every row against the case (`check/attachments.rs`).
CREATE TABLE IF NOT EXISTS attachment_bytes (
    case_id INTEGER NOT NULL REFERENCES cases (id),
    n       INTEGER NOT NULL,             -- the attachment's place on the case, from 1
    sha256  TEXT NOT NULL,
    size    INTEGER NOT NULL,
    bytes   BLOB NOT NULL,
    PRIMARY KEY (case_id, n)
) STRICT, WITHOUT ROWID;
