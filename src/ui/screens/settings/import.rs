//! `I` on the settings screen: an old register (台账) imported from the desk, the same
//! way as `xinfang import` — the file planned row by row first (the dry run, shown here,
//! nothing written), then, on `I` again, written as the signed-in leader, a batch of rows
//! per transaction (`import::write`). Rows with problems block the write unless the form
//! asked to skip them; they then go to `<file>.skipped.csv` to be corrected.

use std::path::{Path, PathBuf};

pub use super::ImportView;
use crate::import::header::Mapping;
use crate::import::{Plan, PlanError, plan_in, skipped_csv, skipped_path, write};
use crate::store::Store;
use crate::strings::{Lang, errors, import as text};
use crate::ui::app::{App, Cmd, FormScreen, Screen};
use crate::ui::form::Purpose;
use crate::ui::form::import::{ImportRequest, import_form};
use crate::ui::keymap::Action;
use crate::ui::messages::Msg;

/// Plans (`write` false) or plans and writes the request; the clock is read here, once.
pub fn execute(store: &mut Store, app: &App, req: &ImportRequest, write_it: bool) -> Msg {
    run(store, app, req, write_it).unwrap_or_else(Msg::Failed)
}

fn run(store: &mut Store, app: &App, req: &ImportRequest, write_it: bool) -> Result<Msg, String> {
    let lang = app.lang;
    let who = app
        .operator
        .as_ref()
        .map(|o| o.name.clone())
        .ok_or_else(|| crate::strings::form::no_operator(lang).to_owned())?;
    let fail = |e| errors::store(lang, &e);
    let file = PathBuf::from(req.file.trim());
    let map = mapping(&req.map, lang)?;
    let plan =
        plan_in(store, &who, &file, None, &map, lang, app.clock.now()).map_err(|e| match e {
            PlanError::Store(e) => fail(e),
            PlanError::File(e) => text::import_error(lang, &file, &e),
        })?;
    let mut view = shown(lang, req, &plan);
    if !write_it {
        return Ok(Msg::Import(Box::new(view)));
    }
    if !view.can_write() {
        return Err(text::nothing_to_write(lang, view.bad));
    }
    let mut summary = Vec::new();
    if view.bad > 0 {
        let to = skipped_path(&file);
        let bytes = skipped_csv(&plan, text::problem_head(lang), |p| text::problem(lang, p));
        crate::store::write_whole(&to, &bytes)
            .map_err(|e| text::cannot_read(lang, &to, &e.to_string()))?;
        summary.push(text::skipped_to(lang, &to));
    }
    let made = write(store, &plan, &who, |_| {})
        .map_err(|(row, e)| text::failed_at(lang, row, &errors::store(lang, &e)))?;
    summary.insert(0, text::imported(lang, made, view.bad));
    view.summary = summary.join(lang.pick("；", "; "));
    view.written = true;
    Ok(Msg::Import(Box::new(view)))
}

fn shown(lang: Lang, req: &ImportRequest, plan: &Plan) -> ImportView {
    let (new, bad) = (plan.new_rows().count(), plan.bad_rows().count());
    let already = plan.rows.iter().filter(|r| r.already).count();
    // The rows with problems first: they are what the leader has to act on.
    let mut rows: Vec<_> = plan.rows.iter().collect();
    rows.sort_by_key(|r| (r.ok(), r.line));
    // What will not come in besides bad rows, said above the rows.
    let notes = text::plan_notes(lang, plan);
    ImportView {
        request: req.clone(),
        lines: (notes.into_iter())
            .chain(rows.iter().map(|r| text::row(lang, r)))
            .collect(),
        summary: text::summary(lang, new, bad, already),
        new,
        bad,
        written: false,
        scroll: 0,
    }
}

/// The form's 表头对照: a mapping file's path, or `theirs=ours` pairs split by `；`, `;`
/// or `，`.
fn mapping(typed: &str, lang: Lang) -> Result<Mapping, String> {
    let mut map = Mapping::default();
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(map);
    }
    let path = Path::new(typed);
    if !typed.contains('=') {
        let bytes =
            std::fs::read(path).map_err(|e| text::cannot_read(lang, path, &e.to_string()))?;
        let file_text = crate::import::read::decode(&bytes);
        return map
            .add_file(&file_text)
            .map(|()| map)
            .map_err(|p| text::bad_map(lang, &p));
    }
    for pair in typed
        .split(['；', ';', '，', ','])
        .filter(|p| !p.trim().is_empty())
    {
        map.add(pair).map_err(|p| text::bad_map(lang, &p))?;
    }
    Ok(map)
}

impl App {
    /// `I`: the import form, on what was last asked (a leader's: refused otherwise).
    pub(crate) fn open_import(&mut self) -> Vec<Cmd> {
        if !self.may_change() {
            return Vec::new();
        }
        let last = match &self.screen {
            Screen::Settings(s) => s.last_import.clone(),
            _ => ImportRequest::default(),
        };
        let form = import_form(&last, self.lang, self.today, self.clock.offset());
        self.show(Screen::Form(Box::new(FormScreen::new(form))));
        Vec::new()
    }

    /// A plan (or a write) came back: shown on the settings screen.
    pub(crate) fn on_import(&mut self, view: ImportView) -> Vec<Cmd> {
        // The form planned: its draft goes with it (what it asked is kept as `last_import`).
        let cmds = match &self.screen {
            Screen::Form(f) if f.purpose == Purpose::Import => {
                vec![Cmd::DropDraft(f.draft().slot())]
            }
            _ => Vec::new(),
        };
        self.bring(crate::ui::app::Kept::Settings);
        if view.written {
            self.message = Some(view.summary.clone());
        }
        if let Screen::Settings(s) = &mut self.screen {
            s.last_import = view.request.clone();
            s.import = Some(Box::new(view));
        }
        cmds
    }

    /// Keys while a plan is shown: scroll, write, back to the directory.
    pub(crate) fn import_key(&mut self, action: Action) -> Vec<Cmd> {
        let page = self.page_size.max(1);
        let Screen::Settings(s) = &mut self.screen else {
            return Vec::new();
        };
        let Some(v) = s.import.as_mut() else {
            return Vec::new();
        };
        let last = v.lines.len().saturating_sub(1);
        match action {
            Action::Down => v.scroll = (v.scroll + 1).min(last),
            Action::Up => v.scroll = v.scroll.saturating_sub(1),
            Action::PageDown => v.scroll = (v.scroll + page).min(last),
            Action::PageUp => v.scroll = v.scroll.saturating_sub(page),
            Action::Import if v.can_write() => {
                return vec![Cmd::RunImport(Box::new(v.request.clone()))];
            }
            Action::Import => {
                let why = text::nothing_to_write(self.lang, if v.written { 0 } else { v.bad });
                self.message = Some(why);
            }
            Action::Back => s.import = None,
            _ => {}
        }
        Vec::new()
    }
}
