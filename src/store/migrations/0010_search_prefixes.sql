-- Search as you type reads one posting list for a query of one character (王, 拆) or three
-- (202, 138) instead of merging every indexed word that begins so: FTS5 keeps prefix
-- indexes of those lengths. At 1,000,000 cases 王 took 41 ms, 202 124 ms and 138 33 ms
-- that way, 0.03 ms each from the prefix indexes; the index grows by about 0.37 KB a case.
-- FTS5 cannot add a prefix index to a table: it is made anew here and filled again from
-- every case's text by the Rust step for this migration (migrations.rs, the tokens are
-- made in Rust: search.rs).

DROP TABLE case_search;
CREATE VIRTUAL TABLE case_search USING fts5 (
    body,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '1 3'
);
