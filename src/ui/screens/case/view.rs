//! The case screen: every field, the clocks with days left, the timeline,
//! and the actions with their keys: those the state and the operator's
//! role allow in bold, the others greyed (pressing one says why).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::CaseScreen;
use crate::domain::case::{Case, Intake};
use crate::domain::repeat::PetitionerKey;
use crate::domain::types::Level;
use crate::strings::form::FieldKey as K;
use crate::strings::ui::text;
use crate::strings::{Lang, form as f, labels};
use crate::ui::app::App;
use crate::ui::keymap::{Action, Context};
use crate::ui::view::parts::clock_style;

fn kv(lang: Lang, key: K, value: impl std::fmt::Display) -> Line<'static> {
    Line::from(vec![
        Span::raw(format!("{} ", f::label(lang, key))).dim(),
        // Stored text, through the one function every printing surface shares.
        Span::raw(crate::display::safe(&value.to_string())),
    ])
}

/// A label over a text that may have several lines (a summary, a reply).
fn kv_text(lang: Lang, key: K, value: &str, lines: &mut Vec<Line<'static>>) {
    let value = crate::display::safe(value);
    let mut parts = value.lines();
    lines.push(kv(lang, key, parts.next().unwrap_or_default()));
    let indent = " ".repeat(crate::display::width(f::label(lang, key)) + 1);
    lines.extend(parts.map(|p| Line::from(format!("{indent}{p}"))));
}

fn intake_lines(lang: Lang, c: &Case, links: &[Case], w: usize, lines: &mut Vec<Line<'static>>) {
    intake_head(lang, &c.intake, w, lines);
    intake_body(lang, &c.intake, lines);
    let name = |id: &i64| {
        links
            .iter()
            .find(|l| l.id == *id)
            .map_or(format!("#{id}"), crate::ui::form::case_name)
    };
    // Only the linked cases the reader may see (the store leaves the others out): an id
    // would tell of a case kept from them (2022 Art 30 第三款).
    let seen: Vec<String> = (c.intake.links.iter())
        .filter_map(|id| links.iter().find(|l| l.id == *id))
        .map(crate::ui::form::case_name)
        .collect();
    if !seen.is_empty() {
        lines.push(kv(lang, K::Links, seen.join(" ")));
    }
    // The case reviewed, when the reader may see it (the store left it out otherwise).
    if let Some(of) = c.review_of.filter(|of| links.iter().any(|l| l.id == *of)) {
        // 复查 of a first handling, 复核 of a 复查 (Art 35–36).
        let key = match c.level() {
            Level::First | Level::Review => K::ReviewOf,
            Level::ReReview => K::ReReviewOf,
        };
        lines.push(kv(lang, key, name(&of)));
    }
}

/// How and when it came in, its category and flags, the petitioners (a petitioner's line
/// wrapped under itself, indented, at the body's width `w`).
fn intake_head(lang: Lang, i: &Intake, w: usize, lines: &mut Vec<Line<'static>>) {
    lines.push(Line::from(format!(
        "{} {}  {} {}  {} {}",
        f::label(lang, K::Channel),
        labels::channel(lang, i.channel),
        f::label(lang, K::ReceivedAt),
        i.received_at.format("%Y-%m-%d %H:%M"),
        f::label(lang, K::Receiver),
        i.receiver
    )));
    let mut flags = vec![format!("{} {}", f::label(lang, K::People), i.people)];
    flags.push(match i.handling_type {
        Some(h) => f::handling_type(lang, h).to_owned(),
        // Kept from whom it names as an accusation is, until someone chooses.
        None => f::unclassified(lang).to_owned(),
    });
    flags.push(f::urgency(lang, i.urgency).to_owned());
    if i.anonymous {
        flags.push(f::label(lang, K::Anonymous).to_owned());
    }
    if i.confidential {
        flags.push(f::label(lang, K::Confidential).to_owned());
    }
    lines.push(Line::from(format!(
        "{} {}  {}",
        f::label(lang, K::Category),
        i.category,
        flags.join("  ")
    )));
    for p in &i.petitioners {
        // The case screen shows the full numbers (DOMAIN.md: masked in lists only).
        let mut mark = String::new();
        if p.main {
            mark.push_str(f::main_mark(lang));
        }
        if p.representative {
            mark.push_str(f::representative_mark(lang));
        }
        let (sex, id_type) = f::petitioner_kind(lang, p);
        let parts = [sex, id_type, p.id_number.as_deref(), p.phone.as_deref()];
        let unit = p.work_unit.as_deref().map(|u| f::work_unit_said(lang, u));
        let mut rest: Vec<&str> = parts
            .into_iter()
            .chain([p.address.as_deref()])
            .flatten()
            .collect();
        rest.extend(unit.as_deref());
        let text = format!("{}{mark} {}", p.name, rest.join(" "));
        for (n, part) in crate::display::wrap(&text, w.saturating_sub(4))
            .into_iter()
            .enumerate()
        {
            let indent = if n == 0 { "  " } else { "    " };
            lines.push(Line::from(format!("{indent}{part}")));
        }
    }
}

/// The letter's details, the referral, the summary and the request.
fn intake_body(lang: Lang, i: &Intake, lines: &mut Vec<Line<'static>>) {
    if let Some(d) = i.postmark {
        lines.push(kv(lang, K::Postmark, d));
    }
    let old_no = i.origin.as_ref().and_then(|o| o.old_no.clone());
    for (key, v) in [
        (K::OldNo, &old_no),
        (K::LetterNo, &i.letter_no),
        (K::Contact, &i.contact),
        (K::Target, &i.target),
        (K::TargetPerson, &i.target_person),
        (K::Location, &i.location),
    ] {
        if let Some(v) = v {
            lines.push(kv(lang, key, v));
        }
    }
    if let Some(r) = &i.referral {
        let mut s = r.body.clone();
        if let Some(d) = &r.doc_no {
            s.push_str(&format!(" {d}"));
        }
        if let Some(d) = r.deadline {
            s.push_str(&format!(" ({} {d})", f::label(lang, K::ReferralDeadline)));
        }
        lines.push(kv(lang, K::ReferralBody, s));
    }
    kv_text(lang, K::Summary, &i.summary, lines);
    if !i.request.is_empty() {
        kv_text(lang, K::Request, &i.request, lines);
    }
}

fn steps_lines(lang: Lang, c: &Case, lines: &mut Vec<Line<'static>>) {
    handling_lines(lang, c, lines);
    outcome_lines(lang, c, lines);
}

/// The decision, the assignment, opinions, instructions, the extension.
fn handling_lines(lang: Lang, c: &Case, lines: &mut Vec<Line<'static>>) {
    shown_lines(lang, crate::strings::case_steps::handling(lang, c), lines);
}

/// Labelled values as lines; a text under its label, line by line.
fn shown_lines(
    lang: Lang,
    shown: impl IntoIterator<Item = crate::strings::case_steps::Shown>,
    lines: &mut Vec<Line<'static>>,
) {
    for s in shown {
        if s.text {
            kv_text(lang, s.key, &s.value, lines);
        } else {
            lines.push(kv(lang, s.key, s.value));
        }
    }
}

/// The steps a case counts (催办, 化解): how many, and the latest.
fn counted_steps(lang: Lang, c: &Case, lines: &mut Vec<Line<'static>>) {
    if let Some(latest) = c.reminders.last() {
        let text = labels::reminders(lang, c.reminders.len(), latest);
        lines.push(kv(lang, K::Reminder, text));
    }
    if let Some(latest) = c.resolutions.last() {
        let text = labels::resolutions(lang, c.resolutions.len(), latest);
        lines.push(kv(lang, K::Resolution, text));
    }
}

/// Supervision, the reply, the return visit, attached items, documents.
fn outcome_lines(lang: Lang, c: &Case, lines: &mut Vec<Line<'static>>) {
    let steps = crate::strings::case_steps::supervisions(lang, c);
    shown_lines(lang, steps, lines);
    counted_steps(lang, c, lines);
    shown_lines(lang, crate::strings::case_steps::reply(lang, c), lines);
    chain_end_lines(lang, c, lines);
    if let Some(r) = &c.report_back {
        let sent = format!("（{} {}）", f::label(lang, K::SentOn), r.sent_on);
        kv_text(lang, K::ReportText, &format!("{}{sent}", r.text), lines);
    }
    if let Some(v) = &c.return_visit {
        lines.push(kv(
            lang,
            K::ReturnVisit,
            format!(
                "{} {}  {} {}",
                f::label(lang, K::UnitSatisfaction),
                labels::satisfaction(lang, v.unit),
                f::label(lang, K::OfficeSatisfaction),
                labels::satisfaction(lang, v.office)
            ),
        ));
    }
    // Who came or called again, and when: a 重复件 by someone else (a relative) says so.
    for a in &c.attached {
        let names: Vec<&str> = (a.petitioners.iter())
            .map(|p| p.name.as_str())
            .filter(|n| !n.trim().is_empty())
            .collect();
        lines.push(kv(
            lang,
            K::Attached,
            format!(
                "{} {} {} {}",
                a.received_at.format("%Y-%m-%d %H:%M"),
                labels::channel(lang, a.channel),
                names.join("、"),
                a.summary
            )
            .replace("  ", " "),
        ));
    }
    // Documents issued, with their numbers (the case file's is the volume).
    for d in &c.documents {
        lines.push(kv(
            lang,
            K::ProfileDocument,
            format!(
                "{} {}（{} {}）",
                d.number,
                crate::strings::documents::kind(lang, d.kind),
                d.stamp.by,
                d.stamp.at.format("%Y-%m-%d")
            ),
        ));
    }
}

/// 听证, 不再受理 and 终结 (Art 36).
fn chain_end_lines(lang: Lang, c: &Case, lines: &mut Vec<Line<'static>>) {
    for h in &c.hearings {
        lines.push(kv(lang, K::Hearing, labels::hearing(lang, h)));
    }
    for n in &c.no_further {
        lines.push(kv(lang, K::NoFurther, labels::no_further(lang, n)));
    }
    if let Some(t) = &c.terminated {
        lines.push(kv(lang, K::Terminated, labels::terminated(lang, t)));
    }
}

/// Each journal event: when, who, the step, and its remark (an extension past the
/// superior's date says so).
fn timeline_lines(lang: Lang, screen: &CaseScreen, lines: &mut Vec<Line<'static>>) {
    let codes: Vec<(i64, &str)> = screen
        .events
        .iter()
        .map(|e| (e.seq, e.op.as_str()))
        .collect();
    let verbs = crate::strings::timeline::verbs(lang, &screen.row.case, &codes);
    for (e, verb) in screen.events.iter().zip(verbs) {
        let when = e.at.get(..16).unwrap_or(&e.at).replace('T', " ");
        let change = (e.before.as_ref(), &e.after);
        let note = labels::event_note(lang, &e.op, &e.command, change, &screen.row.case)
            .map_or(String::new(), |n| format!("  {n}"))
            + &labels::entered_by(lang, &e.actor, e.entered_by.as_deref());
        lines.push(Line::from(format!(
            "  {when}  {}  {verb}{note}",
            crate::display::fit(&e.actor, 8),
        )));
    }
}

/// Who saw a confidential case, when and where (a leader's case screen, Art 30 第三款).
fn views_lines(lang: Lang, views: &[crate::store::OfficeEvent], lines: &mut Vec<Line<'static>>) {
    if views.is_empty() {
        return;
    }
    lines.push(Line::from(""));
    lines.push(Line::from(crate::strings::audit::views_title(lang, views.len())).bold());
    for v in views {
        let code = v.detail["surface"].as_str().unwrap_or_default();
        let surface = crate::strings::audit::surface(lang, code);
        let at = v.at.get(..16).unwrap_or(&v.at).replace('T', " ");
        lines.push(Line::from(format!("  {at}  {}  {surface}", v.actor)));
    }
}

pub fn draw(app: &App, screen: &CaseScreen, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let t = text(lang);
    let c = &screen.row.case;
    let no = c.case_no.clone().unwrap_or_else(|| format!("#{}", c.id));
    let mut lines: Vec<Line> = vec![Line::from(vec![
        Span::from(no).bold(),
        Span::raw("  "),
        Span::from(labels::state(lang, c.state)).reversed(),
    ])];
    if c.terminated.is_some() {
        // 终结: said beside the state, where the eye starts.
        lines[0].spans.push(Span::raw("  "));
        lines[0]
            .spans
            .push(Span::from(f::label(lang, K::Terminated)).reversed());
    }
    intake_lines(lang, c, &screen.links, usize::from(area.width), &mut lines);
    steps_lines(lang, c, &mut lines);
    // Art 22 (三): an item 交办'd out, and whether its 办结报告 came back.
    let outbound_due = screen
        .row
        .clocks
        .iter()
        .find(|k| k.key == crate::domain::due::OUTBOUND_CLOCK);
    if let Some(text) = labels::outbound(lang, c, outbound_due) {
        lines.push(kv(lang, K::Outbound, text));
    }
    super::backlog::lines(lang, screen, &mut lines);
    views_lines(lang, &screen.views, &mut lines);
    super::files::lines(lang, screen, usize::from(area.width), &mut lines);
    others_lines(lang, screen, usize::from(area.width), &mut lines);
    lines.push(Line::from(""));
    lines.push(Line::from(t.deadlines).bold());
    clock_lines(lang, screen, &mut lines);
    lines.push(Line::from(""));
    lines.push(Line::from(t.timeline).bold());
    timeline_lines(lang, screen, &mut lines);
    let body = Rect {
        height: area.height.saturating_sub(2),
        ..area
    };
    let text = Paragraph::new(lines).wrap(Wrap { trim: false });
    // Scrolled past the end the body went blank: the last line stops at the body's foot.
    let last = text
        .line_count(body.width)
        .saturating_sub(usize::from(body.height));
    let max = u16::try_from(last).unwrap_or(u16::MAX);
    screen.scroll_max.set(max);
    frame.render_widget(text.scroll((screen.scroll.min(max), 0)), body);
    frame.render_widget(
        Paragraph::new(actions_line(app, screen, usize::from(area.width))),
        crate::ui::view::parts::row(area, area.height - 2),
    );
    // The screen's own keys (the steps are on the line above).
    let apart = |a: Action| a.op().is_none() || a == Action::Correct;
    crate::ui::view::parts::footer(app, Context::Case, apart, frame, area);
}

/// Every action with its key: allowed ones first and bold, the rest dim; whole ones within
/// `w` columns (English names are long: never one cut mid-word).
fn actions_line(app: &App, screen: &CaseScreen, w: usize) -> Line<'static> {
    let (mut open, mut shut, mut files) = (Vec::new(), Vec::new(), Vec::new());
    // Every step the keymap has a key for, in the journal's order.
    for op in crate::domain::op::Op::ALL {
        let Some(action) = Action::from_op(op) else {
            continue;
        };
        let key = app.keys.label(Context::Case, action).unwrap_or_default();
        // 撤销 comes last, bold only while the operator's own step may be taken back.
        // 更正 is not a step of the case's course: the footer offers it, as it does 出具文书.
        if op == crate::domain::op::Op::Undo || op == crate::domain::op::Op::Correct {
            continue;
        }
        // A review of a 复查 case is a 复核 (Art 36): the key says which it opens.
        // `e` asks for the extension when a handler presses it; `i` is 阅批 without an opinion.
        let given = app.as_given(op, &screen.row);
        let name = match (given, screen.row.case.level().next()) {
            (crate::domain::op::Op::Review, Some(Level::ReReview)) => {
                crate::strings::ui::rereview(app.lang)
            }
            (crate::domain::op::Op::Sign, _) => crate::strings::labels::step(app.lang, given),
            _ => crate::strings::ui::action(app.lang, action.name()),
        };
        let label = format!("{key} {name}");
        let allowed = app.why_not(&screen.row, given).is_none();
        // Files can be kept in any state: after the case's own next steps, not before them.
        if matches!(
            op,
            crate::domain::op::Op::AttachFile | crate::domain::op::Op::DetachFile
        ) {
            files.push(if allowed {
                Span::styled(label, Style::new().bold())
            } else {
                Span::raw(label).dim()
            });
        } else if allowed {
            open.push(Span::styled(label, Style::new().bold()));
        } else {
            shut.push(Span::raw(label).dim());
        }
    }
    let undo = crate::domain::op::Op::Undo;
    if let Some(key) = app.keys.label(Context::Case, Action::Undo) {
        let label = format!(
            "{key} {}",
            crate::strings::ui::action(app.lang, undo.code())
        );
        let marks: Vec<_> = screen.events.iter().filter_map(|e| e.mark()).collect();
        let me = app.operator.as_ref().map_or("", |o| o.name.as_str());
        match crate::domain::workflow::undo::may_undo(&marks, me, app.clock.now()) {
            Ok(_) => open.push(Span::styled(label, Style::new().bold())),
            Err(_) => shut.push(Span::raw(label).dim()),
        }
    }
    let mut spans = Vec::new();
    let mut used = 0;
    for s in open.into_iter().chain(files).chain(shut) {
        let gap = if spans.is_empty() { 0 } else { 2 };
        let sw = crate::display::width(&s.content);
        if used + gap + sw > w {
            break;
        }
        if gap > 0 {
            spans.push(Span::raw("  "));
        }
        used += gap + sw;
        spans.push(s);
    }
    Line::from(spans)
}

/// The case's clocks, each due date with its state; a provisional one with a note.
fn clock_lines(lang: Lang, screen: &CaseScreen, lines: &mut Vec<Line<'static>>) {
    let clock_width = match lang {
        Lang::Zh => 12,
        Lang::En => 24,
    };
    for (i, k) in screen.row.clocks.iter().enumerate() {
        let name = screen
            .rules
            .get(i)
            .and_then(Option::as_ref)
            .map_or(k.key.as_str(), |r| labels::clock_name(lang, r));
        lines.push(Line::from(vec![
            Span::raw(format!(
                "  {}  {}  ",
                crate::display::fit(name, clock_width),
                k.due
            )),
            Span::styled(
                labels::case_clock_status(
                    lang,
                    &screen.row.case,
                    screen.rules.get(i).and_then(Option::as_ref),
                    &k.status,
                ),
                clock_style(&k.status),
            ),
        ]));
        // A due date in a year without an official holiday table is provisional (issue 16).
        if !k.uncovered_years.is_empty() {
            let note = crate::strings::calendar::provisional_note(lang, &k.uncovered_years);
            lines.push(Line::from(format!("    {note}")).italic());
        }
        if k.paused_days > 0 {
            let note = labels::paused_note(lang, k.paused_days);
            lines.push(Line::from(format!("    {note}")).italic());
        }
    }
}

/// 同一信访人的其他件: the petitioner's other cases, each on a line.
fn others_lines(lang: Lang, screen: &CaseScreen, width: usize, lines: &mut Vec<Line<'static>>) {
    if screen.others.is_empty() {
        return;
    }
    lines.push(Line::from(""));
    let shown = screen.others.len().min(crate::ui::form::EARLIER_SHOWN);
    let more = screen.others.len() > shown;
    lines.push(Line::from(f::others_title(lang, (shown, more))).bold());
    let key = main_key(&screen.row.case);
    for o in screen.others.iter().take(shown) {
        let oc = &o.case;
        // Found by a shared phone under another name: said before the summary.
        let differs = key
            .as_ref()
            .and_then(|(k, name)| k.other_name(name, &oc.intake.petitioners))
            .map(|earlier| format!("{}  ", f::name_differs(lang, earlier)))
            .unwrap_or_default();
        lines.push(Line::from(crate::display::cut(
            &format!(
                "  {}  {}  {}  {differs}{}",
                crate::ui::form::case_name(oc),
                oc.intake.received_date(),
                labels::state(lang, oc.state),
                oc.intake.summary
            ),
            width,
        )));
    }
}

/// The case's main petitioner as a repeat key, with their name.
fn main_key(case: &Case) -> Option<(PetitionerKey, String)> {
    let main = case.intake.main_petitioner()?;
    let key = PetitionerKey::of(main, case.intake.received_date());
    Some((key, main.name.clone()))
}
