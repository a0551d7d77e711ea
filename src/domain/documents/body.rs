//! The checked facts of each kind of document: what the templates print.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

use crate::domain::flags::KeyFlag;
use crate::domain::types::{
    DeclineGround, HandlingType, Level, Outcome, ServiceMethod, SuperviseGround,
};

/// The facts of one document, checked: what the templates print.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "body", rename_all = "snake_case")]
pub enum Body {
    Accept {
        route: String,
        handling_type: Option<HandlingType>,
        department: Option<String>,
        due: NaiveDate,
        handle_days: u32,
        /// 复查 and 复核 cases are answered within their own 30 days (Art 35–36).
        level: Level,
        /// The day the acceptance was decided, which the notice records.
        decided: NaiveDate,
        /// 四告知 (seed 002): the 包案领导 and the handler, told with their phones.
        leader: Option<String>,
        handler: Option<String>,
        /// Issued after the written notice was due (Art 23 第二款): that due date, so the
        /// notice says it comes late; filled in by the `issue` step, which knows its day.
        late_for: Option<NaiveDate>,
    },
    Decline {
        ground: DeclineGround,
        route: String,
        note: Option<String>,
        /// As the acceptance notice's: the written-notice due date it missed, if late.
        late_for: Option<NaiveDate>,
    },
    Transfer {
        /// `pass_on` 转送 or `assign` 交办 (with a report back by `due`).
        mode: &'static str,
        to: String,
        handler: Option<String>,
        due: Option<NaiveDate>,
        /// The date was set on the 交办, not counted: it is never provisional.
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        due_set: bool,
    },
    Extension {
        days: u32,
        reason: String,
        old_due: NaiveDate,
        due: NaiveDate,
    },
    Supervision {
        ground: SuperviseGround,
        text: String,
        feedback_by: NaiveDate,
        department: String,
        handler: String,
        ordered_by: String,
    },
    Reminder {
        ground: String,
        to: String,
        reply_by: NaiveDate,
        handler: Option<String>,
        /// How many times the case has been reminded, this one included.
        count: usize,
        reminded_by: String,
        /// The handling due date (with any extension), and how many days are left before
        /// it (negative: overdue), counted to the reminder's day.
        due: Option<NaiveDate>,
        days_left: Option<i64>,
    },
    Reply {
        request: String,
        facts: String,
        outcome: Outcome,
        basis: String,
        review_organ: String,
        review_days: u32,
        /// The route the letter states: 复查 after a first handling, 复核 after a 复查,
        /// none after 复核 (Art 35–36).
        level: Level,
    },
    Closing {
        department: String,
        handler: String,
        facts: String,
        outcome: Option<Outcome>,
        method: ServiceMethod,
        served_at: NaiveDate,
        signed: bool,
    },
    CaseFile {
        archived_at: DateTime<FixedOffset>,
        archived_by: String,
    },
    /// Art 36 第三款: the request received after 复核, and the 复核 opinion it repeats.
    NoFurther {
        received_on: NaiveDate,
        request: String,
        /// The 复核 opinion as served, and the day it was.
        opinion: String,
        outcome: Option<Outcome>,
        served_on: NaiveDate,
        terminated: bool,
    },
    /// Art 23 第一款: where a passed-on item went, told to the petitioner.
    Whereabouts {
        /// `pass_on` 转送 or `assign` 交办 (the body reports back, Art 22 (三)).
        mode: &'static str,
        to: String,
        /// The day of the decision the notice records.
        passed_on: NaiveDate,
        /// As the acceptance notice's: the written-notice due date it missed, if late.
        late_for: Option<NaiveDate>,
    },
    /// 预警稳控提醒函: who is flagged, for what, why and since when, to the unit responsible.
    Warning {
        to: String,
        flags: Vec<WarningFlag>,
        /// The case's handling due date, if it has one.
        due: Option<NaiveDate>,
    },
    /// 工作建议函 (Art 40): the office's suggestion to a unit.
    Advice { to: String, advice: String },
    /// 异议函 (Art 23 第三款): to the body that passed the item down, why it is not this
    /// office's, and the last day to object.
    Objection {
        to: String,
        reason: String,
        due: Option<NaiveDate>,
    },
}

/// One flag told on a 预警稳控提醒函.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WarningFlag {
    pub name: String,
    pub flag: KeyFlag,
    pub reason: String,
    pub on: NaiveDate,
}
