-- The accused columns the lists filter by (`target`, `target_person`) are now kept as the
-- domain compares names: without spaces and joining marks (`rules::squeezed`, so that 冯　刚
-- is 冯刚; 2022 Art 30 第三款). The SQL that matches them read each row through twenty
-- `replace` calls, ten times the time of the match itself; stored so, it reads them as they
-- are. The step after this file (`step_0045.rs`) rewrites the values that change, found
-- through the columns' indexes.
SELECT 1;
