//! Checks as the clerk leaves a field, and of the form as a whole on save.
//! The messages say what is wrong and how to fix it; the domain checks
//! again when the command is applied.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::{Form, Kind};
use crate::domain::error::Field;
use crate::domain::identity::check_id;
use crate::domain::intake::is_email;
use crate::domain::limits;
use crate::domain::phone::check_phone;
use crate::strings::form::FieldKey as K;
use crate::strings::{errors, form as t, validation};

/// Dates typed as `2026-03-01` (also `2026/3/1` and `2026.3.1`).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim().replace(['/', '.'], "-");
    NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok()
}

/// `2026-03-01 09:30`, or `09:30` meaning `today`.
pub fn parse_datetime(s: &str, today: NaiveDate) -> Option<NaiveDateTime> {
    let s = s.trim();
    if let Ok(t) = NaiveTime::parse_from_str(s, "%H:%M") {
        return Some(today.and_time(t));
    }
    let (d, time) = s.split_once(' ')?;
    let t = NaiveTime::parse_from_str(time.trim(), "%H:%M").ok()?;
    Some(parse_date(d)?.and_time(t))
}

/// Fields whose dates look forward (a deadline), not back.
const FUTURE_DATES: [K; 4] = [K::FeedbackBy, K::ReplyBy, K::ReceptionDate, K::ReportBy];

/// Dates that may lie either side of today: a superior's deadline copied from a paper
/// referral entered late may have passed (the case then shows overdue at once).
const ANY_DATES: [K; 1] = [K::ReferralDeadline];

pub fn field(form: &Form, i: usize) -> Option<String> {
    let (lang, today) = (form.lang, form.today);
    let anonymous = form.flag(K::Anonymous);
    let f = form.fields.get(i)?;
    let text = f.text();
    match (f.key, &f.kind, text) {
        // Typed words that match no option leave the option shown before: not saved as if
        // chosen (a trial typed 当场答复 where it is not offered and saved a 受理).
        (_, Kind::Choice(_), Some(typed)) if f.matches(form.group_of(i).as_deref()).is_empty() => {
            Some(t::no_match_on_save(lang, &typed))
        }
        (_, Kind::Choice(_), _) if f.required => {
            let offered = f.offered(form.group_of(i).as_deref());
            if offered.is_empty() {
                Some(t::nothing_to_choose(lang).to_owned())
            } else if f.code().is_none_or(str::is_empty) || !offered.contains(&f.choice) {
                Some(t::choose_one(lang).to_owned())
            } else {
                None
            }
        }
        (_, Kind::Flag | Kind::Choice(_), _) => None,
        // An unsigned letter has no name to give.
        (K::Name, _, None) if anonymous => None,
        (K::Name, _, None) if form.get(K::Anonymous).is_some() && f.required => {
            Some(t::name_or_anonymous(lang).to_owned())
        }
        (_, _, None) if f.required => Some(t::required(lang).to_owned()),
        (_, _, None) => None,
        (K::IdNumber, _, Some(s)) => id_number(form, f.row, &s),
        (K::Phone, _, Some(s)) => check_phone(&s)
            .err()
            .map(|e| validation::phone_error(lang, &e)),
        (K::Email, _, Some(s)) if !is_email(&s) => Some(errors::workflow(
            lang,
            &crate::domain::error::WorkflowError::BadEmail { found: s },
        )),
        (key, Kind::Date, Some(s)) => date_error(form, key, &s),
        (_, Kind::DateTime, Some(s)) => match parse_datetime(&s, today) {
            None => Some(t::datetime_format(lang).to_owned()),
            Some(d) if limits::in_ledger(d.date()).is_err() => limits::in_ledger(d.date())
                .err()
                .map(|e| errors::workflow(lang, &e)),
            Some(d) if d.date() > today => Some(t::date_in_future(lang).to_owned()),
            // Today, but later than now (23:30 typed at 13:11): marked here,
            // not first refused on save.
            Some(d) if form.now.is_some_and(|now| d > now) => Some(
                crate::strings::desk::time_in_future(lang, &d.format("%H:%M").to_string()),
            ),
            Some(_) => None,
        },
        (K::Days, Kind::Number, Some(s)) => match s.parse::<u32>() {
            // 2022 Art 34: an extension of at most 30 days.
            Ok(n) if (1..=30).contains(&n) => None,
            _ => Some(t::days_range(lang, 30)),
        },
        (_, Kind::Number, Some(s)) => match s.parse::<u32>() {
            Ok(n) if n >= 1 => None,
            _ => Some(t::whole_number(lang).to_owned()),
        },
        (key, Kind::Text | Kind::Multi, Some(s)) => {
            let field = stored_as(key)?;
            let checked = limits::check_text(field, &s);
            checked.err().map(|e| errors::workflow(lang, &e))
        }
    }
}

/// A date field's complaint: its format, the ledger's years, which side of today it may
/// fall, a postmark after the day received.
fn date_error(form: &Form, key: K, s: &str) -> Option<String> {
    let (lang, today) = (form.lang, form.today);
    match parse_date(s) {
        None => Some(t::date_format(lang).to_owned()),
        Some(d) if limits::in_ledger(d).is_err() => limits::in_ledger(d)
            .err()
            .map(|e| errors::workflow(lang, &e)),
        Some(_) if ANY_DATES.contains(&key) => None,
        Some(d) if FUTURE_DATES.contains(&key) && d < today => {
            Some(t::date_in_past(lang).to_owned())
        }
        Some(d) if !FUTURE_DATES.contains(&key) && d > today => {
            Some(t::date_in_future(lang).to_owned())
        }
        // Said as the clerk leaves the postmark, not first on save (`whole` again there).
        Some(d)
            if key == K::Postmark
                && (form.text(K::Received).and_then(|r| parse_date(&r)))
                    .is_some_and(|received| d > received) =>
        {
            Some(t::postmark_after_received(lang).to_owned())
        }
        Some(_) => None,
    }
}

/// An ID number checked as the row's 证件类型 says.
fn id_number(form: &Form, row: Option<usize>, s: &str) -> Option<String> {
    let id_type = form.id_type_of(row);
    check_id(id_type, s, form.today)
        .err()
        .map(|e| validation::id_error_of(form.lang, id_type, &e))
}

/// The ledger's field each text field of a form is stored in, for its size
/// (`domain::limits`, the table `apply` and setup use too). A field not listed is not
/// text (a choice, a flag, a date, a number, a heading) or checked otherwise.
const STORED_AS: [(K, Field); 57] = [
    (K::Name, Field::Name),
    (K::WorkUnit, Field::WorkUnit),
    (K::IdNumber, Field::IdNumber),
    (K::Phone, Field::Phone),
    (K::ProfilePhone, Field::Phone),
    (K::Address, Field::Address),
    (K::ProfileAddress, Field::Address),
    (K::LetterNo, Field::LetterNo),
    (K::Email, Field::Contact),
    (K::OnlineRef, Field::Contact),
    (K::Contact, Field::Contact),
    (K::ReferralBody, Field::Body),
    (K::ReferralDoc, Field::DocNo),
    (K::Category, Field::Category),
    (K::Target, Field::Target),
    (K::TargetPerson, Field::TargetPerson),
    (K::Location, Field::Location),
    (K::Summary, Field::Summary),
    (K::ReportSummary, Field::Summary),
    (K::Request, Field::Request),
    (K::Route, Field::Route),
    (K::Note, Field::Note),
    (K::DeclineNote, Field::Note),
    (K::TerminateNote, Field::Note),
    (K::PassTo, Field::To),
    (K::RemindTo, Field::To),
    (K::Department, Field::Department),
    (K::DepartmentName, Field::Department),
    (K::Handler, Field::Handler),
    (K::Leader, Field::Leader),
    (K::Reason, Field::Reason),
    (K::Refusal, Field::Reason),
    (K::Answer, Field::Text),
    (K::Opinion, Field::Text),
    (K::Instruction, Field::Text),
    (K::SuperviseText, Field::Text),
    (K::ReplyText, Field::Text),
    (K::ReviewText, Field::Text),
    (K::ReportText, Field::Text),
    (K::ResolveText, Field::Text),
    (K::NoFurtherText, Field::Text),
    (K::RemindGround, Field::Ground),
    (K::Receiver, Field::Receiver),
    (K::Visitor, Field::Visitor),
    (K::Said, Field::Said),
    (K::Decided, Field::Decided),
    (K::Place, Field::Place),
    (K::ProfileName, Field::Office),
    (K::ProfileHotline, Field::Hotline),
    (K::ProfilePrefix, Field::Prefix),
    (K::ProfileSeal, Field::Seal),
    (K::ProfileReviewOrgan, Field::ReviewOrgan),
    (K::ProfilePrinter, Field::Printer),
    (K::Participants, Field::Participants),
    (K::Conclusion, Field::Conclusion),
    (K::ProfileSealImage, Field::Seal),
    (K::ProfileRepeatNotice, Field::Text),
];

fn stored_as(key: K) -> Option<Field> {
    STORED_AS.iter().find(|(k, _)| *k == key).map(|(_, f)| *f)
}

/// Checks between fields, put on the later field of each pair.
pub fn whole(form: &mut Form) {
    let lang = form.lang;
    let received = form.text(K::Received).and_then(|s| parse_date(&s));
    let postmark = form.text(K::Postmark).and_then(|s| parse_date(&s));
    if let (Some(p), Some(r)) = (postmark, received)
        && p > r
        && let Some(f) = form.get_mut(K::Postmark)
    {
        f.error = Some(t::postmark_after_received(lang).to_owned());
    }
    let from = form.text(K::HearingFrom).and_then(|s| parse_date(&s));
    let to = form.text(K::HearingTo).and_then(|s| parse_date(&s));
    if let (Some(from), Some(to)) = (from, to)
        && to < from
        && let Some(f) = form.get_mut(K::HearingTo)
    {
        f.error = Some(t::hearing_ends_before_it_starts(lang).to_owned());
    }
    // Returning an opinion for rework must say what to change.
    if form.code(K::Approve) == Some("false")
        && form.text(K::Instruction).is_none()
        && let Some(f) = form.get_mut(K::Instruction)
    {
        f.error = Some(t::say_why_returned(lang).to_owned());
    }
    let rows = form.rows();
    if let Some(f) = form.get_mut(K::People)
        && f.error.is_none()
        && f.text().and_then(|s| s.parse::<usize>().ok()).unwrap_or(0) < rows
    {
        f.error = Some(t::people_too_few(lang, rows));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        assert_eq!(parse_date("2026/3/1"), NaiveDate::from_ymd_opt(2026, 3, 1));
        assert_eq!(parse_date("2026-3-1"), NaiveDate::from_ymd_opt(2026, 3, 1));
        assert_eq!(parse_date("3月1日"), None);
        let t = parse_datetime("09:30", today).unwrap();
        assert_eq!(t.to_string(), "2026-03-02 09:30:00");
        let t = parse_datetime("2026-03-01 18:05", today).unwrap();
        assert_eq!(t.to_string(), "2026-03-01 18:05:00");
        assert_eq!(parse_datetime("昨天", today), None);
    }
}
