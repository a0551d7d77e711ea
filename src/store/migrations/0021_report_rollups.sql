-- The report's rollups (`domain::stats::rollup` says what they count, `store/rollup.rs`
-- keeps them): per office-local day and figure key, the sum of what the cases add to it,
-- updated in the transaction of every case write. A month's report sums some 6,000 rows.
--   day   YYYY-MM-DD, office-local under the rules the rows were made with
--   key   `f:<figure>`, `c:<channel>.<volume>`, `n:<section>:<name>`, `u:<year>`, and for
--         clocks still running, due on the day, `p:<figure>` and `pu:<year>`
-- `report_rollup_rules` holds the fingerprint of those rules (UTC offset, clocks, holiday
-- calendar); no row: the rollups are not made yet (this migration, a bulk load) and the
-- next writable open makes them from `case_facts` in one pass. (IF NOT EXISTS, and the
-- rules forgotten at the end: a ledger taken back to an older schema and upgraded again
-- gets them made anew.)
CREATE TABLE IF NOT EXISTS report_rollup (
    day  TEXT NOT NULL,
    key  TEXT NOT NULL,
    n    INTEGER NOT NULL,
    PRIMARY KEY (day, key)
) STRICT, WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS report_rollup_rules (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    fingerprint TEXT NOT NULL
) STRICT;

-- 重复信访 by receipt time, counted from the index alone (a late paper record marks later
-- cases through the petitioners' trigger, no write of theirs: not rolled up).
CREATE INDEX IF NOT EXISTS case_facts_repeat ON case_facts (received_at)
    WHERE linked OR earlier_petitioner;
-- The stocks at a window's end: the cases not replied to, and those ever supervised.
CREATE INDEX IF NOT EXISTS case_facts_unreplied ON case_facts (received_at)
    WHERE replied_on IS NULL;
CREATE INDEX IF NOT EXISTS case_facts_supervised ON case_facts (received_at)
    WHERE supervisions IS NOT NULL;

DELETE FROM report_rollup_rules;
