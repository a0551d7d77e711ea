-- Art 23 第二款: the decide clock is met by the written notice. The report counts it from the
-- narrow rows (`store/facts.rs`): the instant (unix seconds) of the first notice of the
-- decision issued (受理告知书 for an acceptance, 不予受理告知书 for a decline; a pass-on's
-- 去向告知书 is new and none exists yet). An item not accepted is also told by the notice
-- served as its reply, which the rows keep already (served_on).
ALTER TABLE case_facts ADD COLUMN notice_at INTEGER;
UPDATE case_facts
SET notice_at = (SELECT min(CAST(strftime('%s', d.value ->> '$.at') AS INTEGER))
                   FROM cases c, json_each(c.doc, '$.documents') d
                  WHERE c.id = case_facts.id
                    AND d.value ->> '$.kind' = case_facts.decision)
WHERE decision IN ('accept', 'decline');
