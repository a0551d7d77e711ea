//! Every user-facing text, in Simplified Chinese and English.

pub mod analysis;
pub mod analysis_heads;
pub mod attachments;
pub mod audit;
pub mod backlog;
pub mod backlog_screen;
pub mod calendar;
pub mod case_steps;
pub mod charts;
pub mod check;
pub mod cli;
pub mod corrected;
pub mod course;
pub mod damage;
pub mod dashboard;
pub mod desk;
pub mod documents;
pub mod errors;
pub mod evaluation;
pub mod form;
pub mod import;
pub mod input;
pub mod keys;
pub mod labels;
pub mod presets;
pub mod progress;
pub mod reception;
pub mod replay;
pub mod report;
pub mod report_screen;
pub mod restore;
pub mod screening;
pub mod setup;
pub mod sheet;
pub mod signin;
pub mod signin_screen;
pub mod timeline;
pub mod ui;
pub mod undo;
pub mod usage;
pub mod validation;
pub mod warnings;

/// The language the desk speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Parses `zh-CN`, `zh`, `en`, `en-US`… (case-insensitive).
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.to_ascii_lowercase();
        if s.starts_with("zh") {
            Some(Lang::Zh)
        } else if s.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// Picks the Chinese or the English text.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}
