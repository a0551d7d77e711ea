-- Search as you type reads one posting list, newest first, for a number or word of 4 to 11
-- characters too (2025, 1380, 13800138000), as migration 10 made it for 1 and 3: without
-- a prefix index of the typed length FTS5 merges the postings of every indexed word that
-- begins so before it takes the newest (at 1,000,000 cases `2025`, the year written in
-- most summaries, took 10-19 ms and grew with the ledger). Two is left out on purpose: it
-- would index every CJK bigram a second time, and one or two digits wait for a third.
-- Eleven is a mobile number in full; longer words are rare enough to merge.
-- FTS5 cannot add a prefix index to a table: it is made anew here and filled again from
-- every case's text by migration 10's Rust step (migrations.rs).

DROP TABLE case_search;
CREATE VIRTUAL TABLE case_search USING fts5 (
    body,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '1 3 4 5 6 7 8 9 10 11'
);
