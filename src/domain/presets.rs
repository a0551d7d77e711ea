//! The county's reports as presets (seed 002, 太和县): the 日报 to every unit head, the 周报
//! of each leader's week, the 月报 per unit, and the 专报 of one case for the top leaders.
//! What each holds, as plain data; the store fills them (`store/presets.rs`) and `report`
//! lays them out (`report/presets.rs`).

use chrono::NaiveDate;
use serde::Serialize;

use super::backlog::{BacklogFile, BacklogGround};
use super::flags::PersonFlag;
use super::stats::{Period, PeriodKind};
use super::vocab::vocabulary;

vocabulary! {
    /// Which of the county's reports.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
    pub enum Preset {
        /// 日报: today's items for each unit head.
        Daily = "daily",
        /// 周报: each leader's week.
        Weekly = "weekly",
        /// 月报: each unit's open, overdue and supervised items.
        Monthly = "monthly",
        /// 专报: one case for the top leaders to 批示.
        Special = "special",
    }
}

/// What one line of a unit's section counts (a case counts once per line).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Line {
    /// 交办 to the unit on the day.
    Assigned,
    /// A clock of the case falls due on the day.
    DueToday,
    /// A clock of the case still running past its due date (on the day, or at the cut-off).
    Overdue,
    /// The feedback a 督办 or 催办 asked for is due on the day.
    FeedbackDue,
    /// 督办 ordered on the case on the day (in the month).
    Supervised,
    /// 催办 given on the case on the day.
    Reminded,
    /// Received in the month.
    Received,
    /// Not yet replied to (登记、受理、交办办理中).
    Open,
}

impl Line {
    /// The 日报's lines, in order.
    pub const DAILY: [Line; 6] = [
        Line::Assigned,
        Line::DueToday,
        Line::Overdue,
        Line::FeedbackDue,
        Line::Supervised,
        Line::Reminded,
    ];
    /// The 月报's lines, in order.
    pub const MONTHLY: [Line; 4] = [Line::Received, Line::Open, Line::Overdue, Line::Supervised];
}

/// A case listed under a line: its number and the day that puts it there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Listed {
    pub case_no: String,
    pub day: Option<NaiveDate>,
}

/// One line of a unit: how many cases, and the first of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Counted {
    pub line: Line,
    pub count: u64,
    pub cases: Vec<Listed>,
}

/// A unit's section (承办单位; empty: not yet 交办'd to any).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnitSection {
    pub unit: String,
    pub lines: Vec<Counted>,
}

/// The 日报 or the 月报: one section per unit with anything on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnitReport {
    pub preset: Preset,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The day open and overdue items are counted at.
    pub cutoff: NaiveDate,
    /// How many case numbers a line lists at most.
    pub listed: usize,
    pub units: Vec<UnitSection>,
}

impl UnitReport {
    /// The kind of period its days make (a calendar month, a week…; any other run a
    /// range): the by-unit report of a shown 周报 is a week's, and is named so.
    pub fn kind(&self) -> PeriodKind {
        let kinds = [
            PeriodKind::Day,
            PeriodKind::Week,
            PeriodKind::Month,
            PeriodKind::Quarter,
            PeriodKind::Year,
        ];
        (kinds.into_iter())
            .find(|&k| {
                let p = Period::of(k, self.from);
                (p.start, p.end) == (self.from, self.to)
            })
            .unwrap_or(PeriodKind::Range)
    }
}

/// One leader's week (周报).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LeaderWeek {
    pub leader: String,
    /// 接访天数: days on the leader's reception schedule, and days they recorded a reception.
    pub reception_days: u64,
    /// 接访批次: reception records (one visitor or group each).
    pub batches: u64,
    /// 接访人次: the people of each record's case, 1 for a record without a case.
    pub person_times: u64,
    /// 阅批来信: letter-channel cases the leader gave a 批示 on in the week.
    pub letters_signed: u64,
    /// 批示件次: 批示 given in the week.
    pub instructions: u64,
    /// 会商: 积案 会商 in the week naming the leader among its participants.
    pub meetings: u64,
}

/// The 周报.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeeklyReport {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub leaders: Vec<LeaderWeek>,
    /// 重点信访人 flagged on or before the week's last day (leaders and clerks only).
    pub key_petitioners: Vec<PersonFlag>,
}

/// One line of a case's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// The journal entry's number.
    pub seq: i64,
    pub at: String,
    pub op: String,
    pub actor: String,
}

/// The 积案 status of the case, when it is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BacklogStatus {
    pub grounds: Vec<BacklogGround>,
    pub file: BacklogFile,
}

/// The 专报 of one case, as the reader may see it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpecialReport {
    pub today: NaiveDate,
    pub case: super::case::Case,
    pub timeline: Vec<Step>,
    /// Flags on its petitioners (none shown to whom may not see flags).
    pub flags: Vec<PersonFlag>,
    pub backlog: Option<BacklogStatus>,
    /// The case's clocks still running (not the windows), each under its policy's rule:
    /// what a 专报 exists to say (due when, how long overdue).
    pub running: Vec<(super::policy::ClockRule, super::deadline::ClockView)>,
}
