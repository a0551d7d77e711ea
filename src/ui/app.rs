//! The desk's state and its pure `update`: a key or a loaded result in,
//! commands for the store out. Nothing here reads the clock or the ledger.

use chrono::{FixedOffset, NaiveDate};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind};
use rusqlite::types::Value as SqlValue;

use super::form::Form;
use super::form::action::Directory;
use super::form::draft::{Draft, DraftOf};
use super::form::intake::{RepeatQuery, intake_form};
use super::keymap::{Action, Context, Keymap};
use super::update_dashboard::DashboardScreen;
use super::update_report::{LoadedReport, ReportScreen};
use super::widgets::text_field::TextField;
use crate::domain::command::{Command, IntakeInput};
use crate::domain::reception::{ReceptionDay, ReceptionRecord};
use crate::domain::rules::Operator;
use crate::domain::stats::Period;
use crate::domain::types::Channel;
use crate::domain::types::State;
use crate::store::{CaseRow, Charts, Dashboard, JournalEntry, Sort, StateCounts, StoredRecord};
use crate::strings::Lang;

/// Which slice of the queue is shown; `f` cycles through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Filter {
    #[default]
    All,
    Overdue,
    DueSoon,
    State(State),
}

impl Filter {
    const CYCLE: [Filter; 7] = [
        Filter::All,
        Filter::Overdue,
        Filter::DueSoon,
        Filter::State(State::Intake),
        Filter::State(State::Registered),
        Filter::State(State::Assigned),
        Filter::State(State::Replied),
    ];

    fn next(self) -> Filter {
        let i = Filter::CYCLE.iter().position(|f| *f == self).unwrap_or(0);
        Filter::CYCLE[(i + 1) % Filter::CYCLE.len()]
    }
}

/// The queue's view: the filter and, across it, the channel, "mine" and
/// the order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct View {
    pub filter: Filter,
    pub channel: Option<Channel>,
    pub mine: bool,
    pub sort: Sort,
}

impl View {
    fn next_channel(self) -> Option<Channel> {
        match self.channel {
            None => Channel::ALL.first().copied(),
            Some(c) => {
                let i = Channel::ALL.iter().position(|x| *x == c).unwrap_or(0);
                Channel::ALL.get(i + 1).copied()
            }
        }
    }

    fn next_sort(self) -> Sort {
        match self.sort {
            Sort::Newest => Sort::Oldest,
            Sort::Oldest => Sort::Due,
            Sort::Due => Sort::Newest,
        }
    }
}

pub type Cursor = Option<(SqlValue, i64)>;

#[derive(Debug, Clone, Default)]
pub struct Queue {
    pub rows: Vec<CaseRow>,
    pub selected: usize,
    /// Where each page shown so far began; the last one is the current page.
    pub page_starts: Vec<Cursor>,
    /// Where the next page begins, when there is one.
    pub next: Cursor,
    pub search: Option<TextField>,
}

#[derive(Debug, Clone)]
pub struct CaseScreen {
    pub row: CaseRow,
    pub events: Vec<JournalEntry>,
    /// The policy's name of each of `row.clocks`, in the desk's language.
    pub clock_names: Vec<String>,
    /// The case numbers of `intake.links` and `review_of`, by id.
    pub names: Vec<(i64, String)>,
    /// Other cases of the same petitioner, newest first.
    pub others: Vec<CaseRow>,
    pub scroll: u16,
}

#[derive(Debug, Clone)]
pub enum Screen {
    Queue,
    /// The leader's dashboard (its lists: `App::dash`).
    Dashboard,
    /// 统计图 (their figures: `App::charts`).
    Charts,
    /// 人员和部门 (from `App::directory`).
    Settings,
    /// 领导接待日 (`App::reception`).
    Reception,
    /// 信访情况分析报告 (`App::report`).
    Report,
    Case(Box<CaseScreen>),
    Form(Box<Form>),
}

#[derive(Debug, Clone)]
pub struct App {
    pub lang: Lang,
    pub operator: Option<Operator>,
    pub office_name: String,
    pub today: NaiveDate,
    pub counts: StateCounts,
    pub filter: Filter,
    /// Channel, "mine" and order (the filter is `filter`).
    pub view: View,
    pub queue: Queue,
    pub screen: Screen,
    pub help: bool,
    pub message: Option<String>,
    pub page_size: usize,
    pub quit: bool,
    /// `n` was pressed: the channel of the new intake is being chosen (a
    /// digit, or the arrows and Enter); the highlighted one.
    pub choosing_channel: Option<usize>,
    pub categories: Vec<String>,
    /// The office's UTC offset, for times typed into forms.
    pub offset: FixedOffset,
    pub directory: Directory,
    /// The form changed since its draft was last written.
    pub draft_due: bool,
    /// A draft found at start, offered for restoring.
    pub offered: Option<Draft>,
    /// A case-action draft waiting for its case to load.
    pub restoring: Option<Draft>,
    /// What the repeat panel last asked for.
    pub repeat_asked: Option<RepeatQuery>,
    /// The dashboard's lists and cursor, kept while a case is open.
    pub dash: DashboardScreen,
    /// The operator works from the dashboard (leaders) rather than the queue.
    pub home_dashboard: bool,
    pub charts: Charts,
    /// The settings list's cursor.
    pub settings_selected: usize,
    /// The reception schedule ahead and today's records.
    pub reception: (Vec<ReceptionDay>, Vec<StoredRecord>),
    /// The report screen's period and the report shown.
    pub report: ReportScreen,
    /// A fixed "now" for writes (tests); None reads the clock.
    pub clock: Option<chrono::DateTime<FixedOffset>>,
    pub keys: Keymap,
    /// The documents panel over the case screen (`p`).
    pub doc: Option<super::documents::DocPanel>,
}

/// What happened: a key, a paste, or a result the runtime loaded.
#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    Paste(String),
    Resize {
        rows: u16,
    },
    Page {
        rows: Vec<(CaseRow, SqlValue)>,
        start: Cursor,
    },
    Found(Vec<CaseRow>),
    Case(Box<CaseScreen>),
    Counts(StateCounts),
    Failed(String),
    /// An intake was committed; `note` carries the domain's warnings.
    Saved {
        id: i64,
        note: Option<String>,
    },
    /// An action on a case was committed.
    Applied {
        id: i64,
        op: &'static str,
        note: Option<String>,
    },
    /// A command that answers nothing (a draft written).
    Idle,
    /// An operator or department was stored.
    SettingsSaved,
    Reception(Vec<ReceptionDay>, Vec<StoredRecord>),
    /// A reception day or record was stored.
    ReceptionSaved,
    /// A repeat item joined this case.
    Attached {
        id: i64,
        case_no: String,
    },
    Directory(Directory),
    Repeats {
        query: RepeatQuery,
        rows: Vec<CaseRow>,
    },
    /// Drafts left by an earlier session of this operator.
    Drafts(Vec<Draft>),
    Dashboard(Box<Dashboard>),
    Charts(Box<Charts>),
    Report(Box<LoadedReport>),
    /// The report was written to these files.
    ReportWritten(Vec<std::path::PathBuf>),
    /// A document previewed or issued.
    Document(Box<super::documents::DocMsg>),
}

/// What the runtime should fetch from the store.
#[derive(Debug, Clone, PartialEq)]
pub enum Cmd {
    /// One page of `filter` starting after `start`, `limit` rows (+1 to
    /// know whether another page follows).
    LoadPage {
        view: View,
        start: Cursor,
        limit: usize,
    },
    Search {
        query: String,
        limit: usize,
    },
    OpenCase(i64),
    LoadCounts,
    LoadDashboard,
    LoadCharts,
    LoadReport(Period),
    /// Write the report shown as HTML and CSV beside the ledger.
    WriteReport,
    LoadDirectory,
    LoadDrafts,
    /// Take in a new petition as the operator.
    Intake(Box<IntakeInput>),
    /// Give `command` on a case, as of `version` (a stale edit is refused).
    Execute {
        id: i64,
        version: i64,
        command: Box<Command>,
    },
    /// Join the intake to an open case as a repeat item.
    Attach {
        id: i64,
        input: Box<IntakeInput>,
    },
    Repeats(RepeatQuery),
    /// Add or change an operator (a leader's settings).
    PutOperator(Box<Operator>),
    PutDepartment(String),
    LoadReception,
    PutReceptionDay(Box<ReceptionDay>),
    /// A reception record and the case number typed for it, if any.
    AddReception(Box<ReceptionRecord>, Option<String>),
    SaveDraft(Box<Draft>),
    DropDraft(String),
    /// Preview or issue a document.
    Document(super::documents::DocCmd),
    /// Store the office's letterhead (a leader's settings).
    PutOffice(Box<crate::domain::documents::OfficeProfile>),
}

impl Cmd {
    /// Commands that take long enough at a large ledger (a report, the charts) that the
    /// desk draws a frame first, which says what is being made.
    pub fn is_slow(&self) -> bool {
        matches!(
            self,
            Cmd::LoadReport(_) | Cmd::LoadCharts | Cmd::WriteReport
        )
    }
}

impl App {
    pub fn new(
        lang: Lang,
        operator: Option<Operator>,
        office_name: String,
        today: NaiveDate,
    ) -> App {
        App {
            lang,
            operator,
            office_name,
            today,
            counts: StateCounts::default(),
            filter: Filter::All,
            view: View::default(),
            queue: Queue::default(),
            screen: Screen::Queue,
            help: false,
            message: None,
            page_size: 20,
            quit: false,
            choosing_channel: None,
            categories: crate::domain::rules::default_categories(),
            // Beijing time until the runtime sets the office's own.
            offset: FixedOffset::east_opt(8 * 3600).expect("UTC+8 is a valid offset"),
            directory: Directory::default(),
            draft_due: false,
            offered: None,
            restoring: None,
            repeat_asked: None,
            dash: DashboardScreen::default(),
            home_dashboard: false,
            charts: Charts::default(),
            settings_selected: 0,
            reception: (Vec::new(), Vec::new()),
            report: ReportScreen::new(today),
            clock: None,
            keys: Keymap::default(),
            doc: None,
        }
    }

    /// Sizes the queue's page to a window of `rows` rows: three header
    /// rows, two at the bottom (the search field and its hint).
    pub fn fit_rows(&mut self, rows: u16) {
        self.page_size = usize::from(rows.saturating_sub(5)).max(1);
    }

    /// The draft to write, if the open form changed since the last one.
    pub fn draft_cmd(&mut self) -> Option<Cmd> {
        match &self.screen {
            // Settings forms are short and need no draft.
            Screen::Form(f)
                if self.draft_due
                    && matches!(
                        f.purpose,
                        super::form::Purpose::Intake(_) | super::form::Purpose::Action { .. }
                    ) =>
            {
                self.draft_due = false;
                Some(Cmd::SaveDraft(Box::new(f.draft())))
            }
            _ => None,
        }
    }

    /// The commands that fill the first screen. A leader starts on the
    /// dashboard, everyone else on the queue.
    pub fn start(&mut self) -> Vec<Cmd> {
        if self.leader() {
            self.home_dashboard = true;
            self.screen = Screen::Dashboard;
        }
        let mut cmds = vec![
            Cmd::LoadCounts,
            Cmd::LoadDirectory,
            self.load(None),
            Cmd::LoadDrafts,
        ];
        if self.home_dashboard {
            cmds.push(Cmd::LoadDashboard);
        }
        cmds
    }

    fn load(&self, start: Cursor) -> Cmd {
        Cmd::LoadPage {
            view: View {
                filter: self.filter,
                ..self.view
            },
            start,
            limit: self.page_size,
        }
    }

    pub(super) fn reload(&mut self) -> Vec<Cmd> {
        let start = self.queue.page_starts.last().cloned().flatten();
        self.queue.page_starts.pop();
        vec![Cmd::LoadCounts, self.load(start)]
    }

    pub fn context(&self) -> Context {
        match &self.screen {
            Screen::Queue => Context::Queue,
            Screen::Dashboard => Context::Dashboard,
            Screen::Charts => Context::Charts,
            Screen::Settings => Context::Settings,
            Screen::Reception => Context::Reception,
            Screen::Report => Context::Report,
            Screen::Case(_) => Context::Case,
            Screen::Form(f) => match f.purpose {
                super::form::Purpose::Intake(_) => Context::Form,
                _ => Context::Action,
            },
        }
    }

    pub fn update(&mut self, msg: Msg) -> Vec<Cmd> {
        match msg {
            // Only presses: Windows terminals also send releases, which
            // would double every character.
            Msg::Key(key) if key.kind != KeyEventKind::Press => Vec::new(),
            Msg::Key(key) => self.key(key),
            Msg::Paste(text) if matches!(self.screen, Screen::Form(_)) => {
                if let Screen::Form(f) = &mut self.screen {
                    f.paste(&text);
                }
                self.after_form_change()
            }
            Msg::Paste(text) => match &mut self.queue.search {
                Some(field) if matches!(self.screen, Screen::Queue) => {
                    field.insert(&text);
                    self.search_cmd()
                }
                _ => Vec::new(),
            },
            Msg::Resize { rows } => {
                let before = self.page_size;
                self.fit_rows(rows);
                // Nothing loaded yet (before `start`): nothing to reload.
                let loaded = !self.queue.page_starts.is_empty();
                if self.page_size != before && loaded && self.queue.search.is_none() {
                    return self.reload();
                }
                Vec::new()
            }
            Msg::Page { rows, start } => {
                let more = rows.len() > self.page_size;
                let mut rows = rows;
                rows.truncate(self.page_size);
                self.queue.next = if more {
                    rows.last().map(|(r, k)| (k.clone(), r.case.id))
                } else {
                    None
                };
                self.queue.page_starts.push(start);
                self.queue.rows = rows.into_iter().map(|(r, _)| r).collect();
                self.queue.selected = self
                    .queue
                    .selected
                    .min(self.queue.rows.len().saturating_sub(1));
                Vec::new()
            }
            Msg::Found(rows) => {
                self.queue.rows = rows;
                self.queue.selected = 0;
                self.queue.next = None;
                Vec::new()
            }
            Msg::Case(screen) => {
                let restoring = self.restoring.take();
                let draft_op = restoring.as_ref().and_then(|d| match &d.of {
                    DraftOf::Action { case_id, op } if *case_id == screen.row.case.id => {
                        Some(op.clone())
                    }
                    _ => None,
                });
                let row = screen.row.clone();
                self.screen = Screen::Case(screen);
                if let (Some(op), Some(draft)) = (draft_op, restoring) {
                    let op = Command::OPS.into_iter().find(|o| *o == op);
                    if let Some(op) = op {
                        self.open_action(op, &row);
                        if let Screen::Form(f) = &mut self.screen {
                            f.restore(&draft);
                        }
                    }
                }
                Vec::new()
            }
            Msg::Counts(c) => {
                self.counts = c;
                Vec::new()
            }
            // A refusal keeps the form and all it holds; the message says why.
            Msg::Failed(m) => {
                self.message = Some(m);
                Vec::new()
            }
            Msg::Idle => Vec::new(),
            Msg::Document(m) => self.doc_msg(*m),
            Msg::Reception(days, records) => {
                self.reception = (days, records);
                Vec::new()
            }
            Msg::ReceptionSaved => {
                self.message = Some(crate::strings::form::saved_settings(self.lang).to_owned());
                self.screen = Screen::Reception;
                vec![Cmd::LoadReception]
            }
            Msg::SettingsSaved => {
                self.message = Some(crate::strings::form::saved_settings(self.lang).to_owned());
                self.screen = Screen::Settings;
                vec![Cmd::LoadDirectory]
            }
            Msg::Saved { id, note } => {
                let saved = crate::strings::form::saved_intake(self.lang, id);
                self.message = Some(match note {
                    Some(n) => format!("{saved}；{n}"),
                    None => saved,
                });
                let mut cmds = self.leave_form();
                self.queue.page_starts.clear();
                self.queue.selected = 0;
                // Straight to the new case: the clerk decides next (d).
                cmds.extend([Cmd::LoadCounts, self.load(None), Cmd::OpenCase(id)]);
                cmds
            }
            Msg::Applied { id, op, note } => {
                let label = crate::strings::labels::op(self.lang, op);
                let done = crate::strings::form::applied(self.lang, label);
                self.message = Some(match note {
                    Some(n) => format!("{done}；{n}"),
                    None => done,
                });
                let mut cmds = self.leave_form();
                cmds.push(Cmd::LoadCounts);
                // On archive the case file (案卷) is made: volume number,
                // cover, contents, every document, the timeline.
                if op == "archive" {
                    cmds.push(Cmd::Document(super::documents::DocCmd::Issue {
                        case_id: id,
                        kind: crate::domain::documents::DocKind::CaseFile,
                        basis: None,
                    }));
                }
                cmds.push(Cmd::OpenCase(id));
                cmds
            }
            Msg::Attached { id, case_no } => {
                self.message = Some(crate::strings::form::attached(self.lang, &case_no));
                let mut cmds = self.leave_form();
                cmds.extend([Cmd::LoadCounts, Cmd::OpenCase(id)]);
                cmds
            }
            Msg::Directory(d) => {
                self.directory = d;
                Vec::new()
            }
            Msg::Repeats { query, rows } => {
                if let Screen::Form(f) = &mut self.screen
                    && f.repeat_query().as_ref() == Some(&query)
                {
                    f.repeats.name_only = matches!(query, RepeatQuery::Name(_));
                    f.repeats.selected = f.repeats.selected.min(rows.len().saturating_sub(1));
                    f.repeats.rows = rows;
                }
                Vec::new()
            }
            Msg::Dashboard(d) => {
                self.dash.refill(*d);
                Vec::new()
            }
            Msg::Charts(c) => {
                self.charts = *c;
                Vec::new()
            }
            // A report for a period no longer asked for (keys pressed while it was made).
            Msg::Report(r) if r.report.period != self.report.period => Vec::new(),
            Msg::Report(r) => {
                self.report.making = false;
                let last = r.height().saturating_sub(self.page_size.max(1));
                self.report.scroll = self.report.scroll.min(last);
                self.report.loaded = Some(r);
                Vec::new()
            }
            Msg::ReportWritten(paths) => {
                self.message = Some(crate::strings::report_screen::written(self.lang, &paths));
                Vec::new()
            }
            Msg::Drafts(drafts) => {
                self.offered = drafts.into_iter().next();
                Vec::new()
            }
        }
    }

    /// Leaves a form for the queue; its draft is no longer needed.
    pub(super) fn leave_form(&mut self) -> Vec<Cmd> {
        let Screen::Form(f) = &self.screen else {
            return Vec::new();
        };
        let slot = f.draft().slot();
        self.screen = Screen::Queue;
        self.draft_due = false;
        self.repeat_asked = None;
        vec![Cmd::DropDraft(slot)]
    }

    fn search_cmd(&self) -> Vec<Cmd> {
        match &self.queue.search {
            Some(f) if !f.value().trim().is_empty() => vec![Cmd::Search {
                query: f.value().to_owned(),
                limit: self.page_size,
            }],
            _ => vec![self.load(None)],
        }
    }

    fn key(&mut self, key: KeyEvent) -> Vec<Cmd> {
        self.message = None;
        // Ctrl-C quits from anywhere, a form included (its draft is kept:
        // the run loop writes it on the way out).
        if key.code == KeyCode::Char('c')
            && key
                .modifiers
                .contains(ratatui::crossterm::event::KeyModifiers::CONTROL)
        {
            self.quit = true;
            return Vec::new();
        }
        if self.help {
            self.help = false;
            return Vec::new();
        }
        if let Some(draft) = self.offered.take() {
            return self.answer_offer(key, draft);
        }
        if matches!(self.screen, Screen::Form(_)) {
            return self.form_key(key);
        }
        if let Some(at) = self.choosing_channel.take() {
            let n = Channel::ALL.len();
            let channel = match key.code {
                KeyCode::Char(c @ '1'..='6') => {
                    Channel::ALL.get(usize::from(c as u8 - b'1')).copied()
                }
                KeyCode::Enter => Channel::ALL.get(at).copied(),
                KeyCode::Right | KeyCode::Down | KeyCode::Tab => {
                    self.choosing_channel = Some((at + 1) % n);
                    None
                }
                KeyCode::Left | KeyCode::Up | KeyCode::BackTab => {
                    self.choosing_channel = Some((at + n - 1) % n);
                    None
                }
                _ => None,
            };
            if let Some(channel) = channel {
                self.screen = Screen::Form(Box::new(intake_form(
                    channel,
                    self.lang,
                    self.today,
                    self.offset,
                    &self.categories,
                )));
            } else if self.choosing_channel.is_none() && self.home_dashboard {
                // Cancelled: back to the leader's dashboard.
                return self.go_home();
            }
            return Vec::new();
        }
        if self.doc.is_some() && matches!(self.screen, Screen::Case(_)) {
            return self.doc_key(key);
        }
        if let Screen::Case(c) = &self.screen
            && self.keys.lookup(Context::Case, &key) == Some(Action::Document)
        {
            let id = c.row.case.id;
            return self.open_documents(id);
        }
        if let Screen::Case(c) = &self.screen
            && let Some(op) = self.keys.lookup(Context::Case, &key).and_then(|a| a.op())
        {
            let row = c.row.clone();
            return self.try_action(op, &row);
        }
        // A focused text field takes printable keys before any shortcut, so
        // typing q or j in a name never quits or moves.
        if let (Screen::Queue, Some(field)) = (&self.screen, &mut self.queue.search) {
            match key.code {
                KeyCode::Esc => {
                    self.queue.search = None;
                    self.queue.page_starts.clear();
                    return vec![self.load(None)];
                }
                KeyCode::Enter => return self.open_selected(),
                KeyCode::Down => {
                    self.queue.selected =
                        (self.queue.selected + 1).min(self.queue.rows.len().saturating_sub(1))
                }
                KeyCode::Up => self.queue.selected = self.queue.selected.saturating_sub(1),
                KeyCode::Backspace => {
                    field.backspace();
                    return self.search_cmd();
                }
                KeyCode::Delete => {
                    field.delete();
                    return self.search_cmd();
                }
                KeyCode::Left => field.left(),
                KeyCode::Right => field.right(),
                KeyCode::Home => field.home(),
                KeyCode::End => field.end(),
                KeyCode::Char(c)
                    if !key
                        .modifiers
                        .contains(ratatui::crossterm::event::KeyModifiers::CONTROL) =>
                {
                    field.insert(c.encode_utf8(&mut [0; 4]));
                    return self.search_cmd();
                }
                _ => {}
            }
            return Vec::new();
        }
        let Some(action) = self.keys.lookup(self.context(), &key) else {
            return Vec::new();
        };
        match (action, &mut self.screen) {
            (Action::Quit, _) => {
                self.quit = true;
                Vec::new()
            }
            (Action::Help, _) => {
                self.help = true;
                Vec::new()
            }
            (Action::Refresh, Screen::Case(c)) => vec![Cmd::OpenCase(c.row.case.id)],
            (Action::Refresh, Screen::Queue) => self.reload(),
            (Action::SwitchView, Screen::Queue) => {
                self.home_dashboard = true;
                self.go_home()
            }
            (Action::Charts, Screen::Queue | Screen::Dashboard) => {
                self.screen = Screen::Charts;
                vec![Cmd::LoadCharts]
            }
            (Action::Back, Screen::Charts) => self.go_home(),
            (Action::Report, Screen::Queue | Screen::Dashboard | Screen::Charts) => {
                self.open_report()
            }
            (action, Screen::Report) => self.report_key(action),
            (Action::Settings, Screen::Queue | Screen::Dashboard) => {
                self.screen = Screen::Settings;
                vec![Cmd::LoadDirectory]
            }
            (action, Screen::Settings) => self.settings_key(action),
            (Action::Reception, Screen::Queue | Screen::Dashboard) => {
                self.screen = Screen::Reception;
                vec![Cmd::LoadReception]
            }
            (action, Screen::Reception) => self.reception_key(action),
            (Action::Refresh, Screen::Charts) => vec![Cmd::LoadCharts],
            (action, Screen::Dashboard) => self.dashboard_key(action),
            (Action::Back, Screen::Case(_)) if self.home_dashboard => self.go_home(),
            (Action::Back, Screen::Case(_)) => {
                self.screen = Screen::Queue;
                // Back to what the queue showed: the search results, if a
                // search is open, else the current page.
                match self.queue.search {
                    Some(_) => {
                        let mut cmds = vec![Cmd::LoadCounts];
                        cmds.extend(self.search_cmd());
                        cmds
                    }
                    None => self.reload(),
                }
            }
            (Action::Down, Screen::Case(c)) => {
                c.scroll = c.scroll.saturating_add(1);
                Vec::new()
            }
            (Action::Up, Screen::Case(c)) => {
                c.scroll = c.scroll.saturating_sub(1);
                Vec::new()
            }
            (Action::Down, Screen::Queue) => {
                if self.queue.selected + 1 < self.queue.rows.len() {
                    self.queue.selected += 1;
                    Vec::new()
                } else {
                    self.next_page()
                }
            }
            (Action::Up, Screen::Queue) => {
                if self.queue.selected > 0 {
                    self.queue.selected -= 1;
                    Vec::new()
                } else {
                    self.prev_page(true)
                }
            }
            (Action::PageDown, Screen::Queue) => self.next_page(),
            (Action::PageUp, Screen::Queue) => self.prev_page(false),
            (Action::Open, Screen::Queue) => self.open_selected(),
            (Action::New, Screen::Queue) => self.new_intake(),
            (Action::Search, Screen::Queue) => {
                self.queue.search = Some(TextField::default());
                Vec::new()
            }
            (Action::Filter, Screen::Queue) => {
                self.filter = self.filter.next();
                self.first_page()
            }
            (Action::FilterChannel, Screen::Queue) => {
                self.view.channel = self.view.next_channel();
                self.first_page()
            }
            (Action::Mine, Screen::Queue) => {
                self.view.mine = !self.view.mine;
                self.first_page()
            }
            (Action::Sort, Screen::Queue) => {
                self.view.sort = self.view.next_sort();
                self.first_page()
            }
            _ => Vec::new(),
        }
    }

    /// `n`: pick the channel of a new intake. A handler is told at once,
    /// not after filling the form.
    pub(super) fn new_intake(&mut self) -> Vec<Cmd> {
        let refused = self
            .operator
            .as_ref()
            .map(crate::domain::workflow::may_take_in);
        match refused {
            Some(Err(e)) => self.message = Some(crate::strings::errors::workflow(self.lang, &e)),
            _ => self.choosing_channel = Some(0),
        }
        Vec::new()
    }

    fn first_page(&mut self) -> Vec<Cmd> {
        self.queue.page_starts.clear();
        self.queue.selected = 0;
        vec![self.load(None)]
    }

    fn next_page(&mut self) -> Vec<Cmd> {
        match self.queue.next.clone() {
            Some(next) => {
                self.queue.selected = 0;
                vec![self.load(Some(next))]
            }
            None => Vec::new(),
        }
    }

    fn prev_page(&mut self, to_last_row: bool) -> Vec<Cmd> {
        if self.queue.page_starts.len() < 2 {
            return Vec::new();
        }
        self.queue.page_starts.pop();
        let start = self.queue.page_starts.pop().flatten();
        self.queue.selected = if to_last_row { self.page_size - 1 } else { 0 };
        vec![self.load(start)]
    }

    fn open_selected(&mut self) -> Vec<Cmd> {
        match self.queue.rows.get(self.queue.selected) {
            Some(r) => vec![Cmd::OpenCase(r.case.id)],
            None => Vec::new(),
        }
    }
}
