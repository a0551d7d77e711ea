//! The county's reports as presets (`domain::presets`): each unit's lines, each leader's
//! week and one case's 专报, read as the viewer may see them — every count and every listed
//! case goes through `seen_where`, so a handler of an accused unit finds neither the case
//! nor its count (2022 Art 30 第三款). Each line lists its first few cases (`LIMIT` by a
//! window over the unit), never the whole ledger.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::params;

use super::cases::CaseRef;
use super::{Result, Store};
use crate::domain::deadline::ClockStatus;
use crate::domain::presets::{
    BacklogStatus, Counted, LeaderWeek, Line, Listed, Preset, SpecialReport, Step, UnitReport,
    UnitSection, WeeklyReport,
};
use crate::domain::types::Role;

/// The states before the reply: the case is still being handled.
const OPEN: &str = "c.state IN ('intake', 'registered', 'assigned')";

/// Rows `(unit, id, case_no, day)` of the cases on `line`; `?1`/`?2` are the window's
/// instants, `?3`/`?4` its first and last dates, `?5` the cut-off date. `w` is the
/// viewer's condition on `cases c`.
fn selection(line: Line, w: &str) -> String {
    let no = "coalesce(c.case_no, '#' || c.id)";
    let unit = "coalesce(c.department, '')";
    let of_cases = |cond: &str, day: &str| {
        format!(
            "SELECT {unit} AS unit, c.id AS id, {no} AS case_no, {day} AS day FROM cases c WHERE {cond} AND {w}"
        )
    };
    // A step given in the window, read from the case itself (an undone step is gone from
    // it), the case found through the journal's index by kind.
    let given = |op: &str, list: &str| {
        format!(
            "SELECT {unit} AS unit, c.id AS id, {no} AS case_no, min(substr(s.value ->> 'at', 1, 10)) AS day
               FROM cases c, json_each(c.doc, '$.{list}') s
              WHERE c.id IN (SELECT case_id FROM events WHERE op = '{op}'
                              AND unixepoch(at) >= ?1 AND unixepoch(at) < ?2)
                AND unixepoch(s.value ->> 'at') >= ?1 AND unixepoch(s.value ->> 'at') < ?2
                AND {w} GROUP BY c.id"
        )
    };
    let asked = |op: &str, list: &str, field: &str| {
        format!(
            "SELECT {unit} AS unit, c.id AS id, {no} AS case_no, s.value ->> '{field}' AS day
               FROM cases c, json_each(c.doc, '$.{list}') s
              WHERE c.id IN (SELECT case_id FROM events WHERE op = '{op}')
                AND s.value ->> '{field}' >= ?3 AND s.value ->> '{field}' <= ?4 AND {w}"
        )
    };
    match line {
        Line::Assigned => format!(
            "SELECT {unit} AS unit, c.id AS id, {no} AS case_no, min(substr(e.at, 1, 10)) AS day
               FROM events e JOIN cases c ON c.id = e.case_id
              WHERE e.op = 'assign' AND unixepoch(e.at) >= ?1 AND unixepoch(e.at) < ?2
                AND c.department IS NOT NULL AND {w} GROUP BY c.id"
        ),
        Line::DueToday => of_cases("c.next_due >= ?3 AND c.next_due <= ?4", "c.next_due"),
        Line::Overdue => of_cases("c.next_due < ?5", "c.next_due"),
        Line::FeedbackDue => format!(
            "SELECT unit, id, case_no, min(day) AS day FROM ({} UNION ALL {}) GROUP BY id",
            asked("supervise", "supervisions", "feedback_by"),
            asked("remind", "reminders", "reply_by")
        ),
        Line::Supervised => given("supervise", "supervisions"),
        Line::Reminded => given("remind", "reminders"),
        Line::Received => of_cases(
            "c.received_at >= ?1 AND c.received_at < ?2",
            "c.received_date",
        ),
        Line::Open => of_cases(OPEN, "c.received_date"),
    }
}

fn parse_day(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok())
}

impl Store {
    /// The 日报 of `day` (`Preset::Daily`) or the 月报 of `from..=to` counted at `cutoff`
    /// (`Preset::Monthly`): each unit's lines, each listing at most `listed` cases.
    pub fn unit_report(
        &self,
        preset: Preset,
        (from, to): (NaiveDate, NaiveDate),
        cutoff: NaiveDate,
        listed: usize,
    ) -> Result<UnitReport> {
        let lines: &[Line] = match preset {
            Preset::Daily => &Line::DAILY,
            Preset::Monthly => &Line::MONTHLY,
            // Not a report by unit: nothing to count.
            Preset::Weekly | Preset::Special => &[],
        };
        let (start, end) = self.span(from, to);
        let w = self.seen_where("c.");
        let mut units: BTreeMap<String, Vec<Counted>> = BTreeMap::new();
        for &line in lines {
            let sql = format!(
                "SELECT unit, n, case_no, day FROM (
                   SELECT unit, count(*) OVER (PARTITION BY unit) AS n,
                          row_number() OVER (PARTITION BY unit ORDER BY day, id) AS r,
                          case_no, day
                     FROM ({}))
                  WHERE r <= ?6 ORDER BY unit, r",
                selection(line, &w)
            );
            let mut stmt = self.conn.prepare(&sql)?;
            let args = params![
                start,
                end,
                from.to_string(),
                to.to_string(),
                cutoff.to_string(),
                i64::try_from(listed).unwrap_or(i64::MAX)
            ];
            let rows = stmt.query_map(args, |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                ))
            })?;
            for row in rows {
                let (unit, n, case_no, day) = row?;
                let counted = units.entry(unit).or_default();
                if counted.last().is_none_or(|c| c.line != line) {
                    counted.push(Counted {
                        line,
                        count: u64::try_from(n).unwrap_or(0),
                        cases: Vec::new(),
                    });
                }
                if let Some(c) = counted.last_mut() {
                    let day = parse_day(day);
                    c.cases.push(Listed { case_no, day });
                }
            }
        }
        Ok(UnitReport {
            preset,
            from,
            to,
            cutoff,
            listed,
            units: order_units(units),
        })
    }
}

/// Units by name, the cases not yet 交办'd (no unit) last.
fn order_units(units: BTreeMap<String, Vec<Counted>>) -> Vec<UnitSection> {
    let (none, named): (Vec<_>, Vec<_>) = units.into_iter().partition(|(u, _)| u.is_empty());
    named
        .into_iter()
        .chain(none)
        .map(|(unit, lines)| UnitSection { unit, lines })
        .collect()
}

impl Store {
    /// The 周报 of `from..=to`: each active leader's week, and the 重点信访人.
    pub fn weekly_report(&self, from: NaiveDate, to: NaiveDate) -> Result<WeeklyReport> {
        let mut leaders = Vec::new();
        for o in self.operators()? {
            if o.role == Role::Leader && o.active {
                leaders.push(self.leader_week(&o.name, from, to)?);
            }
        }
        let key_petitioners = self.flags()?.into_iter().filter(|f| f.on <= to).collect();
        Ok(WeeklyReport {
            from,
            to,
            leaders,
            key_petitioners,
        })
    }

    fn leader_week(&self, leader: &str, from: NaiveDate, to: NaiveDate) -> Result<LeaderWeek> {
        let w = self.seen_where("c.");
        let (start, end) = self.span(from, to);
        let (a, b) = (from.to_string(), to.to_string());
        // A record on a case the viewer may not see counts nowhere for them.
        let record_seen = format!("(r.case_id IS NULL OR {w})");
        let days: i64 = self.conn.query_row(
            &format!(
                "SELECT count(*) FROM (
                   SELECT date FROM reception_days WHERE leader = ?1 AND date >= ?2 AND date <= ?3
                   UNION
                   SELECT r.date FROM reception_records r LEFT JOIN cases c ON c.id = r.case_id
                    WHERE r.leader = ?1 AND r.date >= ?2 AND r.date <= ?3 AND {record_seen})"
            ),
            params![leader, a, b],
            |r| r.get(0),
        )?;
        let (batches, person_times): (i64, i64) = self.conn.query_row(
            &format!(
                "SELECT count(*), coalesce(sum(coalesce(c.people, 1)), 0)
                   FROM reception_records r LEFT JOIN cases c ON c.id = r.case_id
                  WHERE r.leader = ?1 AND r.date >= ?2 AND r.date <= ?3 AND {record_seen}"
            ),
            params![leader, a, b],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        // 批示 on an opinion and 阅批 on the matter alike: each is the leader's 批示.
        let given = |list: &str| {
            format!(
                "SELECT c.id, c.channel, i.value AS v
                   FROM cases c, json_each(c.doc, '$.{list}') i
                  WHERE c.id IN (SELECT case_id FROM events WHERE op IN ('instruct', 'sign')
                                  AND unixepoch(at) >= ?2 AND unixepoch(at) < ?3)
                    AND {w}"
            )
        };
        let (instructions, letters): (i64, i64) = self.conn.query_row(
            &format!(
                "SELECT count(*), count(DISTINCT CASE WHEN channel = 'letter' THEN id END)
                   FROM ({} UNION ALL {})
                  WHERE v ->> 'by' = ?1
                    AND unixepoch(v ->> 'at') >= ?2 AND unixepoch(v ->> 'at') < ?3",
                given("instructions"),
                given("readings")
            ),
            params![leader, start, end],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let meetings: i64 = self.conn.query_row(
            &format!(
                "SELECT count(*) FROM backlog_files b JOIN cases c ON c.id = b.case_id,
                        json_each(b.doc, '$.meetings') m
                  WHERE m.value ->> 'on' >= ?2 AND m.value ->> 'on' <= ?3
                    AND EXISTS (SELECT 1 FROM json_each(m.value, '$.participants') p
                                 WHERE trim(p.value) = ?1)
                    AND {w}"
            ),
            params![leader, a, b],
            |r| r.get(0),
        )?;
        let n = |v: i64| u64::try_from(v).unwrap_or(0);
        Ok(LeaderWeek {
            leader: leader.to_owned(),
            reception_days: n(days),
            batches: n(batches),
            person_times: n(person_times),
            letters_signed: n(letters),
            instructions: n(instructions),
            meetings: n(meetings),
        })
    }

    /// The 专报 of case `r` as the viewer may see it: refused as `show` refuses it.
    pub fn special_report(&self, r: &CaseRef, today: NaiveDate) -> Result<SpecialReport> {
        let row = self.case(r, today)?;
        let policy = &self.office().policy;
        let running = (row.clocks.iter())
            .filter(|k| matches!(k.status, ClockStatus::Running { .. }))
            .filter_map(|k| Some((policy.clock(&k.key)?.clone(), k.clone())))
            .collect();
        let case = row.case;
        let timeline = self
            .events(case.id)?
            .into_iter()
            .map(|e| Step {
                seq: e.seq,
                at: e.at,
                op: e.op,
                actor: e.actor,
            })
            .collect();
        let flags = self.flags_of(&case.intake.petitioners, today)?;
        // The one case's grounds, not the whole 积案 list.
        let backlog = (self.backlog_rows(&[case.id], today)?.into_iter())
            .find(|b| !b.grounds.is_empty())
            .map(|b| BacklogStatus {
                grounds: b.grounds,
                file: b.file,
            });
        Ok(SpecialReport {
            today,
            case,
            timeline,
            flags,
            backlog,
            running,
        })
    }
}
