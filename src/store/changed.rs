//! Writing a row's changed columns only. SQLite rewrites the entry of every index on a
//! column named in an `UPDATE`'s `SET`, and fires every `UPDATE OF` trigger on it, whether
//! the value changes or not; each entry rewritten dirties a page, and each page a commit
//! dirties is written to the -wal (encrypted and sealed in an encrypted ledger, about 7 µs
//! a page). A step that names only what it changes writes a third fewer pages (issue 19:
//! encryption's price on the durable save).

use rusqlite::types::{ToSql, ToSqlOutput, Value, ValueRef};
use rusqlite::{Connection, OptionalExtension};

use super::Result;

/// `x` as SQLite stores it, to compare with what a row holds.
pub(super) fn value(x: impl ToSql) -> Value {
    match x.to_sql() {
        Ok(ToSqlOutput::Borrowed(r)) => match r {
            ValueRef::Null => Value::Null,
            ValueRef::Integer(i) => Value::Integer(i),
            ValueRef::Real(f) => Value::Real(f),
            ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
            ValueRef::Blob(b) => Value::Blob(b.to_vec()),
        },
        Ok(ToSqlOutput::Owned(v)) => v,
        _ => Value::Null,
    }
}

/// The `n` columns `sql` selects for the row `?1` = `id`, as stored; None: no such row.
pub(super) fn stored(
    conn: &Connection,
    sql: &str,
    id: i64,
    n: usize,
) -> Result<Option<Vec<Value>>> {
    let row = conn
        .prepare_cached(sql)?
        .query_row([id], |r| (0..n).map(|i| r.get(i)).collect())
        .optional()?;
    Ok(row)
}

/// The `SET` items (`, column = ?N`) of the `columns` whose `new` value differs from the
/// `old` one, each value pushed onto `args` (whose length numbers its parameter).
pub(super) fn assignments(
    columns: &[&str],
    old: &[Value],
    new: Vec<Value>,
    args: &mut Vec<Value>,
) -> String {
    let mut set = String::new();
    for ((column, new), old) in columns.iter().zip(new).zip(old) {
        if &new != old {
            args.push(new);
            set.push_str(&format!(", {column} = ?{}", args.len()));
        }
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_changed_columns_are_set_and_numbered_after_the_args() {
        let mut args = vec![Value::Integer(7)];
        let old = [Value::Text("intake".into()), Value::Null, Value::Integer(1)];
        let new = vec![
            Value::Text("registered".into()),
            Value::Null,
            Value::Integer(1),
        ];
        let set = assignments(&["state", "handler", "people"], &old, new, &mut args);
        assert_eq!(set, ", state = ?2");
        assert_eq!(
            args,
            vec![Value::Integer(7), Value::Text("registered".into())]
        );
        let same = vec![Value::Text("intake".into()), Value::Null, Value::Integer(1)];
        assert_eq!(
            assignments(&["state", "handler", "people"], &old, same, &mut args),
            ""
        );
    }
}
