//! The 积案 screen's store work, as `runtime::execute` runs its commands: the list (every id,
//! the rows around the cursor), more rows, a change of one case's file.

use crate::store::{CaseRef, Store, StoreError};
use crate::strings::errors;
use crate::ui::app::{App, Msg};

/// A change of one 积案's file, then the list again.
pub(crate) fn change(
    store: &mut Store,
    app: &App,
    case: &str,
    change: &crate::domain::backlog::BacklogChange,
) -> Msg {
    let r = CaseRef::parse(case);
    match store.change_backlog(
        app.operator.as_ref().map_or("", |o| o.name.as_str()),
        app.clock.now(),
        &r,
        change,
    ) {
        Ok(_) => load(store, app, true),
        Err(e) => Msg::Failed(errors::store(app.lang, &e)),
    }
}

/// 积案: every id, and the rows around the cursor, with the office's rule for the title.
pub(crate) fn load(store: &Store, app: &App, saved: bool) -> Msg {
    let p = &store.office().policy;
    let rule = (p.backlog_overdue_days, p.backlog_repeats);
    let load = || -> Result<Msg, StoreError> {
        let ids = store.backlog_ids(app.today)?;
        // Where the cursor was (opened anew: the top).
        let selected = app.backlog().map_or(0, |b| b.place(&ids));
        let range = super::window(selected, ids.len());
        let page = page(store, app, range.start, ids[range].to_vec())?;
        Ok(Msg::Backlog(Box::new(super::Loaded {
            ids,
            selected,
            page,
            rule,
            saved,
        })))
    };
    load().unwrap_or_else(|e| Msg::Failed(errors::store(app.lang, &e)))
}

/// More 积案 rows, for the cursor moved past those loaded.
pub(crate) fn more(store: &Store, app: &App, first: usize, ids: &[i64]) -> Msg {
    match page(store, app, first, ids.to_vec()) {
        Ok(page) => Msg::BacklogPage(Box::new(page)),
        Err(e) => Msg::Failed(errors::store(app.lang, &e)),
    }
}

/// The rows of 积案 `ids`, from `first` of the list.
fn page(store: &Store, app: &App, first: usize, ids: Vec<i64>) -> Result<super::Page, StoreError> {
    let rows = store.backlog_rows(&ids, app.today)?;
    Ok(super::Page { first, ids, rows })
}
