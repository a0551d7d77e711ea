-- A 科长 who sees their whole department (operators.department_wide; 2022 Art 30 第三款
-- keeps the confidential ones out): the department's cases from an index of their own, in
-- the queue's order, as a handler's own cases come from cases_by_handler.
CREATE INDEX IF NOT EXISTS cases_by_department ON cases (department, received_at, id)
    WHERE confidential = 0;
