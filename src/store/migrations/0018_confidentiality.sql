-- Confidentiality (2022 Art 30 第三款, Art 28): the unit an operator belongs to besides
-- their department, whether a handler sees their whole department's cases, and the case
-- columns a list filters by (被反映人, 保密), so that no list reads a case it may not show.
-- SQLite has no ADD COLUMN IF NOT EXISTS: the columns are added by this migration's Rust
-- step (`step_0018.rs`), which leaves a column that is there already, and fills them.
SELECT 1;
