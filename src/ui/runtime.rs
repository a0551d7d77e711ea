//! Runs the commands `update` asks for against the store and turns the
//! answers into messages. Generic over the backend so tests can drive it
//! with ratatui's TestBackend.

use ratatui::Terminal;
use ratatui::backend::Backend;

use super::app::{App, CaseScreen, Cmd, Filter, Msg};
use super::view;
use crate::domain::command::Command;
use crate::store::{CaseRef, ListFilter, Request, Store};
use crate::strings::{errors, labels};

pub fn execute(store: &mut Store, app: &App, cmd: &Cmd) -> Msg {
    let today = app.today;
    let fail = |e: crate::store::StoreError| Msg::Failed(errors::store(app.lang, &e));
    match cmd {
        Cmd::LoadCounts => store.counts(today).map_or_else(fail, Msg::Counts),
        Cmd::LoadPage {
            filter,
            start,
            limit,
        } => {
            // "Due soon" is counted in working days (policy); the list
            // filters by date, so turn it into the date it reaches.
            let office = store.office();
            let last = office
                .calendar
                .add_working_days(today, office.policy.due_soon_working_days);
            let due_soon_days = (last - today).num_days().max(0) as u32;
            let f = ListFilter {
                state: match filter {
                    Filter::State(s) => Some(*s),
                    _ => None,
                },
                overdue: *filter == Filter::Overdue,
                due_within: (*filter == Filter::DueSoon).then_some(due_soon_days),
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
            let Some(operator) = &app.operator else {
                return Msg::Failed(
                    app.lang
                        .pick("请先用 --as 选择操作员", "pick an operator first with --as")
                        .to_owned(),
                );
            };
            // The one clock read of the desk: when the petition was taken in.
            let at = chrono::Utc::now().with_timezone(&store.office().policy.utc_offset);
            let req = Request {
                case: None,
                expected_version: None,
                command: Command::Intake(input.clone()),
                actor: operator.name.clone(),
                at,
            };
            store
                .execute(&req)
                .map_or_else(fail, |a| Msg::Saved { id: a.id })
        }
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
                Ok(CaseScreen {
                    row,
                    events,
                    clock_names,
                    scroll: 0,
                })
            });
            r.map_or_else(fail, |c| Msg::Case(Box::new(c)))
        }
    }
}

/// Feeds `msg` to the app and runs every command it leads to.
pub fn dispatch(store: &mut Store, app: &mut App, msg: Msg) {
    let mut queue = vec![msg];
    while let Some(msg) = queue.pop() {
        for cmd in app.update(msg) {
            queue.push(execute(store, app, &cmd));
        }
    }
}

/// Draws one frame.
pub fn render<B: Backend>(terminal: &mut Terminal<B>, app: &App) -> Result<(), B::Error> {
    terminal.draw(|f| view::draw(app, f)).map(|_| ())
}
