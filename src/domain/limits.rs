//! What the ledger takes from any surface (`apply`, the desk's forms, setup): how long a
//! text may be, which characters it may hold, and which dates and times are sane. One
//! table, so that every surface refuses the same thing with the same words.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeDelta};

use super::command::{Command, IntakeInput};
use super::documents::OfficeProfile;
use super::error::{Field, WorkflowError};
use super::rules::Operator;
use super::types::Decision;

/// The years a date on the ledger may fall in: the 2005 and 2022 条例's era with room ahead.
/// A date outside (1900, 9999) is a typing slip, never a step taken: refused, not counted.
pub const LEDGER_YEARS: (i32, i32) = (2000, 2099);

/// How far past the machine's clock a given time may lie: a day covers a clock set a little
/// wrong and a line written in another offset, never a slip of years.
pub fn ahead() -> TimeDelta {
    TimeDelta::days(1)
}

/// How much a text field holds, in characters (not bytes: a Chinese character is one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    /// A person's name, a number, a phone: one short line.
    Name,
    /// An address, a unit, a body: one line.
    Line,
    /// A summary, a request, an opinion, a reply: a whole letter, on several lines.
    Long,
}

impl Size {
    pub const fn chars(self) -> usize {
        match self {
            Size::Name => 64,
            Size::Line => 200,
            // A long letter (信访件) runs to a few thousand characters; 20,000 leaves room.
            Size::Long => 20_000,
        }
    }

    /// Whether line breaks and tabs are allowed.
    pub const fn multi_line(self) -> bool {
        matches!(self, Size::Long)
    }
}

/// The size of each text field.
pub const fn size(field: Field) -> Size {
    match field {
        Field::Case
        | Field::Visitor
        | Field::Leader
        | Field::Name
        | Field::Handler
        | Field::Outcome
        | Field::IdNumber
        | Field::Phone
        | Field::LetterNo
        | Field::Receiver
        | Field::DocNo
        | Field::Prefix
        | Field::Hotline
        | Field::Printer
        // Dates: never text, sized as the shortest should one be checked.
        | Field::FeedbackBy
        | Field::ReplyBy => Size::Name,
        Field::Category
        | Field::Route
        | Field::To
        | Field::Address
        | Field::WorkUnit
        | Field::Contact
        | Field::Body
        | Field::Target
        | Field::TargetPerson
        | Field::Location
        | Field::Department
        | Field::Place
        | Field::ReviewOrgan
        | Field::Office
        | Field::Seal
        | Field::FileName => Size::Line,
        Field::Said
        | Field::Summary
        | Field::Text
        | Field::Reason
        | Field::Participants
        | Field::Conclusion
        | Field::Request
        | Field::Note
        | Field::Ground
        | Field::Decided
        | Field::Basis => Size::Long,
    }
}

/// Refuses `text` in `field` when too long or holding a control character (NUL, ESC, BEL,
/// C1 …): stored text is printed to terminals and documents, where those would act.
/// Multi-line fields keep line breaks (`\n`, also as `\r\n`) and tabs.
pub fn check_text(field: Field, text: &str) -> Result<(), WorkflowError> {
    let size = size(field);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let allowed = match c {
            '\n' | '\t' => size.multi_line(),
            '\r' => size.multi_line() && chars.peek() == Some(&'\n'),
            c => !c.is_control(),
        };
        if !allowed {
            return Err(WorkflowError::ControlCharacter {
                field,
                code: u32::from(c),
            });
        }
    }
    let found = text.chars().count();
    if found > size.chars() {
        return Err(WorkflowError::TooLong {
            field,
            limit: size.chars(),
            found,
        });
    }
    Ok(())
}

/// Each (field, text) pair checked in turn; the first refusal.
fn check_all(texts: &[(Field, &str)]) -> Result<(), WorkflowError> {
    texts.iter().try_for_each(|(f, t)| check_text(*f, t))
}

/// Refuses a date outside [`LEDGER_YEARS`].
pub fn in_ledger(date: NaiveDate) -> Result<(), WorkflowError> {
    let (first, last) = LEDGER_YEARS;
    if (first..=last).contains(&date.year()) {
        Ok(())
    } else {
        Err(WorkflowError::DateOutsideLedger { date, first, last })
    }
}

/// A time a line or a form gives for an act (`at`): in the ledger's years and not more
/// than [`ahead`] past `now`, the caller's reading of the machine's clock.
pub fn check_when(
    at: DateTime<FixedOffset>,
    now: DateTime<FixedOffset>,
) -> Result<(), WorkflowError> {
    in_ledger(at.date_naive())?;
    let latest = now + ahead();
    if at > latest {
        return Err(WorkflowError::AheadOfClock { at, latest });
    }
    Ok(())
}

/// Every text a command carries, within its size and free of control characters.
pub fn check_command(command: &Command) -> Result<(), WorkflowError> {
    use Field as F;
    match command {
        Command::Intake(input) | Command::Attach(input) => check_intake(input),
        Command::Register(decision) => match decision {
            Decision::Accept => Ok(()),
            Decision::Decline { route, note, .. } => check_all(&[
                (F::Route, route),
                (F::Note, note.as_deref().unwrap_or_default()),
            ]),
            Decision::PassOn { to, .. } => check_text(F::To, to),
            Decision::Answered { text } => check_text(F::Text, text),
        },
        Command::Assign {
            department,
            handler,
            leader,
        } => check_all(&[
            (F::Department, department),
            (F::Handler, handler),
            (F::Leader, leader.as_deref().unwrap_or_default()),
        ]),
        Command::Recuse { handler, reason } => {
            check_all(&[(F::Handler, handler), (F::Reason, reason)])
        }
        Command::Remind { ground, to, .. } => check_all(&[(F::Ground, ground), (F::To, to)]),
        Command::Hearing {
            participants,
            conclusion,
            ..
        } => check_all(&[(F::Participants, participants), (F::Conclusion, conclusion)]),
        Command::Issue(input) => check_all(&[
            (F::Basis, input.basis.as_deref().unwrap_or_default()),
            (
                F::ReviewOrgan,
                input.review_organ.as_deref().unwrap_or_default(),
            ),
            (F::Text, input.text.as_deref().unwrap_or_default()),
            (F::DocNo, input.number.as_deref().unwrap_or_default()),
        ]),
        Command::Opinion { text }
        | Command::Sign { text }
        | Command::Instruct { text, .. }
        | Command::Supervise { text, .. }
        | Command::Reply { text, .. }
        | Command::Review { text, .. }
        | Command::ReportBack { text, .. }
        | Command::Resolve { text, .. }
        | Command::NoFurther { text, .. } => check_text(F::Text, text),
        Command::Extend { reason, .. }
        | Command::AskExtension { reason, .. }
        | Command::RefuseExtension { reason }
        | Command::Unmask { reason } => check_text(F::Reason, reason),
        Command::ReturnVisit { note, .. } | Command::Terminate { note } => {
            check_text(F::Note, note)
        }
        Command::ReportReceived { summary, .. } => check_text(F::Summary, summary),
        Command::AttachFile {
            name, media_type, ..
        } => check_all(&[(F::FileName, name), (F::FileName, media_type)]),
        Command::DetachFile { reason, .. } => check_text(F::Reason, reason),
        Command::Correct(c) => check_correction(c),
        Command::Archive | Command::Own | Command::Undo { .. } => Ok(()),
    }
}

/// 更正's texts, as long as intake's may be.
fn check_correction(c: &crate::domain::command::Correction) -> Result<(), WorkflowError> {
    use Field as F;
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    check_all(&[
        (F::Reason, &c.reason),
        (F::LetterNo, &opt(&c.letter_no)),
        (F::Contact, &opt(&c.contact)),
        (F::Location, &opt(&c.location)),
        (F::Summary, &opt(&c.summary)),
        (F::Request, &opt(&c.request)),
        (F::Target, &opt(&c.target)),
        (F::TargetPerson, &opt(&c.target_person)),
    ])?;
    c.petitioners.iter().flatten().try_for_each(check_person)
}

/// One petitioner's texts.
fn check_person(p: &crate::domain::intake::Petitioner) -> Result<(), WorkflowError> {
    use Field as F;
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    check_all(&[
        (F::Name, &p.name),
        (F::IdNumber, &opt(&p.id_number)),
        (F::Phone, &opt(&p.phone)),
        (F::Address, &opt(&p.address)),
        (F::WorkUnit, &opt(&p.work_unit)),
    ])
}

/// What the clerk recorded at the window: its texts, and its dates in the ledger's years.
fn check_intake(input: &IntakeInput) -> Result<(), WorkflowError> {
    use Field as F;
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    let referral = input.referral.clone().unwrap_or_default();
    check_all(&[
        (F::LetterNo, &opt(&input.letter_no)),
        (F::Contact, &opt(&input.contact)),
        (F::Receiver, &opt(&input.receiver)),
        (F::Body, &referral.body),
        (F::DocNo, &opt(&referral.doc_no)),
        (F::Category, &input.category),
        (F::Target, &opt(&input.target)),
        (F::TargetPerson, &opt(&input.target_person)),
        (F::Location, &opt(&input.location)),
        (F::Summary, &input.summary),
        (F::Request, &input.request),
    ])?;
    input.petitioners.iter().try_for_each(check_person)?;
    let dates = [input.postmark, referral.deadline];
    dates.into_iter().flatten().try_for_each(in_ledger)?;
    if let Some(at) = input.received_at {
        in_ledger(at.date_naive())?;
    }
    Ok(())
}

/// An operator as setup, `apply` or the settings screen give one.
pub fn check_operator(op: &Operator) -> Result<(), WorkflowError> {
    check_all(&[
        (Field::Name, &op.name),
        (
            Field::Department,
            op.department.as_deref().unwrap_or_default(),
        ),
        (Field::WorkUnit, op.unit.as_deref().unwrap_or_default()),
    ])
}

/// The office's letterhead.
pub fn check_office(p: &OfficeProfile) -> Result<(), WorkflowError> {
    use Field as F;
    check_all(&[
        (F::Office, &p.name),
        (F::Address, &p.address),
        (F::Phone, &p.phone),
        (F::Hotline, &p.hotline),
        (F::Prefix, &p.prefix),
        (F::Seal, &p.seal),
        (F::ReviewOrgan, &p.review_organ),
        (F::Printer, &p.printer),
        (F::Seal, &p.seal_image),
        (F::Text, &p.repeat_notice),
    ])?;
    for (name, phone) in &p.phones {
        check_all(&[(F::Name, name), (F::Phone, phone)])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_bounded_by_their_size_in_characters() {
        let name = "张".repeat(64);
        assert_eq!(check_text(Field::Name, &name), Ok(()));
        let e = check_text(Field::Name, &format!("{name}三"));
        assert_eq!(
            e,
            Err(WorkflowError::TooLong {
                field: Field::Name,
                limit: 64,
                found: 65
            })
        );
        assert!(check_text(Field::Summary, &"信".repeat(20_000)).is_ok());
        assert!(check_text(Field::Summary, &"信".repeat(20_001)).is_err());
        assert!(check_text(Field::Address, &"路".repeat(201)).is_err());
    }

    #[test]
    fn control_characters_are_refused_and_line_breaks_only_in_long_texts() {
        let refused = |f: Field, s: &str| {
            matches!(
                check_text(f, s),
                Err(WorkflowError::ControlCharacter { .. })
            )
        };
        assert!(refused(Field::Name, "张\0三"));
        assert!(refused(Field::Summary, "a\u{1b}]0;title\u{7}"));
        assert!(refused(Field::Summary, "a\u{9b}2J"));
        assert!(refused(Field::Summary, "a\u{7f}"));
        assert!(refused(Field::Summary, "a\rb"));
        assert!(refused(Field::Name, "张\n三"));
        assert!(refused(Field::Address, "a\tb"));
        assert!(check_text(Field::Summary, "第一段\r\n第二段\n\t第三段").is_ok());
        assert_eq!(
            check_text(Field::Name, "\u{0}"),
            Err(WorkflowError::ControlCharacter {
                field: Field::Name,
                code: 0
            })
        );
    }

    #[test]
    fn a_time_lies_in_the_ledger_years_and_at_most_a_day_ahead() {
        let t = |s: &str| DateTime::parse_from_rfc3339(s).expect("time");
        let now = t("2026-12-05T12:00:00+08:00");
        assert!(check_when(now, now).is_ok());
        assert!(check_when(t("2026-12-06T11:59:00+08:00"), now).is_ok());
        assert!(matches!(
            check_when(t("2026-12-06T12:01:00+08:00"), now),
            Err(WorkflowError::AheadOfClock { .. })
        ));
        for year in ["1900", "1999", "2200", "9999"] {
            let at = t(&format!("{year}-01-01T10:00:00+08:00"));
            assert!(check_when(at, t("9999-06-01T00:00:00Z")).is_err(), "{year}");
        }
        assert!(in_ledger(NaiveDate::MIN).is_err());
    }
}
