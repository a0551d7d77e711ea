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
    /// 重大紧急 (Art 25): report to the leader today.
    MajorUrgent,
    /// An extension (Art 34) moves the handling clock to `due`, past the date `superior` the
    /// body that passed the item down set for the 办结报告 (Art 22 (三)): the superior must agree.
    PastSuperiorDeadline { due: NaiveDate, superior: NaiveDate },
}
