//! Plain-text and JSON output of the read commands.

use std::io::Write;
use std::path::Path;

use crate::display::{Terminal, fit};
use chrono::NaiveDate;
use serde_json::{Value, json};

use crate::domain::case::Case;
use crate::domain::deadline::{ClockStatus, ClockView};
use crate::domain::identity::mask_id;
use crate::domain::phone::mask_phone;
use crate::domain::types::{Level, Urgency};
use crate::domain::workflow::allowed_ops;
use crate::store::{CaseRef, CaseRow, CheckReport, JournalEntry, ListFilter, Store, StoreError};
use crate::strings::{self, Lang, calendar, cli as text, labels};

/// The years without an official holiday table behind any of `clocks`' due dates, ascending:
/// those dates are provisional.
pub fn provisional_years(clocks: &[ClockView]) -> Vec<i32> {
    let years: std::collections::BTreeSet<i32> = clocks
        .iter()
        .flat_map(|c| c.uncovered_years.iter().copied())
        .collect();
    years.into_iter().collect()
}

pub fn print_json(v: &Value) {
    // JSON keeps the text exactly (as `\u` escapes), never raw to the terminal.
    let json = serde_json::to_string_pretty(v).unwrap_or_default();
    println!("{}", crate::display::json_safe(&json));
}

/// The running clock that falls due first, as the queue shows it.
fn next_clock(lang: Lang, row: &CaseRow) -> String {
    row.clocks
        .iter()
        .filter(|c| matches!(c.status, ClockStatus::Running { .. }))
        .min_by_key(|c| c.due)
        .map(|c| {
            // `*`: due in a year without an official holiday table (see `provisional_legend`).
            let mark = if c.uncovered_years.is_empty() {
                ""
            } else {
                calendar::PROVISIONAL_MARK
            };
            format!("{} {}{mark}", c.due, labels::clock_status(lang, &c.status))
        })
        .unwrap_or_default()
}

/// Whether the due date `row_line` shows is provisional.
fn shows_provisional(row: &CaseRow) -> bool {
    row.clocks
        .iter()
        .filter(|c| matches!(c.status, ClockStatus::Running { .. }))
        .min_by_key(|c| c.due)
        .is_some_and(|c| !c.uncovered_years.is_empty())
}

fn row_line(lang: Lang, row: &CaseRow) -> String {
    let c = &row.case;
    let no = c.case_no.clone().unwrap_or_else(|| format!("#{}", c.id));
    let who = c
        .intake
        .main_petitioner()
        .map(|p| p.name.clone())
        .unwrap_or_else(|| lang.pick("（匿名）", "(anonymous)").to_owned());
    [
        fit(&no, 10),
        fit(&c.intake.received_date().to_string(), 10),
        fit(labels::channel(lang, c.intake.channel), 10),
        fit(&who, 10),
        fit(&c.intake.category, 16),
        fit(labels::case_state(lang, c), 8),
        next_clock(lang, row),
    ]
    .join(" ")
}

fn heading(lang: Lang) -> String {
    let h = text::list_headings(lang);
    [
        fit(h[0], 10),
        fit(h[1], 10),
        fit(h[2], 10),
        fit(h[3], 10),
        fit(h[4], 16),
        fit(h[5], 8),
        h[6].to_owned(),
    ]
    .join(" ")
}

pub fn rows(lang: Lang, store: &Store, rows: &[CaseRow], json: bool) {
    if json {
        let v: Vec<Value> = rows.iter().map(|r| listed_json(store, r)).collect();
        print_json(&Value::Array(v));
        return;
    }
    if rows.is_empty() {
        say!("{}", text::none_found(lang));
        return;
    }
    say!("{}", heading(lang));
    for r in rows {
        say!("{}", row_line(lang, r));
    }
    if rows.iter().any(shows_provisional) {
        say!("{}", calendar::provisional_legend(lang));
    }
}

/// Streams the list page by page (keyset paging), never the whole ledger.
pub fn list_pages(
    lang: Lang,
    store: &Store,
    mut filter: ListFilter,
    limit: usize,
    json: bool,
    today: NaiveDate,
) -> Result<(), StoreError> {
    let stdout = std::io::stdout().lock();
    let mut out = if json {
        Terminal::json(stdout)
    } else {
        Terminal::text(stdout)
    };
    let mut printed = 0usize;
    let mut provisional = false;
    if json {
        let _ = write!(out, "[");
    } else {
        let _ = writeln!(out, "{}", heading(lang));
    }
    loop {
        let want = if limit == 0 {
            500
        } else {
            (limit - printed).min(500)
        };
        if want == 0 {
            break;
        }
        filter.limit = want;
        let page = store.list(&filter, today)?;
        for (row, _) in &page {
            if json {
                let sep = if printed == 0 { "\n" } else { ",\n" };
                let _ = write!(out, "{sep}{}", listed_json(store, row));
            } else {
                let _ = writeln!(out, "{}", row_line(lang, row));
                provisional |= shows_provisional(row);
            }
            printed += 1;
        }
        match page.last() {
            Some((row, key)) if page.len() == want => {
                filter.after = Some((key.clone(), row.case.id))
            }
            _ => break,
        }
    }
    if json {
        let _ = writeln!(out, "\n]");
    } else if provisional {
        let _ = writeln!(out, "{}", calendar::provisional_legend(lang));
    }
    Ok(())
}

/// A case as a list gives it: masked as the lists are (the case screen and `show` give it
/// whole).
fn listed_json(store: &Store, row: &CaseRow) -> Value {
    let mut v = row_json(store, row);
    super::masked::mask_value(&mut v);
    v
}

fn row_json(store: &Store, row: &CaseRow) -> Value {
    json!({
        "id": row.case.id,
        "case_no": row.case.case_no,
        "state": row.case.state.code(),
        "version": row.version,
        "due": store.due_of(row),
        "clocks": row.clocks,
        "provisional": provisional_years(&row.clocks),
        "case": row.case,
    })
}

pub fn case_json(
    store: &Store,
    row: &CaseRow,
    events: &[JournalEntry],
    earlier: &[CaseRow],
) -> Value {
    let mut v = row_json(store, row);
    v["events"] = json!(events);
    v["allowed"] = json!(allowed_ops(&row.case));
    v["earlier_cases"] = json!(earlier.iter().map(|r| json!({"id": r.case.id, "case_no": r.case.case_no, "state": r.case.state.code(), "received": r.case.intake.received_date()})).collect::<Vec<_>>());
    v
}

pub fn case_text(
    lang: Lang,
    store: &Store,
    row: &CaseRow,
    events: &[JournalEntry],
    earlier: &[CaseRow],
) {
    // The case reviewed, named only when the reader may see it (Art 30 第三款).
    let c = &row.case;
    let reviewed = (c.review_of).filter(|of| {
        store
            .case(&CaseRef::Id(*of), c.intake.received_date())
            .is_ok()
    });
    intake_text(lang, c, reviewed);
    handling_text(lang, &row.case);
    // Art 22 (三): an item 交办'd out, and whether its 办结报告 came back.
    let outbound_due = row
        .clocks
        .iter()
        .find(|k| k.key == crate::domain::due::OUTBOUND_CLOCK);
    if let Some(text) = labels::outbound(lang, &row.case, outbound_due) {
        say!(
            "{}：{text}",
            crate::strings::form::label(lang, crate::strings::form::FieldKey::Outbound)
        );
    }
    clocks_text(lang, store, row);
    files_text(lang, &row.case);
    timeline_text(lang, &row.case, events, earlier);
}

/// The files attached, numbered as `attachments`/`export --attachments` name them; a removed
/// one with why (its bytes stay on record).
fn files_text(lang: Lang, c: &Case) {
    use crate::strings::attachments as text;
    if c.attachments.is_empty() {
        return;
    }
    say!("\n{}", text::list_title(lang, c.attachments.len()));
    for (i, file) in c.attachments.iter().enumerate() {
        let removed = (file.removed.as_ref())
            .map(|r| format!("  〔{}：{}〕", text::removed_mark(lang), r.reason))
            .unwrap_or_default();
        say!(
            "  {:>2}  {}  {}  {}  {} {}{removed}",
            i + 1,
            file.name,
            file.media_type,
            text::size(file.size),
            file.stamp.by,
            file.stamp.at.format("%Y-%m-%d %H:%M")
        );
    }
}

/// One petitioner as `show` lists them: ID number and phone masked.
fn petitioner_line(lang: Lang, p: &crate::domain::intake::Petitioner) -> String {
    let l = |zh_s: &'static str, en_s: &'static str| lang.pick(zh_s, en_s);
    let mark = if p.main {
        l("（主）", " (main)")
    } else {
        ""
    };
    let rep = match p.representative {
        true => l("（代表）", " (representative)"),
        false => "",
    };
    let (sex, id_type) = crate::strings::form::petitioner_kind(lang, p);
    let facts = [
        sex.map(str::to_owned),
        id_type.map(str::to_owned),
        p.id_number.as_deref().map(mask_id),
        p.phone.as_deref().map(mask_phone),
        p.address.clone(),
        (p.work_unit.as_deref()).map(|u| crate::strings::form::work_unit_said(lang, u)),
    ];
    let facts: Vec<String> = facts.into_iter().flatten().collect();
    format!("{}{mark}{rep} {}", p.name, facts.join(" "))
}

/// The case's number and state, and what was recorded at intake.
fn intake_text(lang: Lang, c: &Case, reviewed: Option<i64>) {
    let i = &c.intake;
    let l = |zh_s: &'static str, en_s: &'static str| lang.pick(zh_s, en_s);
    let no = c.case_no.clone().unwrap_or_else(|| format!("#{}", c.id));
    let level = match c.level() {
        Level::First => String::new(),
        level @ (Level::Review | Level::ReReview) => format!(" {}", labels::level(lang, level)),
    };
    // 终结 beside the state: the matter is closed for good.
    let terminated = match &c.terminated {
        Some(_) => format!(" [{}]", l("已终结", "closed for good")),
        None => String::new(),
    };
    say!(
        "{} {no}{level}  [{}]{terminated}",
        l("信访事项", "Case"),
        labels::state(lang, c.state)
    );
    say!(
        "{}：{}  {}  {}：{}",
        l("渠道", "channel"),
        labels::channel(lang, i.channel),
        i.received_at.format("%Y-%m-%d %H:%M"),
        l("接待人", "received by"),
        i.receiver
    );
    // How sensitive it is, as the desk's header says it (检举控告 保密 重大紧急).
    let kind = [
        i.handling_type
            .map(|h| strings::form::handling_type(lang, h).to_owned()),
        (i.urgency == Urgency::Major).then(|| strings::form::urgency(lang, i.urgency).to_owned()),
        i.confidential.then(|| l("保密", "confidential").to_owned()),
    ];
    let kind: Vec<String> = kind.into_iter().flatten().collect();
    say!(
        "{}：{}  {}：{}{}",
        l("问题分类", "category"),
        i.category,
        l("人数", "people"),
        i.people,
        if kind.is_empty() {
            String::new()
        } else {
            format!("  {}", kind.join(" "))
        }
    );
    for p in &i.petitioners {
        say!("  {}", petitioner_line(lang, p));
    }
    if i.anonymous {
        say!("  {}", l("匿名", "anonymous"));
    }
    // An imported case is numbered anew: the old register's number is said with it.
    if let Some(no) = i.origin.as_ref().and_then(|o| o.old_no.as_deref()) {
        say!("{}：{no}", l("原编号", "old number"));
    }
    for (label, value) in [
        (l("被反映单位", "target"), &i.target),
        (l("被反映人", "accused person"), &i.target_person),
        (l("问题发生地", "location"), &i.location),
    ] {
        if let Some(v) = value {
            say!("{label}：{v}");
        }
    }
    if let Some(of) = reviewed {
        // 复查 or 复核 (Art 35–36), of the case it names.
        say!(
            "{}：#{of}",
            match c.level() {
                Level::First | Level::Review => l("复查原件", "review of"),
                Level::ReReview => l("复核所涉复查件", "re-review of"),
            }
        );
    }
    say!("{}：{}", l("主要问题", "summary"), i.summary);
    if !i.request.is_empty() {
        say!("{}：{}", l("诉求", "request"), i.request);
    }
}

/// Where the case is handled and the documents issued on it.
fn handling_text(lang: Lang, c: &Case) {
    use crate::strings::case_steps as steps;
    let l = |zh_s: &'static str, en_s: &'static str| lang.pick(zh_s, en_s);
    // As the case screen says them: the decision, the assignment, opinions and 批示, 督办,
    // the reply.
    let said = (steps::handling(lang, c).into_iter())
        .chain(steps::supervisions(lang, c))
        .chain(steps::reply(lang, c));
    for s in said {
        let label = crate::strings::form::label(lang, s.key);
        let colon = crate::strings::form::colon(lang);
        let indent = " ".repeat(crate::display::width(label) + crate::display::width(colon));
        say!(
            "{label}{colon}{}",
            s.value.replace('\n', &format!("\n{indent}"))
        );
    }
    if let Some(latest) = c.reminders.last() {
        let text = labels::reminders(lang, c.reminders.len(), latest);
        say!(
            "{}：{text}",
            crate::strings::form::label(lang, crate::strings::form::FieldKey::Reminder)
        );
    }
    if let Some(latest) = c.resolutions.last() {
        let text = labels::resolutions(lang, c.resolutions.len(), latest);
        say!(
            "{}：{text}",
            crate::strings::form::label(lang, crate::strings::form::FieldKey::Resolution)
        );
    }
    let label = |k| crate::strings::form::label(lang, k);
    use crate::strings::form::FieldKey as K;
    for h in &c.hearings {
        say!("{}：{}", label(K::Hearing), labels::hearing(lang, h));
    }
    for n in &c.no_further {
        say!("{}：{}", label(K::NoFurther), labels::no_further(lang, n));
    }
    if let Some(t) = &c.terminated {
        say!("{}：{}", label(K::Terminated), labels::terminated(lang, t));
    }
    for d in &c.documents {
        say!(
            "{}：{} {} ({} {})",
            l("文书", "document"),
            d.number,
            crate::strings::documents::kind(lang, d.kind),
            d.stamp.by,
            d.stamp.at.format("%Y-%m-%d")
        );
    }
}

/// The case's clocks, with the years their due dates were counted without a holiday table.
fn clocks_text(lang: Lang, store: &Store, row: &CaseRow) {
    let l = |zh_s: &'static str, en_s: &'static str| lang.pick(zh_s, en_s);
    say!("\n{}", l("期限：", "Deadlines:"));
    for clock in &row.clocks {
        let rule = store.office().policy.clock(&clock.key);
        let name = rule.map_or(clock.key.as_str(), |r| labels::clock_name(lang, r));
        say!(
            "  {}  {}  {}",
            fit(name, 14),
            clock.due,
            labels::case_clock_status(lang, &row.case, rule, &clock.status)
        );
        if !clock.uncovered_years.is_empty() {
            let note = crate::strings::calendar::provisional_note(lang, &clock.uncovered_years);
            say!("    {note}");
        }
        if clock.paused_days > 0 {
            say!("    {}", labels::paused_note(lang, clock.paused_days));
        }
    }
}

/// The timeline, the next steps and the other cases of the same petitioner.
fn timeline_text(lang: Lang, c: &Case, events: &[JournalEntry], earlier: &[CaseRow]) {
    let l = |zh_s: &'static str, en_s: &'static str| lang.pick(zh_s, en_s);
    say!("\n{}", l("办理过程：", "Timeline:"));
    let codes: Vec<(i64, &str)> = events.iter().map(|e| (e.seq, e.op.as_str())).collect();
    let verbs = crate::strings::timeline::verbs(lang, c, &codes);
    for (e, verb) in events.iter().zip(verbs) {
        let change = (e.before.as_ref(), &e.after);
        let note = labels::event_note(lang, &e.op, &e.command, change, c)
            .map_or(String::new(), |n| format!("  {n}"));
        let note = note + &labels::entered_by(lang, &e.actor, e.entered_by.as_deref());
        say!(
            "  {}  {}  {}{note}",
            e.at.get(..16).unwrap_or(&e.at).replace('T', " "),
            fit(&e.actor, 8),
            verb
        );
    }
    let allowed: Vec<&str> = allowed_ops(c)
        .iter()
        .map(|o| labels::step(lang, *o))
        .collect();
    if !allowed.is_empty() {
        say!(
            "\n{}{}",
            l("下一步可以：", "Next: "),
            allowed.join(l("、", ", "))
        );
    }
    if !earlier.is_empty() {
        say!(
            "\n{}",
            l("同一信访人的其他件：", "Other cases of the same person:")
        );
        for r in earlier {
            say!("  {}", row_line(lang, r));
        }
    }
}

pub fn check_report(lang: Lang, r: &CheckReport) {
    let zh = lang == Lang::Zh;
    for line in &r.database {
        say!("{}{line}", lang.pick("数据库：", "database: "));
    }
    if let Some(b) = &r.first_bad_event {
        if zh {
            say!("办理记录第{}条有问题：{}", b.id, b.problem)
        } else {
            say!("journal event {} is bad: {}", b.id, b.problem)
        }
    }
    // The headline: the first bad case (its first difference, listed again below).
    if let Some(b) = &r.first_bad_case {
        let no = b.case_no.clone().unwrap_or_else(|| format!("#{}", b.id));
        if zh {
            say!("信访事项 {no} 有问题：{}", b.problem)
        } else {
            say!("case {no} is bad: {}", b.problem)
        }
    }
    if let Some(b) = &r.first_bad_office_event {
        if zh {
            say!("操作日志第{}条有问题：{}", b.id, b.problem)
        } else {
            say!("office journal event {} is bad: {}", b.id, b.problem)
        }
    }
    if let Some(d) = &r.receipt {
        say!("{}", crate::strings::damage::damage(lang, d));
    }
    if r.receipt_renewed {
        say!("{}", crate::strings::damage::receipt_renewed(lang));
    }
    for d in &r.differences {
        // Stored text may hold anything: one line, through the shared terminal filter.
        say!(
            "{}",
            crate::display::one_line(&strings::check::difference(lang, d))
        );
    }
    if r.more_differences > 0 {
        say!("{}", strings::check::more(lang, r.more_differences));
    }
    if r.ok() && r.quick {
        let tail = crate::store::TAIL;
        say!(
            "{}",
            strings::check::quick_intact(lang, r.cases, r.events, tail)
        );
    } else if r.ok() {
        if zh {
            say!(
                "台账完好：{}件，{}条办理记录，{}条操作日志，哈希链完整",
                r.cases,
                r.events,
                r.office_events
            )
        } else {
            say!(
                "ledger intact: {} cases, {} journal events, {} office journal events, hash chains whole",
                r.cases,
                r.events,
                r.office_events
            )
        }
    }
}

/// `check --json`: the report as one JSON object, `ok` first.
pub fn check_json(r: &CheckReport) {
    let mut v = serde_json::to_value(r).unwrap_or_default();
    if let Some(map) = v.as_object_mut() {
        map.insert("ok".to_owned(), serde_json::Value::Bool(r.ok()));
    }
    println!("{v}");
}

/// `check --json` on a ledger it could not read through: still one JSON object on stdout,
/// for the script that runs it (a trial's damaged ledger printed nothing there).
pub fn check_failed_json(error: &str) {
    println!("{}", serde_json::json!({"ok": false, "error": error}));
}

pub fn demo_summary(
    lang: Lang,
    s: &crate::demo::DemoSummary,
    took: std::time::Duration,
    path: &Path,
) {
    if lang == Lang::Zh {
        say!(
            "已生成演示台账 {}：{}件，{}条办理记录，超期{}件，用时{:.1}秒",
            path.display(),
            s.cases,
            s.events,
            s.overdue,
            took.as_secs_f64()
        );
    } else {
        say!(
            "wrote demo ledger {}: {} cases, {} events, {} overdue, in {:.1} s",
            path.display(),
            s.cases,
            s.events,
            s.overdue,
            took.as_secs_f64()
        );
    }
}
