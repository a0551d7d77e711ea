//! Remarks on a command that was carried out: the desk shows them beside
//! the result.

use chrono::NaiveDate;

/// A non-fatal remark the desk shows next to the result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// 2022 Art 20: a group visit elects at most 5 representatives.
    TooManyRepresentatives { count: usize },
    /// A 15-digit pre-1999 ID number: accepted, but worth re-checking.
    LegacyIdNumber { index: usize },
    /// The sex given is not the one the resident ID number encodes (its 17th digit): one of
    /// the two was mistyped. Stored as given.
    SexDiffersFromId { index: usize },
    /// 重大紧急 (Art 25): report to the leader today.
    MajorUrgent,
    /// An extension (Art 34) moves the handling clock to `due`, past the date `superior` the
    /// body that passed the item down set for the 办结报告 (Art 22 (三)): the superior must agree.
    PastSuperiorDeadline { due: NaiveDate, superior: NaiveDate },
    /// The date the superior set for an item it passed down (Art 22 (三)) is before the day
    /// the item was received: overdue at once, and most likely mistyped.
    SuperiorDateBeforeReceipt {
        superior: NaiveDate,
        received: NaiveDate,
    },
    /// Art 22 第二款: a 检举控告 for the 纪检监察 is passed on to the 纪检监察机关, a 涉法涉诉
    /// letter to the 政法部门; registered otherwise, the clerk is reminded.
    RouteByLaw(LawRoute),
}

/// Where Art 22 第二款 sends a matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LawRoute {
    /// 纪检监察机关, for an accusation in the 纪检监察 category.
    Discipline,
    /// 同级政法部门, for a letter in the 政法 category (涉法涉诉).
    Legal,
}

impl LawRoute {
    /// The route Art 22 第二款 gives a matter of this category, handling type and channel.
    pub fn of(
        category: &str,
        handling: Option<crate::domain::types::HandlingType>,
        channel: crate::domain::types::Channel,
    ) -> Option<LawRoute> {
        use crate::domain::types::{Channel, HandlingType};
        match category.trim() {
            "纪检监察" if handling == Some(HandlingType::Accusation) => {
                Some(LawRoute::Discipline)
            }
            "政法" if channel == Channel::Letter => Some(LawRoute::Legal),
            _ => None,
        }
    }
}
