-- The leader's dashboard's "my cases" (包案): the open ones a leader owns, counted and listed
-- from this index alone. Through cases_by_owner every owned case's row was read to see
-- whether it is archived (about 270 ms a reload at 100,000 cases, encrypted).
CREATE INDEX IF NOT EXISTS cases_owned_open ON cases (owner_leader, received_at, id)
    WHERE state <> 'archived';
