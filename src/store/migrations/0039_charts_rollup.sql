-- The charts' intake figures (issue 19: encryption's price, each screen within 1.15× of
-- plaintext). The charts read twelve weeks of the report's day rows, and of each day's 90-odd
-- rows (one per figure) use about a quarter: 100 pages at 100,000 cases, each authenticated and
-- decrypted, for some 20 pages of rows wanted. This index holds only the rows the charts read
-- (`store/charts.rs`, `ROLLED`: the same condition, which SQLite needs word for word to use it).
CREATE INDEX IF NOT EXISTS report_rollup_charts ON report_rollup (day, key, n)
    WHERE key IN ('f:batches', 'f:person_times') OR key LIKE 'n:category:%' OR key LIKE 'c:%';
