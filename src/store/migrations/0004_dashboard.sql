-- The leader's dashboard: each of its lists answered from a small index.

CREATE INDEX cases_major_open ON cases (received_at, id)
    WHERE urgency = 'major' AND state <> 'archived';
CREATE INDEX cases_awaiting ON cases (received_at, id)
    WHERE awaiting_instruction = 1;
CREATE INDEX cases_group_open ON cases (received_at, id)
    WHERE people >= 5 AND state <> 'archived';
