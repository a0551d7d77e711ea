-- Who may see a case (store/hidden.rs, store/sight.rs; 2022 Art 30 第三款). The few cases
-- that accuse an operator are found through the accused columns' indexes.
CREATE INDEX IF NOT EXISTS cases_by_target ON cases (target) WHERE target IS NOT NULL;
CREATE INDEX IF NOT EXISTS cases_by_target_person ON cases (target_person) WHERE target_person IS NOT NULL;
-- A clerk's counts and pages of the open states leave out others' confidential cases from
-- this index alone, in the order of the queue's pages (received_at, id), never reading or
-- sorting every open case.
CREATE INDEX IF NOT EXISTS cases_by_state_sight ON cases (state, received_at, id, confidential, receiver);
-- Likewise the overdue and due-soon counts and pages.
CREATE INDEX IF NOT EXISTS cases_due_sight ON cases (next_due, id, confidential, receiver)
    WHERE next_due IS NOT NULL;
