-- The queue's views by channel and "mine" (received by me, handled by me,
-- owned by me as leader), each answered from an index in received order.

ALTER TABLE cases ADD COLUMN receiver TEXT;
UPDATE cases SET receiver = json_extract(doc, '$.intake.receiver');

CREATE INDEX cases_by_channel ON cases (channel, received_at, id);
CREATE INDEX cases_by_receiver ON cases (receiver, received_at, id);
CREATE INDEX cases_by_handler ON cases (handler, received_at, id);
CREATE INDEX cases_by_owner ON cases (owner_leader, received_at, id);
