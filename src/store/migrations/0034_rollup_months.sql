-- The report's rollups summed by month (issue 19; `store/rollup_months.rs`): a year's
-- report summed some 70,000 day rows of `report_rollup` at each of its three windows at a
-- million cases. The whole months of a window now come from these rows, kept in the same
-- transaction as the day rows they sum and compared by `check`:
--   month  YYYY-MM, office-local as the day rows
--   key    as `report_rollup`
-- With the rollups forgotten, the next writable open makes them in one pass (IF NOT EXISTS:
-- a ledger taken back to an older schema upgrades again).
CREATE TABLE IF NOT EXISTS report_rollup_months (
    month TEXT NOT NULL,
    key   TEXT NOT NULL,
    n     INTEGER NOT NULL,
    PRIMARY KEY (month, key)
) STRICT, WITHOUT ROWID;

DELETE FROM report_rollup_rules;
