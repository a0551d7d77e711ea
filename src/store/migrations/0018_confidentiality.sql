-- Confidentiality (2022 Art 30 第三款, Art 28): the unit an operator belongs to besides
-- their department, whether a handler sees their whole department's cases, and the case
-- columns a list filters by (被反映人, 保密), so that no list reads a case it may not show.
ALTER TABLE operators ADD COLUMN unit TEXT;
ALTER TABLE operators ADD COLUMN department_wide INTEGER NOT NULL DEFAULT 0;

ALTER TABLE cases ADD COLUMN target_person TEXT;
ALTER TABLE cases ADD COLUMN confidential INTEGER NOT NULL DEFAULT 0;
UPDATE cases
SET target_person = json_extract(doc, '$.intake.target_person'),
    confidential = coalesce(json_extract(doc, '$.intake.confidential'), 0)
WHERE json_extract(doc, '$.intake.target_person') IS NOT NULL
   OR json_extract(doc, '$.intake.confidential') = 1;
