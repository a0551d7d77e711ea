//! The intake form of each channel (登记表) and the `IntakeInput` it
//! amounts to. Every channel names its petitioners in rows (a 联名信 or a
//! group visit has several); the common part follows.

use chrono::{FixedOffset, NaiveDate, NaiveTime, TimeZone};

use super::check::{parse_date, parse_datetime};
use super::{Field, Form, Kind, Purpose};
use crate::domain::case::{Petitioner, Referral};
use crate::domain::command::IntakeInput;
use crate::domain::identity::{IdType, Sex, check_id};
use crate::domain::repeat::PetitionerKey;
use crate::domain::types::{Channel, HandlingType, Urgency};
use crate::strings::form::FieldKey as K;
use crate::strings::{Lang, form as t, labels, validation};

fn choice(options: Vec<(String, String)>) -> Kind {
    Kind::Choice(options)
}

/// One petitioner row's fields for `channel`: every channel asks what DOMAIN.md lists for a
/// petitioner (name, sex, ID type and number, phone, address, work unit), the ones its
/// clerk has at hand first.
pub(super) fn person_fields(channel: Channel, lang: Lang) -> Vec<Field> {
    let name = |required: bool| {
        let f = Field::new(K::Name, Kind::Text);
        if required { f.required() } else { f }
    };
    let text = |key| Field::new(key, Kind::Text);
    // What a clerk asks least comes last in the row, so the usual order (name, ID number,
    // phone, address) keeps its Tabs: the type of a document that is not a resident ID
    // (its number's error says to choose it there), and the sex a resident ID gives.
    let rest = || [text(K::WorkUnit), id_type_field(lang), sex_field(lang)];
    let mut row = match channel {
        // Letters: the sender as signed; "anonymous" replaces the name.
        Channel::Letter => vec![name(true), text(K::Phone), text(K::Address)],
        // The clerk asks the caller's name, or ticks "anonymous"; a withheld number is
        // still a call to register.
        Channel::Phone => vec![
            name(true),
            text(K::Phone),
            text(K::IdNumber),
            text(K::Address),
        ],
        Channel::Visit | Channel::Email | Channel::Online | Channel::Referral => vec![
            name(true),
            text(K::IdNumber),
            text(K::Phone),
            text(K::Address),
        ],
    };
    // A letter seldom gives an ID number: it comes with the rarely asked.
    if channel == Channel::Letter {
        row.push(text(K::IdNumber));
    }
    row.extend(rest());
    if channel == Channel::Visit {
        row.push(Field::new(K::Representative, Kind::Flag));
    }
    for f in &mut row {
        f.row = Some(0);
    }
    row
}

/// 证件类型, 居民身份证 unless the clerk picks another.
fn id_type_field(lang: Lang) -> Field {
    let options = IdType::ALL
        .iter()
        .map(|&k| {
            (
                k.code().to_owned(),
                validation::id_type_label(lang, k).to_owned(),
            )
        })
        .collect();
    Field::new(K::IdType, Kind::Choice(options))
}

/// 性别: blank until chosen, or read from a resident ID number as the clerk leaves it.
fn sex_field(lang: Lang) -> Field {
    let options = std::iter::once((String::new(), t::sex_unset(lang).to_owned()))
        .chain(
            [Sex::Male, Sex::Female]
                .iter()
                .map(|&s| (s.code().to_owned(), labels::sex(lang, s).to_owned())),
        )
        .collect();
    Field::new(K::Sex, Kind::Choice(options))
}

/// The fields only `channel` has.
fn channel_fields(channel: Channel, today: NaiveDate) -> Vec<Field> {
    let date = |key| Field::new(key, Kind::Date);
    let received = || {
        date(K::Received)
            .required()
            .value(&today.format("%Y-%m-%d").to_string())
    };
    match channel {
        Channel::Visit => vec![Field::new(K::People, Kind::Number).required().value("1")],
        Channel::Letter => vec![
            received(),
            date(K::Postmark),
            Field::new(K::LetterNo, Kind::Text),
            Field::new(K::Anonymous, Kind::Flag),
        ],
        Channel::Phone => vec![
            Field::new(K::CallTime, Kind::DateTime),
            Field::new(K::Anonymous, Kind::Flag),
        ],
        // The 15 days count from the day it reached the office (Art 22), which for a mailbox
        // or a platform read the next morning is not the day it is typed in.
        Channel::Email => vec![Field::new(K::Email, Kind::Text).required(), received()],
        Channel::Online => vec![Field::new(K::OnlineRef, Kind::Text).required(), received()],
        Channel::Referral => vec![
            Field::new(K::ReferralBody, Kind::Text).required(),
            Field::new(K::ReferralDoc, Kind::Text),
            date(K::ReferralDeadline),
            received(),
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
    // Nor a kind: a 申诉求决 by default would let an unread 举报 be passed to the unit it
    // accuses; left unchosen, the case is kept from the accused as an accusation is
    // (2022 Art 30 第三款; `workflow::accused`).
    let kinds = choice(
        std::iter::once((String::new(), t::choose_prompt(lang).to_owned()))
            .chain(
                [
                    HandlingType::Claim,
                    HandlingType::Suggestion,
                    HandlingType::Accusation,
                ]
                .iter()
                .map(|&k| (k.code().to_owned(), t::handling_type(lang, k).to_owned())),
            )
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
        Field::new(K::HandlingType, kinds),
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
    let mut fields = person_fields(channel, lang);
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
                // A sex the form read from the number is left to the domain, which reads it
                // from the number as saved (the number may have changed since).
                let code = |key| {
                    let f = self
                        .in_row(row, key)
                        .filter(|f| !(key == K::Sex && f.pristine));
                    f.and_then(Field::code).unwrap_or("")
                };
                (!blank || row == self.main_row).then(|| Petitioner {
                    name,
                    sex: Sex::from_code(code(K::Sex)),
                    id_type: self.id_type_of(Some(row)),
                    id_number,
                    phone,
                    address,
                    work_unit: text(row, K::WorkUnit),
                    main: row == self.main_row,
                    representative: self.in_row(row, K::Representative).is_some_and(|f| f.flag),
                    ..Petitioner::default()
                })
            })
            .collect()
    }

    /// After the clerk leaves field `i` of a petitioner row: a changed 证件类型 checks the
    /// number again; a resident ID number fills in a 性别 nobody chose (the domain would
    /// read it from the number too; here the clerk sees it).
    pub(super) fn left(&mut self, i: usize) {
        let Some((key, row)) = self.fields.get(i).map(|f| (f.key, f.row)) else {
            return;
        };
        let Some(row) = row else { return };
        let at = |form: &Form, key| {
            form.fields
                .iter()
                .position(|f| f.key == key && f.row == Some(row))
        };
        match key {
            K::IdType => {
                if let Some(n) = at(self, K::IdNumber)
                    && self.fields[n].text().is_some()
                {
                    self.check(n);
                }
            }
            K::IdNumber => {
                let read = self.fields[i]
                    .text()
                    .filter(|_| self.fields[i].error.is_none())
                    .and_then(|s| check_id(self.id_type_of(Some(row)), &s, self.today).ok())
                    .and_then(|c| c.sex);
                let Some(n) = at(self, K::Sex) else { return };
                let f = &mut self.fields[n];
                if f.choice == 0 || f.pristine {
                    let code = read.map_or("", Sex::code);
                    *f = f.clone().chosen(code);
                    f.pristine = read.is_some();
                }
            }
            _ => {}
        }
    }

    /// Whether field `i` is one the form already knows, which Tab and ↑/↓ pass over: the
    /// 证件类型 of a row with no number, or with a valid resident ID's; the 性别 read from it.
    pub fn settled(&self, i: usize) -> bool {
        let Some(f) = self.fields.get(i) else {
            return false;
        };
        let Some(row) = f.row else { return false };
        match f.key {
            K::IdType => match self.in_row(row, K::IdNumber).and_then(Field::text) {
                None => true,
                Some(number) => {
                    self.id_type_of(Some(row)) == IdType::ResidentId
                        && check_id(IdType::ResidentId, &number, self.today).is_ok()
                }
            },
            K::Sex => f.pristine,
            _ => false,
        }
    }

    /// The 证件类型 chosen in petitioner row `row` (居民身份证 where the form asks none).
    pub fn id_type_of(&self, row: Option<usize>) -> IdType {
        row.and_then(|r| self.in_row(r, K::IdType))
            .and_then(Field::code)
            .and_then(IdType::from_code)
            .unwrap_or_default()
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
        let whole = |n| match self.id_type_of(Some(row)) {
            IdType::ResidentId => matches!(n, 15 | 18),
            _ => n >= 5,
        };
        let id = text(K::IdNumber).filter(|s| whole(digits(s)));
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
