//! The office's letterhead: set once, used by every document.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::types::Level;

/// Name, address, phones, number prefix and seal text of the office.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficeProfile {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub phone: String,
    /// 查询电话: where the petitioner asks how the matter stands.
    #[serde(default)]
    pub hotline: String,
    /// Before the kind in a document number: `X信` gives `X信告〔2026〕17号`.
    #[serde(default)]
    pub prefix: String,
    /// The words in the seal (印章), kept for the record: no imitation seal is printed, the
    /// seal's place is left blank for the real one (GB/T 9704 7.3.5.1).
    #[serde(default)]
    pub seal: String,
    /// The body one level up, where a 复查 is asked (Art 35).
    #[serde(default)]
    pub review_organ: String,
    /// The `lp` destination documents are sent to; empty: none configured.
    #[serde(default)]
    pub printer: String,
    /// The image file of the office's approved electronic seal (PNG, JPEG, GIF or SVG),
    /// put over the 署名 and 成文日期 of the HTML; empty: the place is left blank.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub seal_image: String,
    /// Phones by person or department, told on the 受理告知书 beside the 包案领导 and the
    /// handler (四告知, seed 002); an empty phone removes the name when merged.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub phones: BTreeMap<String, String>,
    /// The office's words on repeated complaints while a matter is handled (四告知);
    /// empty: [`DEFAULT_REPEAT_NOTICE`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub repeat_notice: String,
}

/// What the 受理告知书 tells of repeated complaints unless the office words it itself:
/// Art 35–36 (复查, 复核, then 不再受理 — 第三十六条第三款).
pub const DEFAULT_REPEAT_NOTICE: &str = "办理期间请勿重复投诉。对处理意见不服的，可以依法请求复查、复核；复核后仍以同一事实和理由投诉的，不再受理（《信访工作条例》第三十五条、第三十六条）。";

impl OfficeProfile {
    /// Fields given in `other` replace ours; empty ones leave ours alone.
    pub fn merged(&self, other: &OfficeProfile) -> OfficeProfile {
        let pick = |new: &String, old: &String| {
            if new.trim().is_empty() {
                old.clone()
            } else {
                new.trim().to_owned()
            }
        };
        OfficeProfile {
            name: pick(&other.name, &self.name),
            address: pick(&other.address, &self.address),
            phone: pick(&other.phone, &self.phone),
            hotline: pick(&other.hotline, &self.hotline),
            prefix: pick(&other.prefix, &self.prefix),
            seal: pick(&other.seal, &self.seal),
            review_organ: pick(&other.review_organ, &self.review_organ),
            printer: pick(&other.printer, &self.printer),
            seal_image: pick(&other.seal_image, &self.seal_image),
            phones: merged_phones(&self.phones, &other.phones),
            repeat_notice: pick(&other.repeat_notice, &self.repeat_notice),
        }
    }

    /// The phone told beside `who`: theirs, else their department's, else the office's.
    pub fn phone_of(&self, who: &str, department: Option<&str>) -> Option<String> {
        let known = |k: &str| self.phones.get(k.trim()).filter(|p| !p.trim().is_empty());
        known(who)
            .or_else(|| department.and_then(known))
            .cloned()
            .or_else(|| Some(self.phone.clone()).filter(|p| !p.trim().is_empty()))
    }

    /// The office's wording on repeated complaints, or the default for a case of `level`:
    /// what review is left after it (a 复查's 复核; none after a 复核, Art 36 第三款).
    pub fn repeat_notice(&self, level: Level) -> &str {
        match (self.repeat_notice.trim(), level) {
            ("", Level::First) => DEFAULT_REPEAT_NOTICE,
            ("", Level::Review) => {
                "办理期间请勿重复投诉。对复查意见不服的，可以自收到书面答复之日起30日内请求复核；复核后仍以同一事实和理由投诉的，不再受理（《信访工作条例》第三十六条）。"
            }
            ("", Level::ReReview) => {
                "办理期间请勿重复投诉。对复核意见不服，仍以同一事实和理由投诉的，不再受理（《信访工作条例》第三十六条第三款）。"
            }
            (own, _) => own,
        }
    }
}

/// `other`'s phones over `old`'s; a name given an empty phone is removed.
fn merged_phones(
    old: &BTreeMap<String, String>,
    other: &BTreeMap<String, String>,
) -> BTreeMap<String, String> {
    let mut out = old.clone();
    for (name, phone) in other {
        if phone.trim().is_empty() {
            out.remove(name.trim());
        } else {
            out.insert(name.trim().to_owned(), phone.trim().to_owned());
        }
    }
    out
}
