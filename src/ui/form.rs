//! The intake form engine (登记表): fields, focus, checks as you leave a
//! field, and the `IntakeInput` the form amounts to. One engine serves
//! every channel; `intake_form` lists each channel's fields.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::widgets::text_field::TextField;
use crate::domain::case::Petitioner;
use crate::domain::command::IntakeInput;
use crate::domain::identity::{IdType, check_id};
use crate::domain::phone::check_phone;
use crate::domain::types::{Channel, HandlingType, Urgency};
use crate::strings::{Lang, validation};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Text,
    Date,
    Number,
    Flag,
    /// Options as (code, label); typing filters, ←/→ step.
    Choice(Vec<(String, String)>),
}

#[derive(Debug, Clone)]
pub struct Field {
    pub key: &'static str,
    pub label: &'static str,
    pub kind: Kind,
    pub required: bool,
    pub input: TextField,
    pub choice: usize,
    pub flag: bool,
    pub error: Option<String>,
}

impl Field {
    fn new(key: &'static str, label: &'static str, kind: Kind, required: bool) -> Field {
        Field {
            key,
            label,
            kind,
            required,
            input: TextField::default(),
            choice: 0,
            flag: false,
            error: None,
        }
    }

    /// What the field shows: the text, the chosen option, or the flag.
    pub fn shown(&self, lang: Lang) -> String {
        match &self.kind {
            Kind::Choice(opts) => opts
                .get(self.choice)
                .map(|o| o.1.clone())
                .unwrap_or_default(),
            Kind::Flag => lang
                .pick(
                    if self.flag { "[x] 是" } else { "[ ] 否" },
                    if self.flag { "[x] yes" } else { "[ ] no" },
                )
                .to_owned(),
            _ => self.input.value().to_owned(),
        }
    }

    fn code(&self) -> Option<&str> {
        match &self.kind {
            Kind::Choice(opts) => opts.get(self.choice).map(|o| o.0.as_str()),
            _ => None,
        }
    }

    fn text(&self) -> Option<String> {
        let v = self.input.value().trim();
        (!v.is_empty()).then(|| v.to_owned())
    }
}

/// What a key did to the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Stay,
    Save,
    Cancel,
}

#[derive(Debug, Clone)]
pub struct Form {
    pub channel: Channel,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub dirty: bool,
    /// Esc was pressed once on a changed form: a second Esc discards.
    pub confirm_discard: bool,
    pub lang: Lang,
    pub today: NaiveDate,
}

fn options<T: serde::Serialize>(items: &[(T, &str)]) -> Kind {
    Kind::Choice(
        items
            .iter()
            .map(|(v, label)| {
                let code = serde_json::to_value(v)
                    .ok()
                    .and_then(|j| j.as_str().map(str::to_owned))
                    .unwrap_or_default();
                (code, (*label).to_owned())
            })
            .collect(),
    )
}

/// The form for `channel` (visit and letter have their own people fields;
/// the rest share the visitor's).
pub fn intake_form(channel: Channel, lang: Lang, today: NaiveDate, categories: &[String]) -> Form {
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let mut fields = Vec::new();
    match channel {
        Channel::Letter => {
            fields.push(Field::new("name", l("寄信人", "sender"), Kind::Text, false));
            fields.push(Field::new(
                "address",
                l("地址", "address"),
                Kind::Text,
                false,
            ));
            fields.push(Field::new("phone", l("电话", "phone"), Kind::Text, false));
            fields.push(Field::new(
                "postmark",
                l("邮戳日期", "postmark"),
                Kind::Date,
                false,
            ));
            fields.push(Field::new(
                "letter_no",
                l("信件编号", "letter no."),
                Kind::Text,
                false,
            ));
            fields.push(Field::new(
                "anonymous",
                l("匿名", "anonymous"),
                Kind::Flag,
                false,
            ));
        }
        _ => {
            fields.push(Field::new("name", l("姓名", "name"), Kind::Text, true));
            fields.push(Field::new(
                "id_number",
                l("身份证号", "ID number"),
                Kind::Text,
                false,
            ));
            fields.push(Field::new("phone", l("电话", "phone"), Kind::Text, false));
            fields.push(Field::new(
                "address",
                l("住址", "address"),
                Kind::Text,
                false,
            ));
            let mut people = Field::new("people", l("人数", "people"), Kind::Number, true);
            people.input = TextField::new("1");
            fields.push(people);
        }
    }
    let cats = Kind::Choice(categories.iter().map(|c| (c.clone(), c.clone())).collect());
    fields.push(Field::new(
        "category",
        l("问题分类", "category"),
        cats,
        true,
    ));
    let kinds = options(&[
        (HandlingType::Claim, l("申诉求决", "claim")),
        (HandlingType::Suggestion, l("建议意见", "suggestion")),
        (HandlingType::Accusation, l("检举控告", "accusation")),
    ]);
    fields.push(Field::new("handling_type", l("类型", "type"), kinds, true));
    fields.push(Field::new(
        "target",
        l("被反映单位", "target unit"),
        Kind::Text,
        false,
    ));
    fields.push(Field::new(
        "target_person",
        l("被反映人", "accused person"),
        Kind::Text,
        false,
    ));
    fields.push(Field::new(
        "location",
        l("问题发生地", "location"),
        Kind::Text,
        false,
    ));
    fields.push(Field::new(
        "summary",
        l("主要问题", "summary"),
        Kind::Text,
        true,
    ));
    fields.push(Field::new(
        "request",
        l("诉求", "request"),
        Kind::Text,
        false,
    ));
    let urgency = options(&[
        (Urgency::Normal, l("一般", "normal")),
        (Urgency::Major, l("重大紧急", "major/urgent")),
    ]);
    fields.push(Field::new(
        "urgency",
        l("紧急程度", "urgency"),
        urgency,
        true,
    ));
    fields.push(Field::new(
        "confidential",
        l("保密", "confidential"),
        Kind::Flag,
        false,
    ));
    Form {
        channel,
        fields,
        focus: 0,
        dirty: false,
        confirm_discard: false,
        lang,
        today,
    }
}

impl Form {
    fn get(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// Checks one field as the clerk leaves it; the message says what is
    /// wrong and how to fix it.
    fn check(&mut self, i: usize) {
        let (lang, today) = (self.lang, self.today);
        let anonymous = self.get("anonymous").is_some_and(|f| f.flag);
        let Some(f) = self.fields.get_mut(i) else {
            return;
        };
        let text = f.text();
        f.error = match (f.key, &f.kind, text) {
            (_, Kind::Flag | Kind::Choice(_), _) => None,
            ("name", _, None) if anonymous => None,
            (_, _, None) if f.required => Some(lang.pick("必填", "required").to_owned()),
            (_, _, None) => None,
            ("id_number", _, Some(t)) => check_id(IdType::ResidentId, &t, today)
                .err()
                .map(|e| validation::id_error(lang, &e)),
            ("phone", _, Some(t)) => check_phone(&t)
                .err()
                .map(|e| validation::phone_error(lang, &e)),
            (_, Kind::Date, Some(t)) => match NaiveDate::parse_from_str(&t, "%Y-%m-%d") {
                Ok(d) if d > today => Some(
                    lang.pick("日期不能晚于今天", "the date cannot be after today")
                        .to_owned(),
                ),
                Ok(_) => None,
                Err(_) => Some(
                    lang.pick("日期格式：2026-03-01", "date format: 2026-03-01")
                        .to_owned(),
                ),
            },
            (_, Kind::Number, Some(t)) => match t.parse::<u32>() {
                Ok(n) if n >= 1 => None,
                _ => Some(
                    lang.pick("请填写1以上的整数", "a whole number, 1 or more")
                        .to_owned(),
                ),
            },
            _ => None,
        };
    }

    fn move_focus(&mut self, forward: bool) {
        self.check(self.focus);
        let n = self.fields.len();
        self.focus = if forward {
            (self.focus + 1) % n
        } else {
            (self.focus + n - 1) % n
        };
    }

    pub fn paste(&mut self, text: &str) {
        if let Some(f) = self.fields.get_mut(self.focus)
            && matches!(f.kind, Kind::Text | Kind::Date | Kind::Number)
        {
            f.input.insert(text);
            self.dirty = true;
        }
    }

    pub fn key(&mut self, key: KeyEvent) -> Outcome {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if key.code != KeyCode::Esc {
            self.confirm_discard = false;
        }
        match key.code {
            KeyCode::Char('s') if ctrl => {
                for i in 0..self.fields.len() {
                    self.check(i);
                }
                match self.fields.iter().position(|f| f.error.is_some()) {
                    // Saving with errors is refused; the cursor goes to the first.
                    Some(i) => {
                        self.focus = i;
                        Outcome::Stay
                    }
                    None => Outcome::Save,
                }
            }
            KeyCode::Esc if self.dirty && !self.confirm_discard => {
                self.confirm_discard = true;
                Outcome::Stay
            }
            KeyCode::Esc => Outcome::Cancel,
            KeyCode::Tab | KeyCode::Down | KeyCode::Enter => {
                self.move_focus(true);
                Outcome::Stay
            }
            KeyCode::BackTab | KeyCode::Up => {
                self.move_focus(false);
                Outcome::Stay
            }
            _ => {
                self.edit(key);
                Outcome::Stay
            }
        }
    }

    fn edit(&mut self, key: KeyEvent) {
        let Some(f) = self.fields.get_mut(self.focus) else {
            return;
        };
        let before = (f.input.clone(), f.choice, f.flag);
        match (&f.kind, key.code) {
            (Kind::Flag, KeyCode::Char(' ')) => f.flag = !f.flag,
            (Kind::Choice(o), KeyCode::Right) => f.choice = (f.choice + 1) % o.len().max(1),
            (Kind::Choice(o), KeyCode::Left) => {
                f.choice = (f.choice + o.len().max(1) - 1) % o.len().max(1)
            }
            (Kind::Choice(o), KeyCode::Char(c)) => {
                // Type to filter: jump to the first option containing what
                // was typed so far.
                f.input.insert(c.encode_utf8(&mut [0; 4]));
                let typed = f.input.value().to_owned();
                match o.iter().position(|(_, label)| label.contains(&typed)) {
                    Some(i) => f.choice = i,
                    None => f.input = TextField::new(&c.to_string()),
                }
            }
            (Kind::Choice(_), KeyCode::Backspace) => f.input.clear(),
            (Kind::Flag | Kind::Choice(_), _) => {}
            (_, KeyCode::Char(c)) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                f.input.insert(c.encode_utf8(&mut [0; 4]))
            }
            (_, KeyCode::Backspace) => f.input.backspace(),
            (_, KeyCode::Delete) => f.input.delete(),
            (_, KeyCode::Left) => f.input.left(),
            (_, KeyCode::Right) => f.input.right(),
            (_, KeyCode::Home) => f.input.home(),
            (_, KeyCode::End) => f.input.end(),
            _ => {}
        }
        if (f.input.clone(), f.choice, f.flag) != before {
            self.dirty = true;
        }
    }

    /// The intake the form amounts to (call after a `Save`).
    pub fn to_input(&self) -> IntakeInput {
        let text = |k: &str| self.get(k).and_then(Field::text);
        let code = |k: &str| {
            self.get(k)
                .and_then(Field::code)
                .map(str::to_owned)
                .unwrap_or_default()
        };
        let flag = |k: &str| self.get(k).is_some_and(|f| f.flag);
        let anonymous = flag("anonymous");
        let petitioners = match text("name") {
            Some(name) if !anonymous => vec![Petitioner {
                name,
                id_number: text("id_number"),
                phone: text("phone"),
                address: text("address"),
                main: true,
                ..Petitioner::default()
            }],
            _ => Vec::new(),
        };
        let json = |c: String| serde_json::Value::String(c);
        IntakeInput {
            channel: self.channel,
            received_at: None,
            receiver: None,
            postmark: text("postmark").and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
            letter_no: text("letter_no"),
            contact: None,
            referral: None,
            people: text("people").and_then(|p| p.parse().ok()),
            anonymous,
            confidential: flag("confidential"),
            category: code("category"),
            handling_type: serde_json::from_value(json(code("handling_type"))).ok(),
            target: text("target"),
            target_person: text("target_person"),
            location: text("location"),
            summary: text("summary").unwrap_or_default(),
            request: text("request").unwrap_or_default(),
            urgency: serde_json::from_value(json(code("urgency"))).unwrap_or_default(),
            links: Vec::new(),
            petitioners,
        }
    }
}
