-- The statistics report (`xinfang report`) loads, besides the cases received in a period,
-- the older cases that can still count in it: not yet replied to, replied to since it
-- began, or archived in it. Two columns find them by index:
--   replied_on   the later of the day the reply was served and the day it was recorded
--                (YYYY-MM-DD); NULL until replied. After it only a return visit and the
--                archiving can happen to a case.
--   archived_at  unix seconds of the archiving; NULL until archived.

ALTER TABLE cases ADD COLUMN replied_on TEXT;
ALTER TABLE cases ADD COLUMN archived_at INTEGER;
UPDATE cases SET
    replied_on = max(json_extract(doc, '$.reply.served_at'),
                     substr(json_extract(doc, '$.reply.at'), 1, 10)),
    archived_at = unixepoch(json_extract(doc, '$.archived.at'))
 WHERE json_extract(doc, '$.reply') IS NOT NULL;

CREATE INDEX cases_by_replied ON cases (replied_on, received_at) WHERE replied_on IS NOT NULL;
CREATE INDEX cases_by_archived ON cases (archived_at, received_at) WHERE archived_at IS NOT NULL;

-- Repeat petitioners (重复信访) in a report: whether a petitioner of a case matches one of a
-- case received earlier, answered from the petitioner indexes alone, which now carry the
-- case's receipt time (it never changes after intake).
ALTER TABLE petitioners ADD COLUMN received_at INTEGER;
UPDATE petitioners SET received_at = (SELECT received_at FROM cases WHERE cases.id = case_id);

DROP INDEX petitioners_by_id_number;
DROP INDEX petitioners_by_phone;
DROP INDEX petitioners_by_name;
CREATE INDEX petitioners_by_id_number ON petitioners (id_number, received_at, case_id)
    WHERE id_number IS NOT NULL;
CREATE INDEX petitioners_by_phone ON petitioners (phone, received_at, case_id)
    WHERE phone IS NOT NULL;
CREATE INDEX petitioners_by_name ON petitioners (name, address, received_at, case_id);
