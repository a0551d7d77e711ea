//! The fields of the desk's forms (and the facts the case screen shows
//! under the same labels), as a closed set: `strings::form::label` matches
//! every one, so a new field without a label does not compile. A field's
//! code (`id_number`) is its serde name: what a draft stores.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKey {
    // A petitioner row.
    Name,
    IdNumber,
    Phone,
    Address,
    Representative,
    // What only some channels ask.
    People,
    Postmark,
    Received,
    CallTime,
    LetterNo,
    Anonymous,
    Email,
    OnlineRef,
    ReferralBody,
    ReferralDoc,
    ReferralDeadline,
    // The matter, in every intake.
    Category,
    HandlingType,
    Target,
    TargetPerson,
    Location,
    Summary,
    Request,
    Urgency,
    Confidential,
    // The case screen's action forms.
    Decision,
    Ground,
    Route,
    Note,
    PassTo,
    Answer,
    Department,
    Handler,
    Leader,
    Reason,
    Opinion,
    Approve,
    Instruction,
    Days,
    Refusal,
    SuperviseGround,
    SuperviseText,
    FeedbackBy,
    Outcome,
    Method,
    ReplyText,
    ServedAt,
    Signed,
    UnitSatisfaction,
    OfficeSatisfaction,
    ReviewText,
    // Facts of a case, shown on the case screen.
    Channel,
    ReceivedAt,
    Receiver,
    Contact,
    Links,
    ReviewOf,
    Recusal,
    Extension,
    Supervision,
    ReturnVisit,
    Attached,
    // The settings forms and the reception records.
    Role,
    Active,
    DepartmentName,
    Visitor,
    CaseRef,
    Said,
    Decided,
    ReceptionDate,
    Place,
    // The office's letterhead.
    ProfileName,
    ProfileAddress,
    ProfilePhone,
    ProfileHotline,
    ProfilePrefix,
    ProfileSeal,
    ProfileReviewOrgan,
    ProfilePrinter,
    ProfileDocument,
}

use FieldKey as K;

impl FieldKey {
    pub const ALL: [FieldKey; 80] = [
        K::Name,
        K::IdNumber,
        K::Phone,
        K::Address,
        K::Representative,
        K::People,
        K::Postmark,
        K::Received,
        K::CallTime,
        K::LetterNo,
        K::Anonymous,
        K::Email,
        K::OnlineRef,
        K::ReferralBody,
        K::ReferralDoc,
        K::ReferralDeadline,
        K::Category,
        K::HandlingType,
        K::Target,
        K::TargetPerson,
        K::Location,
        K::Summary,
        K::Request,
        K::Urgency,
        K::Confidential,
        K::Decision,
        K::Ground,
        K::Route,
        K::Note,
        K::PassTo,
        K::Answer,
        K::Department,
        K::Handler,
        K::Leader,
        K::Reason,
        K::Opinion,
        K::Approve,
        K::Instruction,
        K::Days,
        K::Refusal,
        K::SuperviseGround,
        K::SuperviseText,
        K::FeedbackBy,
        K::Outcome,
        K::Method,
        K::ReplyText,
        K::ServedAt,
        K::Signed,
        K::UnitSatisfaction,
        K::OfficeSatisfaction,
        K::ReviewText,
        K::Channel,
        K::ReceivedAt,
        K::Receiver,
        K::Contact,
        K::Links,
        K::ReviewOf,
        K::Recusal,
        K::Extension,
        K::Supervision,
        K::ReturnVisit,
        K::Attached,
        K::Role,
        K::Active,
        K::DepartmentName,
        K::Visitor,
        K::CaseRef,
        K::Said,
        K::Decided,
        K::ReceptionDate,
        K::Place,
        K::ProfileName,
        K::ProfileAddress,
        K::ProfilePhone,
        K::ProfileHotline,
        K::ProfilePrefix,
        K::ProfileSeal,
        K::ProfileReviewOrgan,
        K::ProfilePrinter,
        K::ProfileDocument,
    ];

    /// The field's code (`id_number`), as a draft stores it.
    pub fn code(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    /// The field of a code; None for a field the forms no longer have.
    pub fn from_code(code: &str) -> Option<FieldKey> {
        serde_json::from_value(serde_json::Value::String(code.to_owned())).ok()
    }
}

impl std::fmt::Display for FieldKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strings::{Lang, form::label};

    #[test]
    fn every_key_is_listed_once_and_has_a_code_and_labels() {
        let mut codes: Vec<String> = FieldKey::ALL.iter().map(|k| k.code()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), FieldKey::ALL.len());
        for k in FieldKey::ALL {
            assert_eq!(FieldKey::from_code(&k.code()), Some(k));
            assert!(!label(Lang::Zh, k).is_empty() && !label(Lang::En, k).is_empty());
        }
        assert_eq!(FieldKey::IdNumber.code(), "id_number");
        assert_eq!(
            FieldKey::from_code("profile_review_organ"),
            Some(K::ProfileReviewOrgan)
        );
        assert_eq!(FieldKey::from_code("sender"), None);
    }
}
