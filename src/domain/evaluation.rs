//! 评查 (seed 002: 《信访事项评查工作办法》, 评议评查): a leader scores a closed case against the
//! office's checklist. Kept beside the case in the office journal, not as a case step: a
//! case answered or archived is closed and its record immutable (the archive), and a score
//! is the office's judgment of the handling, not a step of it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::case::Case;
use super::rules::Operator;
use super::types::{Role, State};

/// The checklist when the office sets none (the policy's default, kept there so the policy
/// need not import this module).
pub use super::policy::DEFAULT_EVALUATION_ITEMS as DEFAULT_ITEMS;

/// The most an item may score.
pub const ITEM_MAX: u32 = 10;

/// One item's score, 0 to [`ITEM_MAX`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemScore {
    pub item: String,
    pub score: u32,
}

/// A case scored: by whom, when, each item, and the handling unit (the case's department
/// when scored, for the report by unit).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evaluation {
    pub no: i64,
    pub case_id: i64,
    #[serde(default)]
    pub unit: Option<String>,
    pub on: NaiveDate,
    pub by: String,
    pub scores: Vec<ItemScore>,
    #[serde(default)]
    pub note: Option<String>,
}

impl Evaluation {
    /// The case's score out of 100: the items' sum over their most, rounded.
    pub fn total(&self) -> u32 {
        let most = ITEM_MAX * u32::try_from(self.scores.len()).unwrap_or(u32::MAX);
        let sum: u32 = self.scores.iter().map(|s| s.score).sum();
        if most == 0 {
            return 0;
        }
        (sum * 100 + most / 2) / most
    }

    /// 合格: the total reaches the office's pass mark.
    pub fn passed(&self, pass_mark: u32) -> bool {
        self.total() >= pass_mark
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EvaluationError {
    #[error("{0} is not an active leader")]
    NotLeader(String),
    #[error("the case is not closed (answered or archived)")]
    NotClosed,
    #[error("item {0} is not on the checklist")]
    UnknownItem(String),
    #[error("item {0} is scored twice")]
    Twice(String),
    #[error("item {0} is not scored")]
    Missing(String),
    #[error("item {item} scores {score}, above {ITEM_MAX}")]
    TooHigh { item: String, score: u32 },
}

/// Checks `scores` of `case` by `actor` against the `checklist`, and orders them as it does.
pub fn check(
    case: &Case,
    scores: &[ItemScore],
    checklist: &[String],
    actor: &Operator,
) -> Result<Vec<ItemScore>, EvaluationError> {
    if !(actor.active && actor.role == Role::Leader) {
        return Err(EvaluationError::NotLeader(actor.name.clone()));
    }
    match case.state {
        State::Replied | State::Archived => {}
        State::Intake | State::Registered | State::Assigned => {
            return Err(EvaluationError::NotClosed);
        }
    }
    for (i, s) in scores.iter().enumerate() {
        let item = s.item.trim();
        if !checklist.iter().any(|c| c == item) {
            return Err(EvaluationError::UnknownItem(item.to_owned()));
        }
        if scores[..i].iter().any(|t| t.item.trim() == item) {
            return Err(EvaluationError::Twice(item.to_owned()));
        }
        if s.score > ITEM_MAX {
            return Err(EvaluationError::TooHigh {
                item: item.to_owned(),
                score: s.score,
            });
        }
    }
    checklist
        .iter()
        .map(|c| {
            scores
                .iter()
                .find(|s| s.item.trim() == c)
                .map(|s| ItemScore {
                    item: c.clone(),
                    score: s.score,
                })
                .ok_or_else(|| EvaluationError::Missing(c.clone()))
        })
        .collect()
}

/// The results of one unit: cases scored, their average out of 100 (one decimal), passed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitResult {
    pub unit: String,
    pub cases: u64,
    pub average: f64,
    pub passed: u64,
}

/// The latest evaluation of each case, by unit (a case with no unit under ""), units by
/// name.
pub fn by_unit(evaluations: &[Evaluation], pass_mark: u32) -> Vec<UnitResult> {
    use std::collections::BTreeMap;
    let mut latest: BTreeMap<i64, &Evaluation> = BTreeMap::new();
    for e in evaluations {
        if latest.get(&e.case_id).is_none_or(|l| l.no < e.no) {
            latest.insert(e.case_id, e);
        }
    }
    let mut units: BTreeMap<&str, (u64, u64, u64)> = BTreeMap::new();
    for e in latest.values() {
        let u = units.entry(e.unit.as_deref().unwrap_or("")).or_default();
        u.0 += 1;
        u.1 += u64::from(e.total());
        u.2 += u64::from(e.passed(pass_mark));
    }
    units
        .into_iter()
        .map(|(unit, (cases, sum, passed))| UnitResult {
            unit: unit.to_owned(),
            cases,
            average: (sum as f64 * 10.0 / cases as f64).round() / 10.0,
            passed,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eval(no: i64, case_id: i64, unit: &str, scores: [u32; 5]) -> Evaluation {
        Evaluation {
            no,
            case_id,
            unit: Some(unit.into()),
            on: NaiveDate::from_ymd_opt(2026, 12, 5).unwrap_or_default(),
            by: "赵局长".into(),
            scores: DEFAULT_ITEMS
                .iter()
                .zip(scores)
                .map(|(i, score)| ItemScore {
                    item: (*i).into(),
                    score,
                })
                .collect(),
            note: None,
        }
    }

    #[test]
    fn totals_pass_marks_and_units_worked_out_by_hand() {
        // 9+8+10+7+6 = 40 of 50: 80. 5×5 = 25 of 50: 50. 10×5: 100.
        let a = eval(1, 1, "城建科", [9, 8, 10, 7, 6]);
        assert_eq!(a.total(), 80);
        assert!(a.passed(80) && !a.passed(81));
        let b = eval(2, 2, "城建科", [5; 5]);
        let c = eval(3, 3, "教育科", [10; 5]);
        // Case 2 scored again: only its latest counts (100).
        let b2 = eval(4, 2, "城建科", [10; 5]);
        let r = by_unit(&[a.clone(), b.clone(), c.clone()], 60);
        assert_eq!(
            r,
            [
                UnitResult {
                    unit: "城建科".into(),
                    cases: 2,
                    average: 65.0,
                    passed: 1
                },
                UnitResult {
                    unit: "教育科".into(),
                    cases: 1,
                    average: 100.0,
                    passed: 1
                },
            ]
        );
        let r = by_unit(&[a, b, c, b2], 60);
        assert_eq!((r[0].average, r[0].passed), (90.0, 2));
    }
}
