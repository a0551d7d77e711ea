//! What each figure of the report is about: its [`Section`], [`FigureKey`], the closed set of figures with a
//! fixed meaning, and [`Key`], which adds the figures that follow the data (a channel, a
//! policy clock, a state, a name). A new figure is a new variant: the compiler then lists
//! every place that must count, order or name it.

use std::borrow::Cow;
use std::fmt;

use serde::{Serialize, Serializer};

use crate::domain::op::Op;
use crate::domain::types::{Channel, State};

/// The steps the report counts from the journal (section `steps`): how many times each was
/// given in the period, by the time of its event. One line here is all a new counted step
/// needs: the report names it by its step label and the recount counts its events.
pub const COUNTED_STEPS: &[Op] = &[Op::Remind, Op::Resolve, Op::NoFurther];

/// The parts of the report, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Intake,
    Channel,
    Category,
    Target,
    Department,
    Focus,
    Decision,
    Reply,
    Archive,
    Timeliness,
    Satisfaction,
    Overdue,
    Supervision,
    /// 复查, 复核 (Art 35–36), the counted steps, the 办结报告 overdue (Art 22 (三)).
    Steps,
}

impl Section {
    pub const ALL: [Section; 14] = [
        Section::Intake,
        Section::Channel,
        Section::Category,
        Section::Target,
        Section::Department,
        Section::Focus,
        Section::Decision,
        Section::Reply,
        Section::Archive,
        Section::Timeliness,
        Section::Satisfaction,
        Section::Overdue,
        Section::Supervision,
        Section::Steps,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Section::Intake => "intake",
            Section::Channel => "channel",
            Section::Category => "category",
            Section::Target => "target",
            Section::Department => "department",
            Section::Focus => "focus",
            Section::Decision => "decision",
            Section::Reply => "reply",
            Section::Archive => "archive",
            Section::Timeliness => "timeliness",
            Section::Satisfaction => "satisfaction",
            Section::Overdue => "overdue",
            Section::Supervision => "supervision",
            Section::Steps => "steps",
        }
    }

    /// Sections whose keys are names from the data (a category, a unit, a department).
    pub fn keyed_by_name(self) -> bool {
        matches!(
            self,
            Section::Category | Section::Target | Section::Department
        )
    }
}

/// The figures with a fixed meaning, in the order the report shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FigureKey {
    Batches,
    PersonTimes,
    GroupVisits,
    GroupVisitPersonTimes,
    Repeat,
    Major,
    Attached,
    /// 重复信访率: `Repeat` of `Batches`.
    RepeatRate,
    /// 初信初访: first-time cases (not repeat) whose reply was served in the period.
    FirstTimeClosed,
    /// Of those, the ones whose petitioner did not come again within the policy's
    /// `first_time_window_days` of the reply (一次办结).
    FirstTimeOnce,
    /// 初信初访一次办结率: `FirstTimeOnce` of `FirstTimeClosed`.
    FirstTimeRate,
    /// 来信: letter-channel cases received in the period (the base of 领导阅批率).
    Letters,
    /// Of those, the ones a leader read and signed (a 批示 on the case, any day up to the
    /// report's).
    LettersSigned,
    /// 领导阅批率: `LettersSigned` of `Letters` (seed 000: leaders read and sign over half).
    LetterSignRate,
    Decided,
    Accept,
    Decline,
    PassOn,
    Answered,
    Replied,
    Support,
    Explain,
    Reject,
    Archived,
    DecideEnded,
    DecideOnTime,
    DecideRate,
    HandleEnded,
    HandleOnTime,
    HandleExtended,
    HandleRate,
    Eligible,
    Rated,
    ParticipationRate,
    UnitSatisfied,
    UnitBasic,
    UnitUnsatisfied,
    UnitRate,
    OfficeSatisfied,
    OfficeBasic,
    OfficeUnsatisfied,
    OfficeRate,
    OverdueTotal,
    Orders,
    SupervisedCases,
    /// 复查 cases received in the period (Art 35).
    Reviews,
    /// 复核 cases received in the period (Art 36).
    ReReviews,
    /// Referrals whose 办结报告 is overdue at the cut-off (Art 22 (三)).
    ReportBackOverdue,
    /// Items this office 交办'd whose body's 办结报告 is overdue at the cut-off (Art 22 (三)).
    OutboundOverdue,
}

impl FigureKey {
    /// Every fixed figure, in display order (and in declaration order: the tally indexes
    /// its counts by `key as usize`).
    pub const ALL: [FigureKey; 49] = {
        use FigureKey as K;
        [
            K::Batches,
            K::PersonTimes,
            K::GroupVisits,
            K::GroupVisitPersonTimes,
            K::Repeat,
            K::Major,
            K::Attached,
            K::RepeatRate,
            K::FirstTimeClosed,
            K::FirstTimeOnce,
            K::FirstTimeRate,
            K::Letters,
            K::LettersSigned,
            K::LetterSignRate,
            K::Decided,
            K::Accept,
            K::Decline,
            K::PassOn,
            K::Answered,
            K::Replied,
            K::Support,
            K::Explain,
            K::Reject,
            K::Archived,
            K::DecideEnded,
            K::DecideOnTime,
            K::DecideRate,
            K::HandleEnded,
            K::HandleOnTime,
            K::HandleExtended,
            K::HandleRate,
            K::Eligible,
            K::Rated,
            K::ParticipationRate,
            K::UnitSatisfied,
            K::UnitBasic,
            K::UnitUnsatisfied,
            K::UnitRate,
            K::OfficeSatisfied,
            K::OfficeBasic,
            K::OfficeUnsatisfied,
            K::OfficeRate,
            K::OverdueTotal,
            K::Orders,
            K::SupervisedCases,
            K::Reviews,
            K::ReReviews,
            K::ReportBackOverdue,
            K::OutboundOverdue,
        ]
    };

    /// The key in JSON and CSV, unique within its section.
    pub fn code(self) -> &'static str {
        use FigureKey as K;
        match self {
            K::Batches => "batches",
            K::PersonTimes => "person_times",
            K::GroupVisits => "group_visits",
            K::GroupVisitPersonTimes => "group_visit_person_times",
            K::Repeat => "repeat",
            K::Major => "major",
            K::Attached => "attached",
            K::RepeatRate => "repeat_rate",
            K::FirstTimeClosed => "first_time_closed",
            K::FirstTimeOnce => "first_time_once",
            K::FirstTimeRate => "first_time_rate",
            K::Decided => "decided",
            K::Accept => "accept",
            K::Decline => "decline",
            K::PassOn => "pass_on",
            K::Answered => "answered",
            K::Replied => "replied",
            K::Support => "support",
            K::Explain => "explain",
            K::Reject => "reject",
            K::Archived => "archived",
            K::DecideEnded => "decide_ended",
            K::DecideOnTime => "decide_on_time",
            K::DecideRate => "decide_rate",
            K::HandleEnded => "handle_ended",
            K::HandleOnTime => "handle_on_time",
            K::HandleExtended => "handle_extended",
            K::HandleRate => "handle_rate",
            K::Eligible => "eligible",
            K::Rated => "rated",
            K::ParticipationRate => "participation_rate",
            K::UnitSatisfied => "unit_satisfied",
            K::UnitBasic => "unit_basic",
            K::UnitUnsatisfied => "unit_unsatisfied",
            K::UnitRate => "unit_rate",
            K::OfficeSatisfied => "office_satisfied",
            K::OfficeBasic => "office_basic",
            K::OfficeUnsatisfied => "office_unsatisfied",
            K::OfficeRate => "office_rate",
            K::OverdueTotal => "total",
            K::Orders => "orders",
            K::SupervisedCases => "cases",
            K::Reviews => "review",
            K::ReReviews => "rereview",
            K::ReportBackOverdue => "report_back_overdue",
            K::OutboundOverdue => "outbound_overdue",
            K::Letters => "letters",
            K::LettersSigned => "letters_signed",
            K::LetterSignRate => "letter_sign_rate",
        }
    }

    /// The section the figure is shown in.
    pub fn section(self) -> Section {
        use FigureKey as K;
        match self {
            K::Batches | K::PersonTimes => Section::Intake,
            K::GroupVisits
            | K::GroupVisitPersonTimes
            | K::Repeat
            | K::Major
            | K::Attached
            | K::RepeatRate
            | K::FirstTimeClosed
            | K::FirstTimeOnce
            | K::FirstTimeRate => Section::Focus,
            K::Decided | K::Accept | K::Decline | K::PassOn | K::Answered => Section::Decision,
            K::Replied | K::Support | K::Explain | K::Reject => Section::Reply,
            K::Archived => Section::Archive,
            K::DecideEnded
            | K::DecideOnTime
            | K::DecideRate
            | K::HandleEnded
            | K::HandleOnTime
            | K::HandleExtended
            | K::HandleRate => Section::Timeliness,
            K::Eligible
            | K::Rated
            | K::ParticipationRate
            | K::UnitSatisfied
            | K::UnitBasic
            | K::UnitUnsatisfied
            | K::UnitRate
            | K::OfficeSatisfied
            | K::OfficeBasic
            | K::OfficeUnsatisfied
            | K::OfficeRate => Section::Satisfaction,
            K::OverdueTotal => Section::Overdue,
            K::Orders | K::SupervisedCases => Section::Supervision,
            K::Reviews | K::ReReviews | K::ReportBackOverdue | K::OutboundOverdue => Section::Steps,
            K::Letters | K::LettersSigned | K::LetterSignRate => Section::Focus,
        }
    }

    /// A rate's numerator figures (summed) and its denominator; `None` for a count.
    pub fn rate(self) -> Option<(&'static [FigureKey], FigureKey)> {
        use FigureKey as K;
        match self {
            K::DecideRate => Some((&[K::DecideOnTime], K::DecideEnded)),
            K::HandleRate => Some((&[K::HandleOnTime], K::HandleEnded)),
            K::ParticipationRate => Some((&[K::Rated], K::Eligible)),
            K::UnitRate => Some((&[K::UnitSatisfied, K::UnitBasic], K::Rated)),
            K::OfficeRate => Some((&[K::OfficeSatisfied, K::OfficeBasic], K::Rated)),
            K::RepeatRate => Some((&[K::Repeat], K::Batches)),
            K::FirstTimeRate => Some((&[K::FirstTimeOnce], K::FirstTimeClosed)),
            K::LetterSignRate => Some((&[K::LettersSigned], K::Letters)),
            K::Batches
            | K::PersonTimes
            | K::GroupVisits
            | K::GroupVisitPersonTimes
            | K::Repeat
            | K::Major
            | K::Attached
            | K::FirstTimeClosed
            | K::FirstTimeOnce
            | K::Decided
            | K::Accept
            | K::Decline
            | K::PassOn
            | K::Answered
            | K::Replied
            | K::Support
            | K::Explain
            | K::Reject
            | K::Archived
            | K::DecideEnded
            | K::DecideOnTime
            | K::HandleEnded
            | K::HandleOnTime
            | K::HandleExtended
            | K::Eligible
            | K::Rated
            | K::UnitSatisfied
            | K::UnitBasic
            | K::UnitUnsatisfied
            | K::OfficeSatisfied
            | K::OfficeBasic
            | K::OfficeUnsatisfied
            | K::OverdueTotal
            | K::Orders
            | K::SupervisedCases
            | K::Reviews
            | K::ReReviews
            | K::ReportBackOverdue
            | K::OutboundOverdue
            | K::Letters
            | K::LettersSigned => None,
        }
    }
}

/// Batches (cases) or person-times (their people): how a channel is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Volume {
    Batches,
    PersonTimes,
}

impl Volume {
    pub const ALL: [Volume; 2] = [Volume::Batches, Volume::PersonTimes];

    pub fn code(self) -> &'static str {
        match self {
            Volume::Batches => "batches",
            Volume::PersonTimes => "person_times",
        }
    }
}

/// What a figure is about. Serialised as its code: `batches`, `visit.person_times`,
/// `clock.decide`, `state.assigned`, or the name itself.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Key {
    Fixed(FigureKey),
    /// A channel's batches or person-times (section `channel`).
    Channel(Channel, Volume),
    /// Cases overdue on a policy clock, by its key (section `overdue`).
    Clock(String),
    /// Cases by their state now (sections `overdue` and `supervision`).
    State(State),
    /// A category, a complained-about unit or a department, as the ledger names it.
    Name(String),
    /// A step of [`COUNTED_STEPS`]: the times it was given (section `steps`).
    Step(Op),
}

impl Key {
    pub fn code(&self) -> Cow<'_, str> {
        match self {
            Key::Fixed(k) => Cow::Borrowed(k.code()),
            Key::Channel(c, v) => Cow::Owned(format!("{}.{}", c.code(), v.code())),
            Key::Clock(k) => Cow::Owned(format!("clock.{k}")),
            Key::State(s) => Cow::Owned(format!("state.{}", s.code())),
            Key::Name(n) => Cow::Borrowed(n),
            Key::Step(op) => Cow::Borrowed(op.code()),
        }
    }

    /// The name of a category, a unit or a department.
    pub fn name(&self) -> Option<&str> {
        match self {
            Key::Name(n) => Some(n),
            Key::Fixed(_) | Key::Channel(..) | Key::Clock(_) | Key::State(_) | Key::Step(_) => None,
        }
    }

    /// A line breaking a total down (a channel, a clock, a state).
    pub fn is_breakdown(&self) -> bool {
        match self {
            Key::Channel(..) | Key::Clock(_) | Key::State(_) => true,
            Key::Fixed(_) | Key::Name(_) | Key::Step(_) => false,
        }
    }
}

impl From<FigureKey> for Key {
    fn from(k: FigureKey) -> Key {
        Key::Fixed(k)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.code())
    }
}

impl Serialize for Key {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_lists_each_fixed_figure_once_in_declaration_order() {
        for (i, k) in FigureKey::ALL.into_iter().enumerate() {
            assert_eq!(k as usize, i, "{k:?}");
        }
        // Sections in report order: the figures list reads them section by section.
        let sections: Vec<Section> = FigureKey::ALL.iter().map(|k| k.section()).collect();
        assert!(sections.is_sorted());
    }

    #[test]
    fn codes_are_unique_within_a_section() {
        let mut seen = std::collections::HashSet::new();
        for k in FigureKey::ALL {
            assert!(seen.insert((k.section(), k.code())), "{k:?}");
        }
    }

    #[test]
    fn counted_steps_are_each_once_and_their_codes_free_in_their_section() {
        let mut seen = std::collections::HashSet::new();
        for op in COUNTED_STEPS {
            assert!(seen.insert(op), "{op:?}");
            let clash = FigureKey::ALL
                .iter()
                .any(|k| k.section() == Section::Steps && k.code() == op.code());
            assert!(!clash, "{op:?}");
        }
    }

    #[test]
    fn channels_and_states_index_in_their_all_order() {
        for (i, c) in Channel::ALL.into_iter().enumerate() {
            assert_eq!(c as usize, i);
        }
        for (i, s) in State::ALL.into_iter().enumerate() {
            assert_eq!(s as usize, i);
        }
    }
}
