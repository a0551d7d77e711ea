//! The office context a transition is judged in: the policy, the calendar,
//! the category list and who the operators are. Loaded by the store, passed
//! in, never read from disk here.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::calendar::HolidayCalendar;
use super::policy::Policy;
use super::types::Role;

/// Someone who may act on the ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Operator {
    pub name: String,
    pub role: Role,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    #[serde(default = "active")]
    pub active: bool,
    /// The unit (单位) they belong to besides the office's department, if any: an
    /// accusation naming it is kept from them (2022 Art 30 第三款).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// A handler who sees every case of their department (a 科长), not only their own.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub department_wide: bool,
}

fn active() -> bool {
    true
}

/// The standard 18 categories (DOMAIN.md); offices add their own.
pub const DEFAULT_CATEGORIES: &str = include_str!("../../assets/categories.txt");

pub fn default_categories() -> Vec<String> {
    parse_categories(DEFAULT_CATEGORIES)
}

/// One category a line; blank lines and `#` comments are skipped.
pub fn parse_categories(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

pub struct Rules<'a> {
    pub policy: &'a Policy,
    pub calendar: &'a HolidayCalendar,
    pub categories: &'a [String],
    pub operators: &'a [Operator],
    pub departments: &'a [String],
}

impl Rules<'_> {
    pub fn operator(&self, name: &str) -> Option<&Operator> {
        self.operators.iter().find(|o| o.name == name)
    }
}

/// The office's local date of an instant.
pub fn local_date(at: DateTime<FixedOffset>, rules: &Rules) -> NaiveDate {
    at.with_timezone(&rules.policy.utc_offset).date_naive()
}

/// What a name is compared without: the spaces (ASCII, full-width, no-break, thin, zero
/// width, joiners) and the marks a name is typed apart or joined with (dots, slashes,
/// dashes, the enumeration comma), so that 冯　刚, 城 建 科, 城-建-科 and 冯.刚 are 冯刚 and
/// 城建科. The accused columns are stored without them (`visibility::accused_keys`); a
/// change to this list needs the columns squeezed again (migration 45's step).
pub const IGNORED_IN_NAMES: [char; 32] = [
    ' ', '\t', '\n', '\r', '\u{a0}', '\u{3000}', '\u{2002}', '\u{2003}', '\u{2009}', '\u{200b}',
    '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}', '-', '－', '_', '＿', '·', '・', '‧', '•', '—',
    '–', '.', '．', '。', '/', '／', '\\', '、', '|',
];

/// `name` without what [`IGNORED_IN_NAMES`] lists.
pub fn squeezed(name: &str) -> String {
    name.chars()
        .filter(|c| !IGNORED_IN_NAMES.contains(c))
        .collect()
}

/// Whether `party` (a unit or a person) is the accused named in `target`.
/// Names are compared loosely (one containing the other) because the same
/// unit is often written longer or shorter (区教育局 / 教育局), and without
/// spaces and joining marks (`squeezed`): for confidentiality (2022 Art 30)
/// a false alarm is cheaper than a leak.
pub fn names_accused(party: &str, target: &str) -> bool {
    let (p, t) = (squeezed(party), squeezed(target));
    if p.is_empty() || t.is_empty() {
        return false;
    }
    let short = p.chars().count().min(t.chars().count());
    p == t || (short >= 2 && (t.contains(&p) || p.contains(&t)))
}
