-- 领导阅批率 (issue 19): the letters received in a report's three windows and those a leader
-- signed were counted from the letters' index (migration 0030): a year's letters are 115,000
-- entries at a million cases, some 300 pages, each authenticated and decrypted on an
-- encrypted ledger. Now kept as the report's rows are written, by the hour of receipt (unix
-- seconds / 3600): a window of office-local days (whole hours from UTC) sums a few hundred
-- rows. A row gone at zero. `check` recounts them; a bulk load counts them at its end.
CREATE TABLE IF NOT EXISTS letters_hours (
    hour     INTEGER PRIMARY KEY,
    received INTEGER NOT NULL,
    signed   INTEGER NOT NULL
);

DELETE FROM letters_hours;
INSERT INTO letters_hours (hour, received, signed)
    SELECT received_at / 3600, count(*), sum(letter_signed) FROM case_facts
     WHERE channel = 'letter' GROUP BY 1;

CREATE TRIGGER IF NOT EXISTS letters_hours_in AFTER INSERT ON case_facts
WHEN NEW.channel = 'letter'
BEGIN
    INSERT INTO letters_hours (hour, received, signed)
    VALUES (NEW.received_at / 3600, 1, NEW.letter_signed)
    ON CONFLICT (hour) DO UPDATE SET received = received + 1,
                                     signed = signed + NEW.letter_signed;
END;

CREATE TRIGGER IF NOT EXISTS letters_hours_again
AFTER UPDATE OF channel, received_at, letter_signed ON case_facts
WHEN (OLD.channel = 'letter' OR NEW.channel = 'letter')
 AND (OLD.channel IS NOT NEW.channel OR OLD.received_at IS NOT NEW.received_at
      OR OLD.letter_signed IS NOT NEW.letter_signed)
BEGIN
    UPDATE letters_hours SET received = received - 1, signed = signed - OLD.letter_signed
     WHERE OLD.channel = 'letter' AND hour = OLD.received_at / 3600;
    DELETE FROM letters_hours
     WHERE OLD.channel = 'letter' AND hour = OLD.received_at / 3600 AND received = 0;
    INSERT INTO letters_hours (hour, received, signed)
    SELECT NEW.received_at / 3600, 1, NEW.letter_signed WHERE NEW.channel = 'letter'
    ON CONFLICT (hour) DO UPDATE SET received = received + 1,
                                     signed = signed + NEW.letter_signed;
END;

CREATE TRIGGER IF NOT EXISTS letters_hours_out AFTER DELETE ON case_facts
WHEN OLD.channel = 'letter'
BEGIN
    UPDATE letters_hours SET received = received - 1, signed = signed - OLD.letter_signed
     WHERE hour = OLD.received_at / 3600;
    DELETE FROM letters_hours WHERE hour = OLD.received_at / 3600 AND received = 0;
END;
