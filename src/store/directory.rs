//! Operators and departments: the small tables a transition is judged by.

use rusqlite::{Connection, OptionalExtension, params};

use super::{Result, Store};
use crate::domain::rules::Operator;
use crate::domain::types::Role;

pub fn operators(conn: &Connection) -> Result<Vec<Operator>> {
    let mut stmt =
        conn.prepare_cached("SELECT name, role, department, active FROM operators ORDER BY name")?;
    let rows = stmt.query_map([], |r| {
        let role: String = r.get(1)?;
        Ok(Operator {
            name: r.get(0)?,
            // The CHECK constraint keeps roles to the three codes.
            role: Role::from_code(&role).unwrap_or(Role::Clerk),
            department: r.get(2)?,
            active: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn department_names(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT name FROM departments WHERE active = 1 ORDER BY name")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Store {
    /// Adds an operator, or changes the role, department or activity of one.
    pub fn put_operator(&mut self, op: &Operator) -> Result<()> {
        self.conn.execute(
            "INSERT INTO operators (name, role, department, active) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (name) DO UPDATE SET role = ?2, department = ?3, active = ?4",
            params![op.name, op.role.code(), op.department, op.active],
        )?;
        Ok(())
    }

    pub fn put_department(&mut self, name: &str, active: bool) -> Result<()> {
        self.conn.execute(
            "INSERT INTO departments (name, active) VALUES (?1, ?2)
             ON CONFLICT (name) DO UPDATE SET active = ?2",
            params![name, active],
        )?;
        Ok(())
    }

    pub fn operators(&self) -> Result<Vec<Operator>> {
        operators(&self.conn)
    }

    pub fn departments(&self) -> Result<Vec<String>> {
        department_names(&self.conn)
    }

    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    pub fn set_meta(&mut self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2",
            params![key, value],
        )?;
        Ok(())
    }
}
