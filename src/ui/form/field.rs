//! One field of a form: its kind, label, text, check and error.

use crate::strings::Lang;
use crate::strings::form::FieldKey;
use crate::ui::widgets::text_field::TextField;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// Several lines: Enter breaks the line, Tab leaves the field.
    Multi,
    Date,
    /// `2026-03-01 09:30`, or `09:30` for today.
    DateTime,
    Number,
    Flag,
    /// Options as (code, label); typing filters, ←/→ step through matches.
    Choice(Vec<(String, String)>),
}

/// Shown only while the choice field `.0` holds one of the codes `.1`.
pub type ShowIf = (FieldKey, &'static [&'static str]);

#[derive(Debug, Clone)]
pub struct Field {
    /// What the field is (`Name`, `Summary`…): its label comes from
    /// `strings::form::label`.
    pub key: FieldKey,
    pub kind: Kind,
    pub required: bool,
    pub input: TextField,
    pub choice: usize,
    pub flag: bool,
    pub error: Option<String>,
    /// The petitioner row the field belongs to.
    pub row: Option<usize>,
    pub show_if: Option<ShowIf>,
    /// Per option, the code of the `group_by` choice it belongs under
    /// (empty: under every one); e.g. handlers by department.
    pub groups: Vec<String>,
    pub group_by: Option<FieldKey>,
    /// Holds a value the form put there: the first key typed replaces it.
    pub pristine: bool,
}

impl Field {
    pub fn new(key: FieldKey, kind: Kind) -> Field {
        let input = if kind == Kind::Multi {
            TextField::multiline("")
        } else {
            TextField::default()
        };
        Field {
            key,
            kind,
            required: false,
            input,
            choice: 0,
            flag: false,
            error: None,
            row: None,
            show_if: None,
            groups: Vec::new(),
            group_by: None,
            pristine: false,
        }
    }

    /// Options shown only under the `by` choice's code (`groups[i]`).
    pub fn grouped(mut self, by: FieldKey, groups: Vec<String>) -> Field {
        self.group_by = Some(by);
        self.groups = groups;
        self
    }

    pub fn required(mut self) -> Field {
        self.required = true;
        self
    }

    pub fn value(mut self, v: &str) -> Field {
        self.input.insert(v);
        self.pristine = !v.is_empty();
        self
    }

    pub fn flagged(mut self, on: bool) -> Field {
        self.flag = on;
        self
    }

    pub fn when(mut self, cond: ShowIf) -> Field {
        self.show_if = Some(cond);
        self
    }

    /// Picks the option with this code, if there is one.
    pub fn chosen(mut self, code: &str) -> Field {
        if let Kind::Choice(o) = &self.kind
            && let Some(i) = o.iter().position(|(c, _)| c == code)
        {
            self.choice = i;
        }
        self
    }

    /// Whether the field takes typed text into its `input`.
    pub fn is_text(&self) -> bool {
        matches!(
            self.kind,
            Kind::Text | Kind::Multi | Kind::Date | Kind::DateTime | Kind::Number
        )
    }

    /// The chosen option's label, or the flag, or the text.
    pub fn shown(&self, lang: Lang) -> String {
        match &self.kind {
            Kind::Choice(opts) => opts
                .get(self.choice)
                .map(|o| o.1.clone())
                .unwrap_or_default(),
            Kind::Flag => crate::strings::form::flag(lang, self.flag).to_owned(),
            Kind::Text | Kind::Multi | Kind::Date | Kind::DateTime | Kind::Number => {
                self.input.value().to_owned()
            }
        }
    }

    pub fn code(&self) -> Option<&str> {
        match &self.kind {
            Kind::Choice(opts) => opts.get(self.choice).map(|o| o.0.as_str()),
            Kind::Flag | Kind::Text | Kind::Multi | Kind::Date | Kind::DateTime | Kind::Number => {
                None
            }
        }
    }

    pub fn text(&self) -> Option<String> {
        let v = self.input.value().trim();
        (!v.is_empty()).then(|| v.to_owned())
    }

    /// The options under `group` (see `groups`), as indices.
    pub fn offered(&self, group: Option<&str>) -> Vec<usize> {
        let Kind::Choice(opts) = &self.kind else {
            return Vec::new();
        };
        (0..opts.len())
            .filter(|&i| match (self.groups.get(i), group) {
                (Some(g), Some(want)) => g.is_empty() || g == want,
                _ => true,
            })
            .collect()
    }

    /// The options under `group` matching what was typed, as indices.
    pub fn matches(&self, group: Option<&str>) -> Vec<usize> {
        let Kind::Choice(opts) = &self.kind else {
            return Vec::new();
        };
        let typed = self.input.value();
        self.offered(group)
            .into_iter()
            .filter(|&i| {
                let (code, label) = &opts[i];
                typed.is_empty() || label.contains(typed) || code.contains(typed)
            })
            .collect()
    }
}
