//! What is recorded when a petition is received, in two stages with one
//! field list: as the clerk gives it (`IntakeInput`, the `apply` contract)
//! and as validation completes it (`Intake`, kept on the case). Validation
//! fills in three fields, the time received, the receiver and the number of
//! people; everything else is the input as checked and normalised.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::identity::{IdType, Sex};
use super::types::{Channel, HandlingType, Urgency};

/// One person who brought the petition.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Petitioner {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    #[serde(default)]
    pub id_type: IdType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_unit: Option<String>,
    /// The main petitioner (exactly one per case when any are named).
    #[serde(default)]
    pub main: bool,
    /// Chosen representative of a group visit (Art 20: at most 5).
    #[serde(default)]
    pub representative: bool,
    /// Set by validation: a 15-digit pre-1999 ID number.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub legacy_id: bool,
}

/// An item passed down from above (上级转送/交办).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Referral {
    pub body: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_no: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<NaiveDate>,
}

/// One of the fields validation fills in: optional in the input (left out
/// of its JSON when absent), always present once validated.
pub trait Slot {
    fn is_absent(&self) -> bool;
}

impl<T> Slot for Option<T> {
    fn is_absent(&self) -> bool {
        self.is_none()
    }
}

impl Slot for DateTime<FixedOffset> {
    fn is_absent(&self) -> bool {
        false
    }
}

impl Slot for String {
    fn is_absent(&self) -> bool {
        false
    }
}

impl Slot for u32 {
    fn is_absent(&self) -> bool {
        false
    }
}

/// What the clerk records at the window. Optional fields get defaults from
/// the envelope (received_at = the command's time, receiver = the actor).
pub type IntakeInput = IntakeOf<Option<DateTime<FixedOffset>>, Option<String>, Option<u32>>;

/// Everything recorded when the petition is received, validated.
pub type Intake = IntakeOf<DateTime<FixedOffset>, String, u32>;

/// The record of a petition received, at either stage: `At`, `By` and
/// `People` are the types of the three fields validation fills in. A field
/// missing from the JSON reads as `None` in the input and is an error once
/// validated; fields are written in this order at both stages.
///
/// Unknown fields are refused in what `apply` and the forms send
/// ([`strict_input`]), and read past in a stored case (as they always were).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntakeOf<At: Slot, By: Slot, People: Slot> {
    pub channel: Channel,
    #[serde(skip_serializing_if = "Slot::is_absent")]
    pub received_at: At,
    /// Receiving clerk.
    #[serde(skip_serializing_if = "Slot::is_absent")]
    pub receiver: By,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postmark: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letter_no: Option<String>,
    /// Caller number, e-mail address or online platform reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referral: Option<Referral>,
    #[serde(default)]
    pub petitioners: Vec<Petitioner>,
    /// 人数: person-times for the 批次/人次 statistics.
    #[serde(skip_serializing_if = "Slot::is_absent")]
    pub people: People,
    #[serde(default)]
    pub anonymous: bool,
    #[serde(default)]
    pub confidential: bool,
    pub category: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handling_type: Option<HandlingType>,
    /// 被反映单位.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// 被反映人.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_person: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    pub summary: String,
    #[serde(default)]
    pub request: String,
    #[serde(default)]
    pub urgency: Urgency,
    /// Earlier cases of the same matter or person (ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<i64>,
    /// Where an imported case came from (`xinfang import`): None for a case taken in here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
}

/// An imported case's place in the office's old register (台账).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Origin {
    /// 原编号: the old register's number, searchable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_no: Option<String>,
    /// The SHA-256 of the row's cells: what a re-import without a 原编号 is known by.
    pub row: String,
}

impl<At: Slot, By: Slot, People: Slot> IntakeOf<At, By, People> {
    /// The same record with the three filled-in fields given: how
    /// validation turns an `IntakeInput` into an `Intake`.
    pub fn fill<A: Slot, B: Slot, P: Slot>(
        self,
        received_at: A,
        receiver: B,
        people: P,
    ) -> IntakeOf<A, B, P> {
        let IntakeOf {
            channel,
            received_at: _,
            receiver: _,
            postmark,
            letter_no,
            contact,
            referral,
            petitioners,
            people: _,
            anonymous,
            confidential,
            category,
            handling_type,
            target,
            target_person,
            location,
            summary,
            request,
            urgency,
            links,
            origin,
        } = self;
        IntakeOf {
            channel,
            received_at,
            receiver,
            postmark,
            letter_no,
            contact,
            referral,
            petitioners,
            people,
            anonymous,
            confidential,
            category,
            handling_type,
            target,
            target_person,
            location,
            summary,
            request,
            urgency,
            links,
            origin,
        }
    }

    pub fn main_petitioner(&self) -> Option<&Petitioner> {
        self.petitioners
            .iter()
            .find(|p| p.main)
            .or(self.petitioners.first())
    }
}

impl Intake {
    pub fn received_date(&self) -> NaiveDate {
        self.received_at.date_naive()
    }
}

/// An intake as `apply` sends it, refusing a field the intake does not have
/// (a typo would otherwise be dropped without a word). Used by
/// `Command::Intake` and `Command::Attach`.
pub(crate) fn strict_input<'de, D>(d: D) -> Result<Box<IntakeInput>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    use serde::de::Error;
    let map = serde_json::Map::<String, serde_json::Value>::deserialize(d)?;
    let known = field_names::<IntakeInput>();
    if let Some(unknown) = map.keys().find(|k| !known.contains(&k.as_str())) {
        return Err(D::Error::unknown_field(unknown, known));
    }
    serde_json::from_value(serde_json::Value::Object(map))
        .map(Box::new)
        .map_err(D::Error::custom)
}

/// The field names serde knows for struct `T`: what it passes to
/// `deserialize_struct`, caught by a deserializer that reads nothing.
pub(crate) fn field_names<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    struct Probe(&'static [&'static str]);
    impl<'de> serde::Deserializer<'de> for &mut Probe {
        type Error = serde::de::value::Error;
        fn deserialize_any<V: serde::de::Visitor<'de>>(
            self,
            _: V,
        ) -> Result<V::Value, Self::Error> {
            Err(serde::de::Error::custom("a struct was expected"))
        }
        fn deserialize_struct<V: serde::de::Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            self.0 = fields;
            Err(serde::de::Error::custom("only the field names were wanted"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map enum
            identifier ignored_any
        }
    }
    let mut probe = Probe(&[]);
    let _ = T::deserialize(&mut probe);
    probe.0
}

/// An address of the shape name@domain.tld: one `@`, something before it, a dot inside
/// what follows, no spaces (what a reply can be sent to; not a full RFC 5322 check).
pub fn is_email(s: &str) -> bool {
    let s = s.trim();
    let Some((name, domain)) = s.split_once('@') else {
        return false;
    };
    let label = |l: &str| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-');
    !name.is_empty()
        && !s.chars().any(char::is_whitespace)
        && !domain.contains('@')
        && domain.contains('.')
        && domain.split('.').all(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An intake as the ledger stored it before `Intake` and `IntakeInput`
    /// shared their fields: it reads, and writes back byte for byte.
    const STORED: &str = r#"{"channel":"letter","received_at":"2026-03-01T09:00:00+08:00","receiver":"李娜","postmark":"2026-02-27","letter_no":"L1","contact":"c","referral":{"body":"市局","doc_no":"1","deadline":"2026-04-01"},"petitioners":[{"name":"张三","sex":"male","id_type":"passport","id_number":"x","phone":"1","address":"a","work_unit":"w","main":true,"representative":true,"legacy_id":true}],"people":3,"anonymous":true,"confidential":true,"category":"城建","handling_type":"accusation","target":"t","summary":"s","request":"","urgency":"major"}"#;

    /// The same for an intake as `apply` takes it (the command's `op` aside).
    const GIVEN: &str = r#"{"channel":"letter","received_at":"2026-03-01T09:00:00+08:00","receiver":"李娜","postmark":"2026-02-27","letter_no":"L1","contact":"c","referral":{"body":"市局","doc_no":"1","deadline":"2026-04-01"},"petitioners":[{"name":"张三","sex":"male","id_type":"passport","id_number":"x","phone":"1","address":"a","work_unit":"w","main":true,"representative":true,"legacy_id":true}],"people":3,"anonymous":true,"confidential":true,"category":"城建","handling_type":"accusation","target":"t","target_person":"p","location":"l","summary":"s","request":"r","urgency":"major","links":[1,2]}"#;

    #[test]
    fn stored_and_given_intakes_keep_their_bytes() {
        let stored: Intake = serde_json::from_str(STORED).unwrap();
        assert_eq!(serde_json::to_string(&stored).unwrap(), STORED);
        let given: IntakeInput = serde_json::from_str(GIVEN).unwrap();
        assert_eq!(serde_json::to_string(&given).unwrap(), GIVEN);
    }

    #[test]
    fn the_filled_fields_are_optional_only_in_the_input() {
        let bare = r#"{"channel":"visit","category":"c","summary":"s"}"#;
        let given: IntakeInput = serde_json::from_str(bare).unwrap();
        assert_eq!(
            (given.received_at, given.receiver.clone(), given.people),
            (None, None, None)
        );
        let e = serde_json::from_str::<Intake>(bare)
            .unwrap_err()
            .to_string();
        assert!(e.contains("missing field `received_at`"), "{e}");
        let at = DateTime::parse_from_rfc3339("2026-03-01T09:00:00+08:00").unwrap();
        let filled = given.fill(at, "李娜".to_owned(), 1);
        assert_eq!(filled.received_date().to_string(), "2026-03-01");
        assert!(filled.main_petitioner().is_none());
    }

    #[test]
    fn a_stored_intake_reads_past_unknown_fields_but_apply_refuses_them() {
        let stored = r#"{"channel":"visit","received_at":"2026-03-02T09:00:00+08:00",
            "receiver":"李娜","people":1,"category":"c","summary":"s","later":1}"#;
        let intake: Intake = serde_json::from_str(stored).expect("a stored intake reads");
        assert_eq!(intake.receiver, "李娜");
        let line = r#"{"op":"intake","channel":"visit","category":"c","summary":"s","sumary":"x"}"#;
        let err = serde_json::from_str::<crate::domain::command::Command>(line)
            .expect_err("an unknown field is refused");
        assert!(err.to_string().contains("unknown field `sumary`"), "{err}");
        let ok = r#"{"op":"attach","channel":"visit","category":"c","summary":"s"}"#;
        assert!(serde_json::from_str::<crate::domain::command::Command>(ok).is_ok());
    }
}
