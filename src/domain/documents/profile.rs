//! The office's letterhead: set once, used by every document.

use serde::{Deserialize, Serialize};

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
    /// The words in the seal (印章), printed in a ring on the HTML.
    #[serde(default)]
    pub seal: String,
    /// The body one level up, where a 复查 is asked (Art 35).
    #[serde(default)]
    pub review_organ: String,
    /// The `lp` destination documents are sent to; empty: none configured.
    #[serde(default)]
    pub printer: String,
}

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
        }
    }
}
