//! Runs the commands `update` asks for against the store and turns the
//! answers into messages. Generic over the backend so tests can drive it
//! with ratatui's TestBackend.

use ratatui::Terminal;
use ratatui::backend::Backend;

use crate::domain::command::Command;
use crate::domain::repeat::PetitionerKey;
use crate::store::{CaseRef, ListFilter, Owner, Request, Store};
use crate::strings::{errors, labels};
use crate::ui::app::{App, CaseScreen, Cmd, Filter, Msg};
use crate::ui::form::action::Directory;
use crate::ui::form::draft::Draft;
use crate::ui::form::intake::RepeatQuery;
use crate::ui::screens::report::LoadedReport;
use crate::ui::view;

pub fn execute(store: &mut Store, app: &App, cmd: &Cmd) -> Msg {
    let today = app.today;
    let fail = |e: crate::store::StoreError| Msg::Failed(errors::store(app.lang, &e));
    match cmd {
        Cmd::LoadCounts => {
            let counts = store.counts(today).and_then(|mut c| {
                let office = store.office();
                let until = office
                    .calendar
                    .add_working_days(today, office.policy.due_soon_working_days);
                c.due_soon = store.count_due(today, until)?;
                Ok(c)
            });
            counts.map_or_else(fail, Msg::Counts)
        }
        Cmd::LoadPage { view, start, limit } => {
            let filter = &view.filter;
            // "Due soon" is counted in working days (policy); the list
            // filters by date, so turn it into the date it reaches.
            let due_soon_days = due_soon_days(store, today);
            let f = ListFilter {
                state: match filter {
                    Filter::State(s) => Some(*s),
                    _ => None,
                },
                overdue: *filter == Filter::Overdue,
                due_within: (*filter == Filter::DueSoon).then_some(due_soon_days),
                channel: view.channel,
                mine: match (&app.operator, view.mine) {
                    (Some(o), true) => Some((owner_of(o.role), o.name.clone())),
                    _ => None,
                },
                sort: view.sort,
                after: start.clone(),
                limit: limit + 1,
            };
            store.list(&f, today).map_or_else(fail, |rows| Msg::Page {
                rows,
                start: start.clone(),
            })
        }
        Cmd::Search { query, limit } => store
            .search(query, *limit, today)
            .map_or_else(fail, Msg::Found),
        Cmd::Intake(input) => {
            let req = |actor: String, at| Request {
                case: None,
                expected_version: None,
                command: Command::Intake(input.clone()),
                actor,
                at,
            };
            write(store, app, req, |a, note| Msg::Saved { id: a.id, note })
        }
        Cmd::Execute {
            id,
            version,
            command,
        } => {
            let op = command.op();
            let req = |actor: String, at| Request {
                case: Some(CaseRef::Id(*id)),
                expected_version: Some(*version),
                command: (**command).clone(),
                actor,
                at,
            };
            write(store, app, req, |a, note| Msg::Applied {
                id: a.id,
                op,
                note,
            })
        }
        Cmd::Attach { id, input } => {
            let req = |actor: String, at| Request {
                case: Some(CaseRef::Id(*id)),
                expected_version: None,
                command: Command::Attach(input.clone()),
                actor,
                at,
            };
            write(store, app, req, |a, _| Msg::Attached {
                id: a.id,
                case_no: a.case_no.clone().unwrap_or_else(|| format!("#{}", a.id)),
            })
        }
        Cmd::LoadDashboard => {
            let leader = app.operator.as_ref().map_or("", |o| o.name.as_str());
            store
                .dashboard(leader, today, due_soon_days(store, today), DASHBOARD_ROWS)
                .map_or_else(fail, |d| Msg::Dashboard(Box::new(d)))
        }
        // The desk lets only a leader here; the rule is checked again.
        Cmd::PutOperator(o) => as_manager(app).unwrap_or_else(|| {
            store
                .put_operator(o)
                .map_or_else(fail, |()| Msg::SettingsSaved)
        }),
        Cmd::PutDepartment(name) => as_manager(app).unwrap_or_else(|| {
            store
                .put_department(name, true)
                .map_or_else(fail, |()| Msg::SettingsSaved)
        }),
        Cmd::LoadReception => {
            let to = today + chrono::Duration::days(RECEPTION_DAYS_AHEAD);
            let loaded = store
                .reception_days(today, to)
                .and_then(|days| Ok((days, store.reception_records(today)?)));
            loaded.map_or_else(fail, |(days, records)| Msg::Reception(days, records))
        }
        Cmd::PutReceptionDay(day) => store
            .put_reception_day(day)
            .map_or_else(fail, |()| Msg::ReceptionSaved),
        Cmd::AddReception(rec, case) => {
            let Some(operator) = &app.operator else {
                return Msg::Failed(crate::strings::form::no_operator(app.lang).to_owned());
            };
            let mut rec = (**rec).clone();
            if let Some(c) = case {
                match store.case(&CaseRef::parse(c), today) {
                    Ok(row) => rec.case_id = Some(row.case.id),
                    Err(e) => return fail(e),
                }
            }
            let at = app.clock.now();
            store
                .add_reception_record(&rec, &operator.name, at)
                .map_or_else(fail, |_| Msg::ReceptionSaved)
        }
        Cmd::LoadReport(period) => store
            .report(*period, today, crate::domain::stats::DEFAULT_TOP)
            .map_or_else(fail, |r| {
                let policy = &store.office().policy;
                Msg::Report(Box::new(LoadedReport::new(r, app.lang, policy)))
            }),
        Cmd::WriteReport => write_report(store, app),
        Cmd::LoadCharts => store
            .charts(today, CHART_WEEKS)
            .map_or_else(fail, |c| Msg::Charts(Box::new(c))),
        Cmd::LoadDirectory => {
            let dir = store.departments().and_then(|departments| {
                Ok(Directory {
                    departments,
                    operators: store.operators()?,
                    office: store.office_profile()?,
                })
            });
            dir.map_or_else(fail, Msg::Directory)
        }
        Cmd::Repeats(query) => {
            let rows = match query {
                RepeatQuery::Person(key) => store.earlier_cases(key, REPEATS, today),
                RepeatQuery::Name(name) => store.cases_by_name(name, REPEATS, today),
            };
            rows.map_or_else(fail, |rows| Msg::Repeats {
                query: query.clone(),
                rows,
            })
        }
        Cmd::LoadDrafts => {
            let Some(o) = &app.operator else {
                return Msg::Idle;
            };
            store.drafts(&o.name).map_or_else(fail, |rows| {
                // A draft this program can no longer read is left alone.
                let drafts = rows
                    .into_iter()
                    .filter_map(|d| {
                        let mut draft: Draft = serde_json::from_str(&d.body).ok()?;
                        draft.saved_at = d.saved_at;
                        Some(draft)
                    })
                    .collect();
                Msg::Drafts(drafts)
            })
        }
        Cmd::SaveDraft(draft) => {
            let (Some(o), Ok(body)) = (&app.operator, serde_json::to_string(draft)) else {
                return Msg::Idle;
            };
            let at = app.clock.now();
            store
                .save_draft(&o.name, &draft.slot(), &body, at)
                .map_or_else(fail, |()| Msg::Idle)
        }
        Cmd::DropDraft(slot) => match &app.operator {
            Some(o) => store
                .drop_draft(&o.name, slot)
                .map_or_else(fail, |()| Msg::Idle),
            None => Msg::Idle,
        },
        Cmd::Document(c) => crate::ui::screens::documents::run::execute(store, app, c),
        Cmd::PutOffice(p) => as_manager(app).unwrap_or_else(|| {
            store
                .replace_office_profile(p)
                .map_or_else(fail, |()| Msg::SettingsSaved)
        }),
        Cmd::OpenCase(id) => {
            let r = store.case(&CaseRef::Id(*id), today).and_then(|row| {
                let events = store.events(*id)?;
                let policy = &store.office().policy;
                let clock_names = row
                    .clocks
                    .iter()
                    .map(|c| {
                        policy.clock(&c.key).map_or(c.key.clone(), |r| {
                            labels::clock_name(app.lang, r).to_owned()
                        })
                    })
                    .collect();
                let c = &row.case;
                let mut names = Vec::new();
                for id in c.intake.links.iter().chain(c.review_of.iter()) {
                    let other = store.case(&CaseRef::Id(*id), today)?;
                    names.push((*id, crate::ui::form::case_name(&other.case)));
                }
                let others = match c.intake.main_petitioner() {
                    Some(p) => {
                        let key = PetitionerKey::new(
                            p.id_number.as_deref(),
                            p.phone.as_deref(),
                            Some(&p.name),
                            p.address.as_deref(),
                            today,
                        );
                        let mut rows = store.earlier_cases(&key, REPEATS + 1, today)?;
                        rows.retain(|r| r.case.id != c.id);
                        rows
                    }
                    None => Vec::new(),
                };
                Ok(CaseScreen {
                    row,
                    events,
                    clock_names,
                    names,
                    others,
                    scroll: 0,
                })
            });
            r.map_or_else(fail, |c| Msg::Case(Box::new(c)))
        }
    }
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

/// "Due soon" is counted in working days (policy); lists filter by date,
/// so this is the number of calendar days it reaches from `today`.
fn due_soon_days(store: &Store, today: chrono::NaiveDate) -> u32 {
    let office = store.office();
    let last = office
        .calendar
        .add_working_days(today, office.policy.due_soon_working_days);
    (last - today).num_days().max(0) as u32
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

/// How many cases each list of the dashboard shows.
const DASHBOARD_ROWS: usize = 8;

/// How many earlier cases the repeat panel shows.
const REPEATS: usize = 8;

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
    // The one clock read of the desk: when the step was taken.
    let at = app.clock.now();
    match store.execute(&req(operator.name.clone(), at)) {
        Ok(applied) => {
            let notes: Vec<String> = applied
                .warnings
                .iter()
                .map(|w| errors::warning(app.lang, w))
                .collect();
            let note = (!notes.is_empty()).then(|| notes.join("；"));
            done(&applied, note)
        }
        Err(e) => Msg::Failed(errors::store(app.lang, &e)),
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

/// Draws one frame.
pub fn render<B: Backend>(terminal: &mut Terminal<B>, app: &App) -> Result<(), B::Error> {
    terminal.draw(|f| view::draw(app, f)).map(|_| ())
}

/// x on the report screen: the report shown, as HTML and CSV, in `reports/` beside the
/// ledger (made if missing). An existing file of the same period is replaced: the report is
/// made again from the ledger, so the newest is the right one.
fn write_report(store: &Store, app: &App) -> Msg {
    use crate::report::{Format, render};
    use crate::strings::{report as words, report_screen as say};
    let Some(loaded) = &app.report.loaded else {
        return Msg::Idle;
    };
    let dir = store
        .path()
        .parent()
        .unwrap_or_else(|| std::path::Path::new("."))
        .join("reports");
    if let Err(e) = std::fs::create_dir_all(&dir) {
        return Msg::Failed(say::cannot_make_folder(app.lang, &dir, &e));
    }
    let stem = say::file_stem(app.lang, &loaded.report.period);
    let policy = &store.office().policy;
    let mut written = Vec::new();
    for format in [Format::Html, Format::Csv] {
        let path = dir.join(format!("{stem}.{}", format.extension()));
        let body = render(&loaded.report, format, app.lang, policy);
        if let Err(e) = crate::files::write_private(&path, body.as_bytes()) {
            return Msg::Failed(words::cannot_write(app.lang, &path, &e));
        }
        written.push(path);
    }
    Msg::ReportWritten(written)
}
