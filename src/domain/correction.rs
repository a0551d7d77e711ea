//! 更正: a slip in what was recorded at the window put right (a digit of an ID number, a
//! misheard name, a phone number, a summary that says the wrong street), on the journal
//! like every step, with the reason and the record before and after it.
//!
//! Only what describes the petitioners and their matter may be corrected, the count of
//! people who came (人数, the statistics' 人次) with them, a missed 保密 tick (the
//! protection may be added, never lifted), and, by a leader, whom the matter accuses (Art
//! 30 第三款 keeps it from them: a wrong name left the accused able to see it). What starts
//! a clock or decides how the case is handled stays as it was taken in: the channel, the
//! time received and who received it (Art 22's fifteen days run from it), anonymity, the
//! handling type, the category, the urgency, links and the referral.

use serde::{Deserialize, Serialize};

use super::intake::Petitioner;

/// What an `apply` line or the desk's 更正 form changes; a field left out stays as it is,
/// a blank text clears an optional one.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// The petitioners as they should read: the whole list, the main one marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub petitioners: Option<Vec<Petitioner>>,
    /// 人数: at least the petitioners named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub people: Option<u32>,
    /// 保密: a missed tick put right (Art 30 第三款). Only added: never lifted by a correction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidential: Option<bool>,
    /// The caller's number, e-mail address or platform reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letter_no: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<String>,
    /// 被反映单位 (a leader's correction only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// 被反映人 (a leader's correction only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_person: Option<String>,
    /// Why: what was wrong, as the journal keeps it (required: the domain says so).
    #[serde(default)]
    pub reason: String,
}
