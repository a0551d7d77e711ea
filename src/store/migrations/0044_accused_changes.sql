-- Whom a case accuses can now change after its intake: a leader's 更正 of the accused unit
-- or person (2022 Art 30 第三款). Each reader's short list of the cases hidden from them
-- (`store/hidden.rs`) was only brought up to date with the cases added since it was made;
-- a number that moves whenever any connection changes a case's accused tells every desk to
-- make its list anew.
CREATE TABLE IF NOT EXISTS accused_changes (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
);
INSERT OR IGNORE INTO accused_changes (id, n) VALUES (1, 0);

CREATE TRIGGER IF NOT EXISTS accused_changed AFTER UPDATE OF target, target_person ON cases
WHEN OLD.target IS NOT NEW.target OR OLD.target_person IS NOT NEW.target_person
BEGIN
    UPDATE accused_changes SET n = n + 1 WHERE id = 1;
END;
