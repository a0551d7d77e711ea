-- The charts' overdue cases by department (issue 19): counted from the covering index of
-- every case past its due date (54,000 at a million cases), each department's name sorted
-- into a temporary B-tree, 20–26 ms. Now kept as cases are written, as migration 0029 keeps
-- the tallies by state: every case with a running clock counted by its department ('' for
-- none) and the date its nearest clock falls due (a row gone at zero), so the chart sums a
-- few thousand rows. `check` recounts them; a bulk load counts them once at its end.
CREATE TABLE IF NOT EXISTS department_tallies (
    department TEXT NOT NULL,
    due        TEXT NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (department, due)
) WITHOUT ROWID;

DELETE FROM department_tallies;
INSERT INTO department_tallies (department, due, n)
    SELECT coalesce(department, ''), next_due, count(*) FROM cases
     WHERE next_due IS NOT NULL GROUP BY 1, 2;

CREATE TRIGGER IF NOT EXISTS cases_by_department AFTER INSERT ON cases
WHEN NEW.next_due IS NOT NULL
BEGIN
    INSERT INTO department_tallies (department, due, n)
    VALUES (coalesce(NEW.department, ''), NEW.next_due, 1)
    ON CONFLICT (department, due) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER IF NOT EXISTS cases_by_department_again
AFTER UPDATE OF department, next_due ON cases
WHEN OLD.department IS NOT NEW.department OR OLD.next_due IS NOT NEW.next_due
BEGIN
    UPDATE department_tallies SET n = n - 1
     WHERE department = coalesce(OLD.department, '') AND due = OLD.next_due;
    DELETE FROM department_tallies
     WHERE department = coalesce(OLD.department, '') AND due = OLD.next_due AND n = 0;
    INSERT INTO department_tallies (department, due, n)
    SELECT coalesce(NEW.department, ''), NEW.next_due, 1 WHERE NEW.next_due IS NOT NULL
    ON CONFLICT (department, due) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER IF NOT EXISTS cases_by_department_out AFTER DELETE ON cases
WHEN OLD.next_due IS NOT NULL
BEGIN
    UPDATE department_tallies SET n = n - 1
     WHERE department = coalesce(OLD.department, '') AND due = OLD.next_due;
    DELETE FROM department_tallies
     WHERE department = coalesce(OLD.department, '') AND due = OLD.next_due AND n = 0;
END;
