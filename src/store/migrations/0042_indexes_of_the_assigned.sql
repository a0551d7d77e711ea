-- The indexes by handler, leader and department held every case, those without one too (a
-- new case has none): each intake wrote a leaf of each (a page written, and in an encrypted
-- ledger encrypted and sealed), though no query asks for a case by a handler it has not got
-- (issue 19: encryption's price on the durable save). Now they hold only the cases that
-- have one. Every query of these asks for one by name (`handler = ?`, `owner_leader IS NOT
-- NULL AND …`), which the index's condition follows from, so each still reads its index.
DROP INDEX IF EXISTS cases_by_handler;
CREATE INDEX cases_by_handler ON cases (handler, received_at, id) WHERE handler IS NOT NULL;
DROP INDEX IF EXISTS cases_by_owner;
CREATE INDEX cases_by_owner ON cases (owner_leader, received_at, id)
    WHERE owner_leader IS NOT NULL;
DROP INDEX IF EXISTS cases_owned_open;
CREATE INDEX cases_owned_open ON cases (owner_leader, received_at, id)
    WHERE state <> 'archived' AND owner_leader IS NOT NULL;
DROP INDEX IF EXISTS cases_by_department;
CREATE INDEX cases_by_department ON cases (department, received_at, id)
    WHERE confidential = 0 AND department IS NOT NULL;
