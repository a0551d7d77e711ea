//! The desk's model: the session (operator, language, keys, clock, sizes,
//! the status line) and the screen shown. Its pure `update` is in
//! `update.rs` (messages) and `keys.rs` (keys), each screen's part in
//! `screens/<screen>/update.rs`. Nothing here reads the clock or the ledger.

use chrono::{FixedOffset, NaiveDate};

use crate::clock::Clock;
use crate::domain::reception::ReceptionDay;
use crate::domain::rules::Operator;
use crate::store::{Charts, StateCounts, StoredRecord};
use crate::strings::Lang;
use crate::ui::form::Form;
use crate::ui::form::action::Directory;
use crate::ui::form::draft::Draft;
use crate::ui::form::intake::RepeatQuery;
use crate::ui::keymap::{Context, Keymap};
pub use crate::ui::messages::{Cmd, Msg};
pub use crate::ui::screens::case::CaseScreen;
use crate::ui::screens::dashboard::DashboardScreen;
pub use crate::ui::screens::queue::{Cursor, Filter, Queue, View};
use crate::ui::screens::report::ReportScreen;

#[derive(Debug, Clone)]
pub enum Screen {
    Queue,
    /// The leader's dashboard (its lists: `App::dash`, kept while a case
    /// opened from it is shown).
    Dashboard,
    /// 统计图, with the figures loaded (empty until they come).
    Charts(Box<Charts>),
    /// 人员和部门 (from `App::directory`; its cursor, kept across its forms:
    /// `App::settings_selected`).
    Settings,
    /// 领导接待日 (`App::reception`, kept across its forms).
    Reception,
    /// 信访情况分析报告 (`App::report`: the period last shown is kept).
    Report,
    /// One case, with the documents panel over it when open.
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
    /// The queue's filter and, across it, the channel, "mine" and the order.
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
    /// The settings list's cursor.
    pub settings_selected: usize,
    /// The reception schedule ahead and today's records.
    pub reception: (Vec<ReceptionDay>, Vec<StoredRecord>),
    /// The report screen's period and the report shown.
    pub report: ReportScreen,
    /// The one clock: read by the runtime once per write (tests fix it).
    pub clock: Clock,
    pub keys: Keymap,
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
            view: View::default(),
            queue: Queue::default(),
            screen: Screen::Queue,
            help: false,
            message: None,
            page_size: 20,
            quit: false,
            choosing_channel: None,
            categories: crate::domain::rules::default_categories(),
            offset: beijing(),
            directory: Directory::default(),
            draft_due: false,
            offered: None,
            restoring: None,
            repeat_asked: None,
            dash: DashboardScreen::default(),
            home_dashboard: false,
            settings_selected: 0,
            reception: (Vec::new(), Vec::new()),
            report: ReportScreen::new(today),
            // Beijing time until the desk opens on the office's own.
            clock: Clock::system(beijing()),
            keys: Keymap::default(),
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
                        crate::ui::form::Purpose::Intake(_)
                            | crate::ui::form::Purpose::Action { .. }
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

    pub(crate) fn load(&self, start: Cursor) -> Cmd {
        Cmd::LoadPage {
            view: self.view,
            start,
            limit: self.page_size,
        }
    }

    pub(crate) fn reload(&mut self) -> Vec<Cmd> {
        let start = self.queue.page_starts.last().cloned().flatten();
        self.queue.page_starts.pop();
        vec![Cmd::LoadCounts, self.load(start)]
    }

    /// The charts' figures, when the charts are shown.
    pub fn charts(&self) -> Option<&Charts> {
        match &self.screen {
            Screen::Charts(c) => Some(c),
            _ => None,
        }
    }

    pub fn context(&self) -> Context {
        match &self.screen {
            Screen::Queue => Context::Queue,
            Screen::Dashboard => Context::Dashboard,
            Screen::Charts(_) => Context::Charts,
            Screen::Settings => Context::Settings,
            Screen::Reception => Context::Reception,
            Screen::Report => Context::Report,
            Screen::Case(_) => Context::Case,
            Screen::Form(f) => match f.purpose {
                crate::ui::form::Purpose::Intake(_) => Context::Form,
                _ => Context::Action,
            },
        }
    }

    /// Leaves a form for the queue; its draft is no longer needed.
    pub(crate) fn leave_form(&mut self) -> Vec<Cmd> {
        let Screen::Form(f) = &self.screen else {
            return Vec::new();
        };
        let slot = f.draft().slot();
        self.screen = Screen::Queue;
        self.draft_due = false;
        self.repeat_asked = None;
        vec![Cmd::DropDraft(slot)]
    }

    pub(crate) fn search_cmd(&self) -> Vec<Cmd> {
        match &self.queue.search {
            // One or two digits: the queue stays as it was, the hint asks for a third.
            Some(f)
                if !f.value().trim().is_empty()
                    && !crate::store::search::needs_more_digits(f.value()) =>
            {
                vec![Cmd::Search {
                    query: f.value().to_owned(),
                    limit: self.page_size,
                }]
            }
            _ => vec![self.load(None)],
        }
    }
}

/// UTC+8, the offset of an office until its policy says otherwise.
fn beijing() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("UTC+8 is a valid offset")
}
