//! Runs the commands `update` asks for against the store and turns the
//! answers into messages. Generic over the backend so tests can drive it
//! with ratatui's TestBackend.

use ratatui::Terminal;
use ratatui::backend::Backend;

use crate::domain::command::{Command, IntakeInput};
use crate::domain::repeat::PetitionerKey;
use crate::store::views::{CaseView, PageQuery, Slice};
use crate::store::{Admin, CaseRef, Owner, Request, Store, StoreError};
use crate::strings::errors;
use crate::ui::app::{App, Cmd, Cursor, Filter, Msg, Screen, View};
use crate::ui::form::action::Directory;
use crate::ui::form::draft::{Draft, DraftOf};
use crate::ui::form::intake::RepeatQuery;
use crate::ui::screens::backlog::run as backlog;
use crate::ui::screens::settings::import;
use crate::ui::view;

/// Runs one command: each is one typed query or write of the store.
/// The case screen's case, its view put on record when the case is confidential (2022 Art
/// 30 第三款).
fn open_case(store: &mut Store, app: &App, id: i64) -> Result<Box<CaseView>, StoreError> {
    let c = store.case_view(id, app.today, REPEATS)?;
    store.record_view(&c.row.case, "case_screen", app.clock.now())?;
    Ok(Box::new(c))
}

/// The queue's search: an ID number finds its holder's cases, as the
/// repeat panel does; anything else the words and numbers.
fn search(
    store: &mut Store,
    app: &App,
    query: &str,
    limit: usize,
) -> Result<Vec<crate::store::CaseRow>, StoreError> {
    if crate::domain::identity::looks_like_id(query) {
        let key = PetitionerKey::new(Some(query.trim()), None, None, None, app.today);
        return store.earlier_cases(&key, limit, app.today);
    }
    store.search(query, limit, app.today)
}

/// A search's answer: its rows, or why it failed.
fn found(app: &App, rows: Result<Vec<crate::store::CaseRow>, StoreError>) -> Msg {
    match rows {
        Ok(rows) => Msg::Found(rows),
        Err(e) => Msg::Failed(errors::store(app.lang, &e)),
    }
}

pub fn execute(store: &mut Store, app: &App, cmd: &Cmd) -> Msg {
    let today = app.today;
    let fail = |e: StoreError| Msg::Failed(errors::store(app.lang, &e));
    match cmd {
        Cmd::LoadCounts => store.desk_counts(today).map_or_else(fail, Msg::Counts),
        Cmd::LoadPage { view, start, limit } => store
            .queue_page(&page_query(app, view, start, *limit), today)
            .map_or_else(fail, |rows| Msg::Page {
                rows,
                start: start.clone(),
            }),
        Cmd::Search { query, limit } => found(app, search(store, app, query, *limit)),
        Cmd::OpenCase(id) => open_case(store, app, *id).map_or_else(fail, Msg::Case),
        // Not a view to record: the reader did nothing (and a record would
        // be a commit that sets every other desk refreshing in turn).
        Cmd::RefreshCase(id) => match store.case_view(*id, today, REPEATS) {
            Ok(v) => Msg::CaseRefreshed(Box::new(v)),
            // Hidden from the reader now (2022 Art 30 第三款: a 更正 of the accused).
            Err(StoreError::CaseNotFound(_)) => Msg::CaseGone(*id),
            Err(e) => fail(e),
        },
        Cmd::LoadDashboard => load_dashboard(store, app),
        Cmd::LoadCharts => store
            .charts(today, CHART_WEEKS)
            .map_or_else(fail, |c| Msg::Charts(Box::new(c))),
        Cmd::LoadReport(period) => load_report(store, app, *period),
        Cmd::LoadReportList {
            period,
            supervised,
            page,
        } => load_report_list(store, app, *period, *supervised, *page),
        Cmd::WriteReport => super::preset_files::write_report(store, app),
        Cmd::WritePresets(period) => super::preset_files::write(store, app, *period),
        Cmd::LoadDirectory => load_directory(store, app),
        Cmd::LoadOfficeJournal => office_journal(store, app),
        Cmd::LoadReception => store
            .reception_view(today, RECEPTION_DAYS_AHEAD)
            .map_or_else(fail, |(days, records)| Msg::Reception(days, records)),
        Cmd::Repeats(query) => repeats(store, app, query),
        Cmd::LoadDrafts => load_drafts(store, app),
        Cmd::LoadBacklog => backlog::load(store, app, false),
        Cmd::LoadBacklogPage { first, ids } => backlog::more(store, app, *first, ids),
        Cmd::ChangeBacklog { case, change } => backlog::change(store, app, case, change),
        Cmd::Intake(input) => intake(store, app, input),
        Cmd::Execute {
            id,
            version,
            command,
        } => step(store, app, *id, *version, command),
        Cmd::Attach { id, input } => attach(store, app, *id, input),
        Cmd::OpenFile { id, n } => open_file(store, app, *id, *n),
        // The desk lets only a leader change the office; the store checks again and
        // journals the change (`Store::administer`).
        Cmd::PutOperator(o) => manage(store, app, Admin::Operator((**o).clone())),
        Cmd::PutDepartment(name) => put_department(store, app, name),
        Cmd::PutOffice(p) => manage(store, app, Admin::OfficeReplace((**p).clone())),
        Cmd::PutReceptionDay(day) => administer(store, app, Admin::Schedule((**day).clone()))
            .map_or_else(fail, |()| Msg::ReceptionSaved),
        Cmd::AddReception(rec, case) => add_reception(store, app, rec, case.as_deref()),
        Cmd::SaveDraft(draft) => save_draft_now(store, app, draft),
        Cmd::DropDraft(slot) => match &app.operator {
            Some(o) => store
                .drop_draft(&o.name, slot)
                .map_or_else(fail, |()| Msg::Idle),
            None => Msg::Idle,
        },
        Cmd::Document(c) => crate::ui::screens::documents::run::execute(store, app, c),
        Cmd::SetPassphrase {
            name,
            passphrase,
            one_time,
        } => set_passphrase(store, app, name, passphrase, *one_time).unwrap_or_else(fail),
        Cmd::Unlock { name, passphrase } => unlock(store, app, name, passphrase),
        Cmd::PlanImport(r) | Cmd::RunImport(r) => {
            import::execute(store, app, r, matches!(cmd, Cmd::RunImport(_)))
        }
    }
}

/// A department added (or made active again).
fn put_department(store: &mut Store, app: &App, name: &str) -> Msg {
    let name = name.to_owned();
    manage(store, app, Admin::Department { name, active: true })
}

/// The people, departments and letterhead every settings form reads.
fn load_directory(store: &Store, app: &App) -> Msg {
    match store.directory() {
        Ok(d) => Msg::Directory(Directory {
            departments: d.departments,
            operators: d.operators,
            office: d.office,
        }),
        Err(e) => Msg::Failed(errors::store(app.lang, &e)),
    }
}

/// A change of the settings: only a leader's desk offers it; the store checks again.
fn manage(store: &mut Store, app: &App, change: Admin) -> Msg {
    as_manager(app).unwrap_or_else(|| settings_saved(app, administer(store, app, change)))
}

/// A slot written from the settings (one's own, or a leader's reset).
fn set_passphrase(
    store: &mut Store,
    app: &App,
    name: &str,
    pass: &str,
    one_time: bool,
) -> Result<Msg, StoreError> {
    // The one who sets it is the one signed in (a new operator's first change: themself).
    let by = app.operator.as_ref().map_or(name, |o| o.name.as_str());
    store.set_passphrase(by, app.clock.now(), name, pass, one_time)?;
    Ok(Msg::PassphraseSet {
        name: name.to_owned(),
        one_time,
    })
}

/// The idle lock's (or the settings box's) passphrase checked against the slot.
fn unlock(store: &Store, app: &App, name: &str, pass: &str) -> Msg {
    match store.unlock(name, pass, app.clock.now()) {
        Ok(()) => Msg::Unlocked,
        Err(StoreError::Key(e)) => {
            Msg::UnlockRefused(crate::strings::signin_screen::refusal(app.lang, name, &e))
        }
        Err(e) => Msg::UnlockRefused(errors::store(app.lang, &e)),
    }
}

/// The store's page query for the queue's view.
fn page_query(app: &App, view: &View, start: &Cursor, limit: usize) -> PageQuery {
    PageQuery {
        slice: match view.filter {
            Filter::All => Slice::All,
            Filter::Overdue => Slice::Overdue,
            Filter::DueSoon => Slice::DueSoon,
            Filter::State(s) => Slice::State(s),
        },
        channel: view.channel,
        mine: match (&app.operator, view.mine) {
            (Some(o), true) => Some((owner_of(o.role), o.name.clone())),
            _ => None,
        },
        sort: view.sort,
        after: start.clone(),
        // One more row tells whether another page follows.
        limit: limit + 1,
    }
}

fn operator_name(app: &App) -> &str {
    app.operator.as_ref().map_or("", |o| o.name.as_str())
}

fn load_report(store: &Store, app: &App, period: crate::domain::stats::Period) -> Msg {
    let (top, listed) = (
        crate::domain::stats::DEFAULT_TOP,
        crate::report::LISTED_ITEMS,
    );
    match store.report_listing(period, app.today, top, listed) {
        Ok(r) => Msg::Report(Box::new((r, store.office().policy.clone()))),
        Err(e) => Msg::Failed(errors::store(app.lang, &e)),
    }
}

/// A page of the report's overdue or supervised list, laid out as the report lists it.
fn load_report_list(
    store: &Store,
    app: &App,
    period: crate::domain::stats::Period,
    supervised: bool,
    page: usize,
) -> Msg {
    let n = crate::report::LISTED_ITEMS;
    let (lang, policy) = (app.lang, &store.office().policy);
    let got = if supervised {
        (store.report_supervised_page(period, app.today, page * n, n)).map(|(total, items)| {
            let rows = items.iter().map(|i| crate::report::supervised_row(i, lang));
            (total, rows.collect())
        })
    } else {
        (store.report_overdue_page(period, app.today, page * n, n)).map(|(total, items)| {
            let rows = items
                .iter()
                .map(|i| crate::report::overdue_row(i, lang, policy));
            (total, rows.collect())
        })
    };
    match got {
        Ok((total, rows)) => Msg::ReportList(Box::new(crate::ui::screens::report::ListPage {
            period,
            supervised,
            page,
            total,
            rows,
        })),
        Err(e) => Msg::Failed(errors::store(lang, &e)),
    }
}

fn repeats(store: &Store, app: &App, query: &RepeatQuery) -> Msg {
    let rows = match query {
        RepeatQuery::Person(key) => store.earlier_cases(key, REPEATS, app.today),
        RepeatQuery::Name(name) => store.cases_by_name(name, REPEATS, app.today),
    };
    // 重点信访人: warned at intake, to leaders and clerks only (never a handler).
    let sees = app
        .operator
        .as_ref()
        .is_some_and(crate::domain::flags::may_see);
    let flags = match query {
        RepeatQuery::Person(key) if sees => store.flags_for(key, app.today),
        RepeatQuery::Person(_) | RepeatQuery::Name(_) => Ok(Vec::new()),
    };
    match rows.and_then(|rows| Ok((rows, flags?))) {
        Ok((rows, flags)) => Msg::Repeats {
            query: query.clone(),
            rows,
            flags,
        },
        Err(e) => Msg::Failed(errors::store(app.lang, &e)),
    }
}

fn load_dashboard(store: &Store, app: &App) -> Msg {
    match store.leader_dashboard(operator_name(app), app.today, app.dash().depth()) {
        Ok(mut d) => {
            // 重点信访人 are the office's: never on a handler's screen, whatever the store's reader.
            if !app
                .operator
                .as_ref()
                .is_some_and(crate::domain::flags::may_see)
            {
                d.flagged.clear();
                d.totals.flagged = 0;
            }
            Msg::Dashboard(Box::new(d))
        }
        Err(e) => Msg::Failed(errors::store(app.lang, &e)),
    }
}

fn load_drafts(store: &Store, app: &App) -> Msg {
    let Some(o) = &app.operator else {
        return Msg::Idle;
    };
    match store.drafts(&o.name) {
        // A draft this program can no longer read is left alone.
        Ok(rows) => Msg::Drafts(
            rows.into_iter()
                .filter_map(|d| {
                    let mut draft: Draft = serde_json::from_str(&d.body).ok()?;
                    draft.saved_at = d.saved_at;
                    draft.case_no = draft_case_no(store, app, &draft);
                    Some(draft)
                })
                .collect(),
        ),
        Err(e) => Msg::Failed(errors::store(app.lang, &e)),
    }
}

/// The number of the case a step's draft is on, for the prompt (a case
/// not yet numbered, or not to be read, has none).
fn draft_case_no(store: &Store, app: &App, draft: &Draft) -> Option<String> {
    match draft.of {
        DraftOf::Action { case_id, .. } => store
            .case(&CaseRef::Id(case_id), app.today)
            .ok()
            .and_then(|r| r.case.case_no),
        DraftOf::Intake(_) | DraftOf::Settings => None,
    }
}

fn save_draft_now(store: &mut Store, app: &App, draft: &Draft) -> Msg {
    let (Some(o), Ok(body)) = (&app.operator, serde_json::to_string(draft)) else {
        return Msg::Idle;
    };
    store
        .save_draft(&o.name, &draft.slot(), &body, app.clock.now())
        .map_or_else(|e| Msg::Failed(errors::store(app.lang, &e)), |()| Msg::Idle)
}

fn add_reception(
    store: &mut Store,
    app: &App,
    rec: &crate::domain::reception::ReceptionRecord,
    case: Option<&str>,
) -> Msg {
    let Some(operator) = &app.operator else {
        return Msg::Failed(crate::strings::form::no_operator(app.lang).to_owned());
    };
    store
        .add_reception_for(rec, case, &operator.name, app.clock.now())
        .map_or_else(
            |e| Msg::Failed(errors::store(app.lang, &e)),
            |_| Msg::ReceptionSaved,
        )
}

/// The office journal, for the desk's operator if a leader (the store checks).
fn office_journal(store: &Store, app: &App) -> Msg {
    match app.operator.as_ref() {
        Some(o) => store.office_journal(&o.name, None).map_or_else(
            |e| Msg::Failed(errors::store(app.lang, &e)),
            Msg::OfficeJournal,
        ),
        None => Msg::Idle,
    }
}

/// A change of administration as the desk's operator, journaled.
fn administer(store: &mut Store, app: &App, change: Admin) -> Result<(), StoreError> {
    let Some(who) = app.operator.as_ref() else {
        return Err(StoreError::UnknownActor(String::new()));
    };
    store
        .administer(&who.name, app.clock.now(), &change)
        .map(drop)
}

fn settings_saved(app: &App, done: Result<(), StoreError>) -> Msg {
    done.map_or_else(
        |e| Msg::Failed(errors::store(app.lang, &e)),
        |()| Msg::SettingsSaved,
    )
}

fn intake(store: &mut Store, app: &App, input: &IntakeInput) -> Msg {
    let req = |actor: String, at| Request {
        case: None,
        expected_version: None,
        command: Command::Intake(Box::new(input.clone())),
        actor,
        at,
    };
    write(store, app, req, |a, note| Msg::Saved { id: a.id, note })
}

fn step(store: &mut Store, app: &App, id: i64, version: i64, command: &Command) -> Msg {
    let op = command.op();
    // 附件: the form names the file; it is read here, and a bad path keeps the form open.
    let limit = store.office().policy.attachment_max_mb;
    let command = match crate::ui::attachments::read_named(command, app.lang, limit) {
        Ok(c) => c,
        Err(why) => return Msg::Failed(why),
    };
    let req = |actor: String, at| Request {
        case: Some(CaseRef::Id(id)),
        expected_version: Some(version),
        command,
        actor,
        at,
    };
    let lang = app.lang;
    write(store, app, req, |a, note| Msg::Applied {
        id: a.id,
        op,
        done: (op == crate::domain::op::Op::Register)
            .then_some(a.case.decision.as_ref())
            .flatten()
            .map(|d| crate::strings::form::decided(lang, &d.decision).to_owned()),
        note,
    })
}

/// An attachment opened with the system's viewer, as the reader may see it (Art 30 第三款).
fn open_file(store: &mut Store, app: &App, id: i64, n: u32) -> Msg {
    match store.attachment(&CaseRef::Id(id), n) {
        Ok((_, file, bytes)) => {
            let said = crate::ui::attachments::open(&file.name, n, &bytes, app.lang);
            Msg::Failed(said.unwrap_or_else(|e| e))
        }
        Err(e) => Msg::Failed(errors::store(app.lang, &e)),
    }
}

fn attach(store: &mut Store, app: &App, id: i64, input: &IntakeInput) -> Msg {
    let req = |actor: String, at| Request {
        case: Some(CaseRef::Id(id)),
        expected_version: None,
        command: Command::Attach(Box::new(input.clone())),
        actor,
        at,
    };
    write(store, app, req, |a, _| Msg::Attached {
        id: a.id,
        case_no: a.case_no.clone().unwrap_or_else(|| format!("#{}", a.id)),
    })
}

/// "Mine" by role: a leader's cases are those they own (包案), a handler's
/// those assigned to them, a clerk's those they took in.
fn owner_of(role: crate::domain::types::Role) -> Owner {
    use crate::domain::types::Role;
    match role {
        Role::Leader => Owner::Leader,
        Role::Handler => Owner::Handler,
        Role::Clerk => Owner::Receiver,
    }
}

/// Why the operator may not change the office's people (as a message), or
/// None when they may.
fn as_manager(app: &App) -> Option<Msg> {
    match app
        .operator
        .as_ref()
        .map(crate::domain::workflow::may_manage_office)
    {
        Some(Ok(())) => None,
        Some(Err(e)) => Some(Msg::Failed(errors::workflow(app.lang, &e))),
        None => Some(Msg::Idle),
    }
}

/// How far ahead the reception screen lists the schedule.
const RECEPTION_DAYS_AHEAD: i64 = 28;

/// The weeks the intake chart covers.
const CHART_WEEKS: u32 = 12;

/// How many earlier cases the repeat panel shows.
/// One more than shown: whether there are more (`form::EARLIER_SHOWN`).
const REPEATS: usize = crate::ui::form::EARLIER_SHOWN + 1;

/// Runs a write as the operator, now; the domain's warnings join the
/// message.
fn write(
    store: &mut Store,
    app: &App,
    req: impl FnOnce(String, chrono::DateTime<chrono::FixedOffset>) -> Request,
    done: impl FnOnce(&crate::store::Applied, Option<String>) -> Msg,
) -> Msg {
    let Some(operator) = &app.operator else {
        return Msg::Failed(crate::strings::form::no_operator(app.lang).to_owned());
    };
    // When the step was taken: one read of the desk's clock.
    let at = app.clock.now();
    match store.execute(&req(operator.name.clone(), at)) {
        Ok(applied) => {
            let notes: Vec<String> = applied
                .warnings
                .iter()
                .map(|w| crate::strings::warnings::warning(app.lang, w))
                .collect();
            let note = (!notes.is_empty()).then(|| notes.join("；"));
            done(&applied, note)
        }
        Err(e) => Msg::Failed(errors::store(app.lang, &e)),
    }
}

/// What a pause in typing is for, off the path from key to frame: the form's draft written,
/// and once, the clerk's first save readied (a rolled-back one, `store/warm.rs`).
pub fn idle(store: &mut Store, app: &mut App) {
    save_draft(store, app);
    // The dashboard's lists read further while nobody waits, as the cursor nears their end
    // (not behind the idle lock: nothing is read for a screen nobody may see).
    let locked = app.lock.is_some();
    if let Screen::Dashboard(d) = &mut app.screen
        && !locked
        && d.wants_more_soon()
    {
        let msg = execute(store, app, &Cmd::LoadDashboard);
        dispatch(store, app, msg);
    }
    if let Some(clerk) = app.warm_for.take() {
        store.warm_writes(&clerk, app.clock.now());
    }
}

/// Writes the open form's draft if it changed since the last one.
pub fn save_draft(store: &mut Store, app: &mut App) {
    if let Some(cmd) = app.draft_cmd() {
        let msg = execute(store, app, &cmd);
        dispatch(store, app, msg);
    }
}

/// Feeds `msg` to the app and runs every command it leads to.
pub fn dispatch(store: &mut Store, app: &mut App, msg: Msg) {
    dispatch_drawing(store, app, msg, &mut |_| {});
}

/// [`dispatch`], calling `draw` before each slow command ([`Cmd::is_slow`]) so the screen
/// says what is being made instead of sitting still.
pub fn dispatch_drawing(store: &mut Store, app: &mut App, msg: Msg, draw: &mut dyn FnMut(&App)) {
    let mut queue = vec![msg];
    while let Some(msg) = queue.pop() {
        for cmd in app.update(msg) {
            if cmd.is_slow() {
                draw(app);
            }
            queue.push(execute(store, app, &cmd));
        }
    }
}

/// Another process's commit since `seen` (the ledger's `data_version`):
/// the desk is told (`Msg::Changed`). Cheap: no table is read.
pub fn notice_commits(store: &mut Store, app: &mut App, seen: &mut Option<i64>) {
    let Ok(now) = store.data_version() else {
        return;
    };
    if seen.is_some_and(|s| s != now) {
        dispatch(store, app, Msg::Changed);
    }
    *seen = Some(now);
}

/// Draws one frame.
pub fn render<B: Backend>(terminal: &mut Terminal<B>, app: &App) -> Result<(), B::Error> {
    terminal.draw(|f| view::draw(app, f)).map(|_| ())
}
