-- A repeat item (重复件) is counted by its own receipt day, and it may have been received
-- before the case it was attached to (a paper letter recorded after a later visit). A
-- report must then read cases received after its period too, but only those with attached
-- items: this partial index finds them without reading the rest.
CREATE INDEX case_facts_with_attached ON case_facts (received_at) WHERE attached IS NOT NULL;
