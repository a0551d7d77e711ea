-- Fewer B-trees written by every save (issue 19: encryption's price on the durable save).
-- A save writes one leaf of each index of `cases` whose key it changes, and an encrypted
-- ledger encrypts and seals every page written (about 7 µs each). Three groups of indexes
-- held the same leading columns; one index of each group, holding every column the others
-- held, serves all their queries from the index alone: an intake writes 4 pages fewer, a
-- registration 6 (of some 45).

-- (state, received_at, id) is the head of cases_by_state_sight.
DROP INDEX IF EXISTS cases_by_state;

-- By due date: the sight's (id, confidential, receiver), 积案's state (migration 37) and the
-- charts' department (migration 9), each of them read from this one index.
DROP INDEX IF EXISTS cases_by_next_due;
DROP INDEX IF EXISTS cases_overdue_by_department;
DROP INDEX IF EXISTS cases_due_sight;
CREATE INDEX cases_due_sight ON cases (next_due, id, confidential, receiver, state, department)
    WHERE next_due IS NOT NULL;

-- By time received: the sight's columns (migration 38) and the charts' (migration 9).
DROP INDEX IF EXISTS cases_by_received_chart;
DROP INDEX IF EXISTS cases_by_received;
CREATE INDEX cases_by_received
    ON cases (received_at, id, confidential, receiver, people, category, channel);
