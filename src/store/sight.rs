//! Who reads the ledger, and what they are shown: the domain's rule
//! (`domain::visibility`, 2022 Art 30 第三款) applied to every read, and written as SQL over
//! the case columns so that a page, a count or a search filters in the query itself and
//! never loads a case it may not show. `sight_sql_agrees_with_the_domain` holds the two
//! together.

use std::collections::HashSet;

use serde_json::Value;

use super::cases::{self, CaseRef};
use super::office_journal::{self, OfficeEvent, OfficeRecord};
use super::{JournalEntry, Store, StoreError, StoredDocument};
use crate::domain::audit::{AuditResult, Audited};
use crate::domain::case::Case;
use crate::domain::rules::{Operator, squeezed};
use crate::domain::stats::{Key, Report, Section};
use crate::domain::types::Role;
use crate::domain::visibility::{Sight, accuses, mask, names_of, redact, secrets, sight_of};

/// The operator reading, and the words that stand in for what a confidential case's
/// handler may not see (「（保密）」, in the reader's language).
#[derive(Debug, Clone)]
pub struct Viewer {
    pub operator: Operator,
    pub mask: String,
}

/// A name as an SQL string literal. Names come from the operators table, never from a
/// query typed at the desk; quotes are doubled and NULs dropped all the same.
fn literal(text: &str) -> String {
    let clean: String = text.chars().filter(|c| *c != '\0').collect();
    format!("'{}'", clean.replace('\'', "''"))
}

/// `rules::names_accused(name, column)` in SQL: equal, or one inside the other when the
/// shorter has two characters or more, both without spaces and joining marks (the column
/// is stored so: `visibility::accused_keys`, migration 45).
fn names(t: &str, name: &str) -> String {
    let name = squeezed(name);
    if name.is_empty() {
        // As `names_accused`: an empty name accuses nobody.
        return "0".to_owned();
    }
    let n = literal(&name);
    let len = name.chars().count();
    format!(
        "({t} IS NOT NULL AND ({t} = {n} OR (min(length({t}), {len}) >= 2 \
         AND (instr({t}, {n}) > 0 OR instr({n}, {t}) > 0))))"
    )
}

/// The condition a `cases` row (columns prefixed with `p`, e.g. "c.") must meet to be
/// shown to `who`: `visibility::sight(who, row).shows()`.
pub fn condition(who: &Operator, p: &str) -> String {
    let mut accused: Vec<String> = Vec::new();
    for name in names_of(who) {
        for column in ["target", "target_person"] {
            accused.push(names(&format!("{p}{column}"), name));
        }
    }
    let seen = reach(who, p);
    if accused.is_empty() {
        seen
    } else {
        format!("({seen} AND NOT ({}))", accused.join(" OR "))
    }
}

/// What `who`'s role reaches before anything is hidden from them: a leader everything, a
/// clerk what is not confidential or was received by them, a handler their own cases.
pub(super) fn reach(who: &Operator, p: &str) -> String {
    let me = literal(&who.name);
    match who.role {
        Role::Leader => "1".to_owned(),
        Role::Clerk => format!("({p}receiver = {me} OR {p}confidential = 0)"),
        // Drawn from the indexes of their own cases: a handler's few among a million.
        Role::Handler => {
            let mut own = format!(
                "{p}id IN (SELECT id FROM cases WHERE handler = {me} \
                 UNION ALL SELECT id FROM cases WHERE receiver = {me}"
            );
            if let Some(d) = who.department.as_deref().filter(|_| who.department_wide) {
                own += &format!(
                    " UNION ALL SELECT id FROM cases WHERE department = {} AND confidential = 0",
                    literal(d)
                );
            }
            own + ")"
        }
    }
}

impl Store {
    /// Reads from now on as `viewer` (None: everything, for setup, `check` and the
    /// recovery key).
    pub fn set_viewer(&mut self, viewer: Option<Viewer>) {
        self.viewer = viewer;
        self.hidden.forget();
        self.rows.forget();
        self.dashboards.forget();
        self.forget_counts();
    }

    /// Names `command` (`replay`) in every view recorded from now on, beside the screen.
    pub fn read_via(&mut self, command: &'static str) {
        self.via = Some(command);
    }

    pub fn viewer(&self) -> Option<&Operator> {
        self.viewer.as_ref().map(|v| &v.operator)
    }

    /// What the viewer may see of `case` (Full when nobody in particular reads).
    pub fn sight(&self, case: &Case) -> Sight {
        self.viewer
            .as_ref()
            .map_or(Sight::Full, |v| sight_of(&v.operator, case))
    }

    /// The cases hidden from a viewer who may see every other one (a leader; nobody in
    /// particular: none), as their short list; `None` where what they see is a condition
    /// on the case's row (a clerk, a handler, a list too long), so that a count of a stock
    /// can read its own rows and take the few hidden ones away.
    pub(super) fn hidden_only(&self) -> Option<std::rc::Rc<Vec<i64>>> {
        let Some(who) = self.viewer.as_ref().map(|v| &v.operator) else {
            return Some(std::rc::Rc::default());
        };
        if reach(who, "").as_str() != "1" {
            return None;
        }
        super::hidden::hidden(&self.conn, &self.hidden, who)
            .ok()
            .filter(|ids| ids.len() <= super::hidden::MOST)
    }

    /// The condition on `cases` (columns prefixed with `p`) of what the viewer may see,
    /// "1" when nobody in particular reads. The ids hidden from the viewer come from a
    /// short list kept up to date (`hidden.rs`), so that a count reads only its index.
    pub(super) fn seen_where(&self, p: &str) -> String {
        let Some(who) = self.viewer.as_ref().map(|v| &v.operator) else {
            return "1".to_owned();
        };
        // A handler's own cases are few: the row-by-row condition over them is cheap.
        if who.role == Role::Handler {
            return condition(who, p);
        }
        let hidden = match super::hidden::hidden(&self.conn, &self.hidden, who) {
            Ok(ids) if ids.len() <= super::hidden::MOST => super::hidden::not_in(p, &ids),
            // A list too long or not to be had: the row-by-row condition still shows
            // only what may be seen (slower).
            _ => return condition(who, p),
        };
        match reach(who, p).as_str() {
            "1" => hidden,
            reach => format!("({reach} AND {hidden})"),
        }
    }

    /// `case` as the viewer may see it: refused as a number that does not exist when it is
    /// hidden (from the accused too: they are not told it exists), masked for a confidential
    /// case's handler.
    pub(super) fn as_seen(&self, mut case: Case, asked: &str) -> Result<Case, StoreError> {
        match self.sight(&case) {
            Sight::Full => Ok(case),
            Sight::Masked => {
                if let Some(v) = &self.viewer {
                    mask(&mut case, &v.mask);
                }
                Ok(case)
            }
            Sight::Hidden => Err(StoreError::CaseNotFound(asked.to_owned())),
        }
    }

    /// Whether the viewer may issue a document on case `r` (the desk's documents panel and
    /// `notice` alike): refused as `as_seen` is, and for a confidential case's handler,
    /// since a document names the petitioners masked from them.
    pub(super) fn may_issue(&self, r: &CaseRef) -> Result<(), StoreError> {
        if self.viewer.is_none() {
            return Ok(());
        }
        let (case, _) = cases::load(&self.conn, r)?;
        match self.sight(&case) {
            Sight::Full => Ok(()),
            Sight::Masked => Err(StoreError::MaskedDocument(r.to_string())),
            Sight::Hidden => Err(StoreError::CaseNotFound(r.to_string())),
        }
    }

    /// What the viewer may see of the records of case `id` (its journal, its documents):
    /// None in full, else the petitioners' particulars to mask; refused as `as_seen` is.
    fn secrets_of(&self, id: i64) -> Result<Option<(Vec<String>, &str)>, StoreError> {
        let Some(v) = &self.viewer else {
            return Ok(None);
        };
        let (case, _) = cases::load(&self.conn, &CaseRef::Id(id))?;
        match self.sight(&case) {
            Sight::Full => Ok(None),
            Sight::Masked => Ok(Some((secrets(&case), v.mask.as_str()))),
            Sight::Hidden => Err(StoreError::CaseNotFound(id.to_string())),
        }
    }

    /// Case `id`'s journal as the viewer may see it.
    pub(super) fn seen_events(
        &self,
        id: i64,
        mut events: Vec<JournalEntry>,
    ) -> Result<Vec<JournalEntry>, StoreError> {
        if let Some((secrets, mark)) = self.secrets_of(id)? {
            for e in &mut events {
                let values = [Some(&mut e.command), e.before.as_mut(), Some(&mut e.after)];
                for v in values.into_iter().flatten() {
                    redact_json(v, &secrets, mark);
                }
            }
        }
        Ok(events)
    }

    /// Case `id`'s documents as the viewer may see them.
    pub(super) fn seen_documents(
        &self,
        id: i64,
        mut docs: Vec<StoredDocument>,
    ) -> Result<Vec<StoredDocument>, StoreError> {
        if let Some((secrets, mark)) = self.secrets_of(id)? {
            for d in &mut docs {
                d.text = redact(&d.text, &secrets, mark);
                d.html = redact(&d.html, &secrets, mark);
            }
        }
        Ok(docs)
    }

    /// Records that the viewer saw confidential `case` on `surface` (a screen or a command):
    /// who, when and where, in the office journal (2022 Art 30 第三款; PIPL Art 51). Nothing
    /// for a case that is not confidential, or when nobody in particular reads.
    pub fn record_view(
        &mut self,
        case: &Case,
        surface: &str,
        at: chrono::DateTime<chrono::FixedOffset>,
    ) -> Result<(), StoreError> {
        let Some(v) = self.viewer.as_ref().filter(|_| case.intake.confidential) else {
            return Ok(());
        };
        let surface = match self.via {
            Some(command) => format!("{command}:{surface}"),
            None => surface.to_owned(),
        };
        let rec = OfficeRecord {
            at,
            actor: v.operator.name.clone(),
            act: Audited::View,
            subject: case.id.to_string(),
            detail: serde_json::json!({"case_no": case.case_no, "surface": surface}),
            result: AuditResult::Ok,
        };
        office_journal::append(&self.conn, &rec)?;
        Ok(())
    }

    /// As `record_view`, for case `r` as the store holds it (a document's text opened on
    /// `surface` names the petitioners as the case does).
    pub fn record_view_of(
        &mut self,
        r: &CaseRef,
        surface: &str,
        at: chrono::DateTime<chrono::FixedOffset>,
    ) -> Result<(), StoreError> {
        if self.viewer.is_none() {
            return Ok(());
        }
        let (case, _) = cases::load(&self.conn, r)?;
        self.record_view(&case, surface, at)
    }

    /// Who saw confidential case `id`, when and where, oldest first: for a leader only.
    pub(super) fn views_of(&self, case: &Case) -> Result<Vec<OfficeEvent>, StoreError> {
        let leader = self.viewer().is_some_and(|o| o.role == Role::Leader);
        if !(leader && case.intake.confidential) {
            return Ok(Vec::new());
        }
        office_journal::of_subject(&self.conn, Audited::View, &case.id.to_string())
    }

    /// The report's rows of 被反映单位 that name the viewer, their department or unit are
    /// left out: every case behind such a row is hidden from them, and the row would tell
    /// them they are accused (Art 30 第三款: 不得透露有关情况). The other counts stay whole
    /// (a count names nobody).
    pub(super) fn drop_rows_naming_the_viewer(&self, r: &mut Report) {
        let Some(who) = self.viewer() else {
            return;
        };
        r.figures.retain(|f| {
            let named = match (&f.section, &f.key) {
                (Section::Target, Key::Name(unit)) => Some(unit.as_str()),
                _ => None,
            };
            !named.is_some_and(|unit| accuses(who, Some(unit), None))
        });
    }

    /// The report's listed cases, of those the viewer may see; its counts stay whole (a
    /// count names nobody).
    pub(super) fn keep_seen_items(&self, r: &mut Report) -> Result<(), StoreError> {
        if self.viewer.is_none() {
            return Ok(());
        }
        let sql = format!(
            "SELECT EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND {})",
            self.seen_where("")
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let mut seen = HashSet::new();
        let ids =
            (r.overdue_items.iter().map(|i| i.id)).chain(r.supervised_items.iter().map(|i| i.id));
        for id in ids.collect::<Vec<_>>() {
            if stmt.query_row([id], |row| row.get::<_, bool>(0))? {
                seen.insert(id);
            }
        }
        r.overdue_items.retain(|i| seen.contains(&i.id));
        r.supervised_items.retain(|i| seen.contains(&i.id));
        r.overdue_count = r.overdue_items.len() as u64;
        r.supervised_count = r.supervised_items.len() as u64;
        Ok(())
    }

    /// The office-journal events the viewer may read: one about a case hidden from them
    /// (a view of it, its 积案 file, its 评查) is left out, unsaid (Art 30 第三款). What is
    /// listed is numbered 1, 2, 3… for every reader, not by the chain's numbers, whose gap
    /// would say that something was left out (`check` verifies the chain itself).
    pub(super) fn keep_seen_office_events(
        &self,
        events: Vec<OfficeEvent>,
    ) -> Result<Vec<OfficeEvent>, StoreError> {
        if self.viewer.is_none() {
            return Ok(events);
        }
        let mut hidden_ids: std::collections::HashMap<i64, bool> = Default::default();
        let mut kept = Vec::with_capacity(events.len());
        for e in events {
            let case = Audited::from_code(&e.act)
                .filter(|a| a.names_case())
                .and_then(|_| e.subject.parse::<i64>().ok());
            let hidden = match case {
                Some(id) => match hidden_ids.get(&id) {
                    Some(h) => *h,
                    None => {
                        let h = match cases::load(&self.conn, &CaseRef::Id(id)) {
                            Ok((case, _)) => !self.sight(&case).shows(),
                            Err(StoreError::CaseNotFound(_)) => false,
                            Err(e) => return Err(e),
                        };
                        *hidden_ids.entry(id).or_insert(h)
                    }
                },
                None => false,
            };
            if !hidden {
                kept.push(e);
            }
        }
        for (n, e) in kept.iter_mut().enumerate() {
            e.seq = n as i64 + 1;
        }
        Ok(kept)
    }

    /// As `as_seen` for a list: None for a case not to be listed.
    pub(super) fn listed(&self, case: Case) -> Option<Case> {
        self.as_seen(case, "").ok()
    }
}

/// Every text in `v` with `secrets` replaced by `mark`.
fn redact_json(v: &mut Value, secrets: &[String], mark: &str) {
    match v {
        Value::String(s) => *s = redact(s, secrets, mark),
        Value::Array(items) => items.iter_mut().for_each(|i| redact_json(i, secrets, mark)),
        Value::Object(map) => map.values_mut().for_each(|i| redact_json(i, secrets, mark)),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

#[cfg(test)]
#[path = "sight_tests.rs"]
mod tests;
