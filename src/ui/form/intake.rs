//! The intake form of each channel (登记表) and the `IntakeInput` it
//! amounts to. Every channel names its petitioners in rows (a 联名信 or a
//! group visit has several); the common part follows.

use chrono::{FixedOffset, NaiveDate, NaiveTime, TimeZone};

use super::check::{parse_date, parse_datetime};
use super::{Field, Form, Kind, Purpose};
use crate::domain::case::{Petitioner, Referral};
use crate::domain::command::IntakeInput;
use crate::domain::repeat::PetitionerKey;
use crate::domain::types::{Channel, HandlingType, Urgency};
use crate::strings::form::FieldKey as K;
use crate::strings::{Lang, form as t};

fn choice(options: Vec<(String, String)>) -> Kind {
    Kind::Choice(options)
}

/// One petitioner row's fields for `channel`.
fn person_fields(channel: Channel) -> Vec<Field> {
    let name = |required: bool| {
        let f = Field::new(K::Name, Kind::Text);
        if required { f.required() } else { f }
    };
    let mut row = match channel {
        // Letters: the sender as signed; "anonymous" replaces the name.
        Channel::Letter => vec![
            name(true),
            Field::new(K::Phone, Kind::Text),
            Field::new(K::Address, Kind::Text),
        ],
        // The clerk asks the caller's name, or ticks "anonymous".
        Channel::Phone => vec![
            name(true),
            Field::new(K::Phone, Kind::Text).required(),
            Field::new(K::IdNumber, Kind::Text),
            Field::new(K::Address, Kind::Text),
        ],
        Channel::Visit => vec![
            name(true),
            Field::new(K::IdNumber, Kind::Text),
            Field::new(K::Phone, Kind::Text),
            Field::new(K::Address, Kind::Text),
            Field::new(K::Representative, Kind::Flag),
        ],
        Channel::Email | Channel::Online | Channel::Referral => vec![
            name(true),
            Field::new(K::IdNumber, Kind::Text),
            Field::new(K::Phone, Kind::Text),
            Field::new(K::Address, Kind::Text),
        ],
    };
    for f in &mut row {
        f.row = Some(0);
    }
    row
}

/// The fields only `channel` has.
fn channel_fields(channel: Channel, today: NaiveDate) -> Vec<Field> {
    let date = |key| Field::new(key, Kind::Date);
    match channel {
        Channel::Visit => vec![Field::new(K::People, Kind::Number).required().value("1")],
        Channel::Letter => vec![
            date(K::Received)
                .required()
                .value(&today.format("%Y-%m-%d").to_string()),
            date(K::Postmark),
            Field::new(K::LetterNo, Kind::Text),
            Field::new(K::Anonymous, Kind::Flag),
        ],
        Channel::Phone => vec![
            Field::new(K::CallTime, Kind::DateTime),
            Field::new(K::Anonymous, Kind::Flag),
        ],
        Channel::Email => vec![Field::new(K::Email, Kind::Text).required()],
        Channel::Online => vec![Field::new(K::OnlineRef, Kind::Text).required()],
        Channel::Referral => vec![
            Field::new(K::ReferralBody, Kind::Text).required(),
            Field::new(K::ReferralDoc, Kind::Text),
            date(K::ReferralDeadline),
            date(K::Received)
                .required()
                .value(&today.format("%Y-%m-%d").to_string()),
        ],
    }
}

fn common_fields(lang: Lang, categories: &[String]) -> Vec<Field> {
    // No category until the clerk picks one: a default would be counted
    // in the statistics whenever nobody changed it.
    let cats = choice(
        std::iter::once((String::new(), t::choose_prompt(lang).to_owned()))
            .chain(categories.iter().map(|c| (c.clone(), c.clone())))
            .collect(),
    );
    let kinds = choice(
        [
            HandlingType::Claim,
            HandlingType::Suggestion,
            HandlingType::Accusation,
        ]
        .iter()
        .map(|&k| (k.code().to_owned(), t::handling_type(lang, k).to_owned()))
        .collect(),
    );
    let urgency = choice(
        Urgency::ALL
            .iter()
            .map(|&u| (u.code().to_owned(), t::urgency(lang, u).to_owned()))
            .collect(),
    );
    vec![
        Field::new(K::Category, cats).required(),
        Field::new(K::HandlingType, kinds).required(),
        Field::new(K::Target, Kind::Text),
        Field::new(K::TargetPerson, Kind::Text),
        Field::new(K::Location, Kind::Text),
        Field::new(K::Summary, Kind::Multi).required(),
        Field::new(K::Request, Kind::Multi),
        Field::new(K::Urgency, urgency).required(),
        Field::new(K::Confidential, Kind::Flag),
    ]
}

/// The form for `channel`: its petitioner row, its own fields, the common
/// part.
pub fn intake_form(
    channel: Channel,
    lang: Lang,
    today: NaiveDate,
    offset: FixedOffset,
    categories: &[String],
) -> Form {
    let mut fields = person_fields(channel);
    fields.extend(channel_fields(channel, today));
    fields.extend(common_fields(lang, categories));
    Form::new(Purpose::Intake(channel), fields, lang, today, offset)
}

impl Form {
    fn channel(&self) -> Channel {
        match self.purpose {
            Purpose::Intake(c) => c,
            Purpose::Action { .. }
            | Purpose::Person(_)
            | Purpose::Department
            | Purpose::Reception
            | Purpose::Schedule
            | Purpose::Office
            | Purpose::Import => Channel::Visit,
        }
    }

    /// The petitioners named in the rows, the main one marked.
    pub fn petitioners(&self) -> Vec<Petitioner> {
        let text = |row, key| self.in_row(row, key).and_then(|f| f.text());
        (0..self.rows())
            .filter_map(|row| {
                let name = text(row, K::Name).unwrap_or_default();
                let id_number = text(row, K::IdNumber);
                let phone = text(row, K::Phone);
                let address = text(row, K::Address);
                let blank = name.is_empty() && id_number.is_none() && phone.is_none();
                (!blank || row == self.main_row).then(|| Petitioner {
                    name,
                    id_number,
                    phone,
                    address,
                    main: row == self.main_row,
                    representative: self.in_row(row, K::Representative).is_some_and(|f| f.flag),
                    ..Petitioner::default()
                })
            })
            .collect()
    }

    /// Representatives chosen so far (2022 Art 20 warns above 5).
    pub fn representatives(&self) -> usize {
        self.fields
            .iter()
            .filter(|f| f.key == K::Representative && f.flag)
            .count()
    }

    /// When the petition arrived, if the clerk said (else: now).
    fn received_at(&self) -> Option<chrono::DateTime<FixedOffset>> {
        let local = match (self.text(K::CallTime), self.text(K::Received)) {
            (Some(s), _) => parse_datetime(&s, self.today)?,
            // A letter received earlier than today counts from that day.
            (None, Some(s)) => {
                let d = parse_date(&s)?;
                if d == self.today {
                    return None;
                }
                d.and_time(NaiveTime::MIN)
            }
            (None, None) => return None,
        };
        self.offset.from_local_datetime(&local).single()
    }

    /// The intake the form amounts to (call after a `Save`).
    pub fn to_input(&self) -> IntakeInput {
        let anonymous = self.flag(K::Anonymous);
        let mut petitioners = self.petitioners();
        if anonymous {
            petitioners.retain(|p| !p.name.is_empty() || p.phone.is_some());
        }
        let referral = self.text(K::ReferralBody).map(|body| Referral {
            body,
            doc_no: self.text(K::ReferralDoc),
            deadline: self.text(K::ReferralDeadline).and_then(|s| parse_date(&s)),
        });
        let code = |k: K| self.code(k).unwrap_or_default().to_owned();
        let json = serde_json::Value::String;
        IntakeInput {
            channel: self.channel(),
            received_at: self.received_at(),
            receiver: None,
            postmark: self.text(K::Postmark).and_then(|s| parse_date(&s)),
            letter_no: self.text(K::LetterNo),
            contact: self.text(K::Email).or_else(|| self.text(K::OnlineRef)),
            referral,
            people: self.text(K::People).and_then(|p| p.parse().ok()),
            anonymous,
            confidential: self.flag(K::Confidential),
            category: code(K::Category),
            handling_type: serde_json::from_value(json(code(K::HandlingType))).ok(),
            target: self.text(K::Target),
            target_person: self.text(K::TargetPerson),
            location: self.text(K::Location),
            summary: self.text(K::Summary).unwrap_or_default(),
            request: self.text(K::Request).unwrap_or_default(),
            urgency: serde_json::from_value(json(code(K::Urgency))).unwrap_or_default(),
            links: self.links.clone(),
            petitioners,
            origin: None,
        }
    }

    /// Who to look for among earlier cases: the focused row's person, or
    /// the main one. `None` on action forms or while nothing is typed.
    pub fn repeat_query(&self) -> Option<RepeatQuery> {
        if !matches!(self.purpose, Purpose::Intake(_)) {
            return None;
        }
        let row = self
            .fields
            .get(self.focus)
            .and_then(|f| f.row)
            .unwrap_or(self.main_row);
        let text = |key| self.in_row(row, key).and_then(|f| f.text());
        // A number half typed matches nobody: the panel keeps what the name
        // found until the ID or phone number is whole.
        let digits = |s: &String| s.chars().filter(char::is_ascii_alphanumeric).count();
        let id = text(K::IdNumber).filter(|s| matches!(digits(s), 15 | 18));
        let phone = text(K::Phone).filter(|s| digits(s) >= 7);
        let key = PetitionerKey::new(
            id.as_deref(),
            phone.as_deref(),
            text(K::Name).as_deref(),
            text(K::Address).as_deref(),
            self.today,
        );
        if !key.is_empty() {
            return Some(RepeatQuery::Person(key));
        }
        // A name alone is a weak hint: only from two characters up.
        text(K::Name)
            .filter(|n| n.chars().count() >= 2)
            .map(RepeatQuery::Name)
    }
}

/// What the repeat panel asks the store for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RepeatQuery {
    Person(PetitionerKey),
    Name(String),
}
