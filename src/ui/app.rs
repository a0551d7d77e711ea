//! The desk's model: the session (operator, language, keys, clock, sizes,
//! the status line) and the screens, each carrying its own state. Its pure
//! `update` is in `update.rs` (messages) and `keys.rs` (keys), each screen's
//! part in `screens/<screen>/update.rs`. Nothing here reads the clock or the
//! ledger.

use std::sync::LazyLock;

use chrono::{FixedOffset, NaiveDate};

use crate::clock::Clock;
use crate::domain::rules::Operator;
use crate::store::{Charts, StateCounts};
use crate::strings::Lang;
use crate::ui::form::action::Directory;
use crate::ui::form::draft::Draft;
use crate::ui::keymap::{Context, Keymap};
pub use crate::ui::messages::{Cmd, Msg};
pub use crate::ui::screens::case::CaseScreen;
use crate::ui::screens::dashboard::DashboardScreen;
pub use crate::ui::screens::form::FormScreen;
pub use crate::ui::screens::queue::{Cursor, Filter, Queue, View};
use crate::ui::screens::reception::ReceptionScreen;
use crate::ui::screens::report::ReportScreen;
use crate::ui::screens::settings::SettingsScreen;

/// A screen and its state.
#[derive(Debug, Clone)]
pub enum Screen {
    Queue(Box<Queue>),
    /// The leader's dashboard: its lists and cursor.
    Dashboard(Box<DashboardScreen>),
    /// 统计图, with the figures loaded (empty until they come).
    Charts(Box<Charts>),
    /// 人员和部门: the list's cursor (the directory is the session's).
    Settings(SettingsScreen),
    /// 领导接待日: the schedule ahead and today's records.
    Reception(Box<ReceptionScreen>),
    /// 信访情况分析报告: the period last shown and its report.
    Report(Box<ReportScreen>),
    /// One case, with the documents panel over it when open.
    Case(Box<CaseScreen>),
    Form(Box<FormScreen>),
    /// 积案 (a leader's): made afresh each time, as the charts are.
    Backlog(Box<crate::ui::screens::backlog::BacklogScreen>),
}

/// The screens kept while another is shown: the lists, whose state comes
/// back as it was left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    Queue,
    Dashboard,
    Settings,
    Reception,
    Report,
}

impl Kept {
    /// Each kept screen once, as the desk opens (the report on this month).
    const ALL: [Kept; 5] = [
        Kept::Queue,
        Kept::Dashboard,
        Kept::Settings,
        Kept::Reception,
        Kept::Report,
    ];

    fn fresh(self, today: NaiveDate) -> Screen {
        match self {
            Kept::Queue => Screen::Queue(Box::default()),
            Kept::Dashboard => Screen::Dashboard(Box::default()),
            Kept::Settings => Screen::Settings(SettingsScreen::default()),
            Kept::Reception => Screen::Reception(Box::default()),
            Kept::Report => Screen::Report(Box::new(ReportScreen::new(today))),
        }
    }
}

impl Screen {
    /// Which kept screen this is; a case, a form or the charts are made
    /// afresh each time they are opened and dropped when left.
    pub fn kept(&self) -> Option<Kept> {
        match self {
            Screen::Queue(_) => Some(Kept::Queue),
            Screen::Dashboard(_) => Some(Kept::Dashboard),
            Screen::Settings(_) => Some(Kept::Settings),
            Screen::Reception(_) => Some(Kept::Reception),
            Screen::Report(_) => Some(Kept::Report),
            Screen::Charts(_) | Screen::Case(_) | Screen::Form(_) | Screen::Backlog(_) => None,
        }
    }
}

/// The draft found at start: offered, then, once taken for a case step,
/// waiting for its case to load.
#[derive(Debug, Clone)]
pub enum StartDraft {
    Offered(Draft),
    Restoring(Draft),
}

impl StartDraft {
    pub fn is_offered(&self) -> bool {
        matches!(self, StartDraft::Offered(_))
    }

    pub fn is_restoring(&self) -> bool {
        matches!(self, StartDraft::Restoring(_))
    }
}

#[derive(Debug, Clone)]
pub struct App {
    pub lang: Lang,
    pub operator: Option<Operator>,
    pub office_name: String,
    pub today: NaiveDate,
    /// The ledger's counts, in the queue's and the dashboard's headers.
    pub counts: StateCounts,
    /// The office's people and departments, for every form that names one.
    pub directory: Directory,
    pub categories: Vec<String>,
    /// The operator works from the dashboard (leaders) rather than the
    /// queue: where Esc leads back to.
    pub home_dashboard: bool,
    pub help: bool,
    pub message: Option<String>,
    pub page_size: usize,
    /// The terminal's height, as last drawn (the dashboard loads as deep as it draws).
    pub rows: u16,
    /// 积案 as it was left for one of its cases: where Esc from the case leads back to,
    /// its cursor where it was (dropped when another list is brought).
    pub from_backlog: Option<Box<crate::ui::screens::backlog::BacklogScreen>>,
    /// The step's form open was taken from the dashboard, on its selected case without
    /// opening it: saved or left, it goes back there rather than to the case.
    pub step_from_dashboard: bool,
    pub quit: bool,
    pub start_draft: Option<StartDraft>,
    /// The one clock: read by the runtime once per write (tests fix it).
    pub clock: Clock,
    pub keys: Keymap,
    /// The screen shown.
    pub screen: Screen,
    /// The idle lock over the desk (the screen and any form kept beneath it).
    pub lock: Option<crate::ui::screens::signin::SignIn>,
    /// The passphrase box of the settings (K): one's own, or a leader's reset.
    pub pass_dialog: Option<crate::ui::screens::signin::SignIn>,
    /// A person just added, to be given a one-time passphrase once they are saved.
    pub give_passphrase_to: Option<String>,
    /// When the last key came (the idle lock counts from it).
    pub last_input: Option<chrono::DateTime<FixedOffset>>,
    /// Minutes without a key before the desk locks (0: never); the office's policy.
    pub idle_lock_minutes: u32,
    /// The clerk whose first save the desk readies at its first pause (`store/warm.rs`).
    pub warm_for: Option<String>,
    /// The lists not shown, one of each [`Kept`]. Not a stack: the desk
    /// brings a list back as it was left not only from a case or form
    /// opened over it (Esc), but also after going home and back (the
    /// queue's view, the report's period, the settings' cursor), and a
    /// leader switches between queue and dashboard keeping both; so every
    /// list lives here while another screen is shown, and a case or form,
    /// made afresh each time, is simply dropped when left.
    pub kept: Vec<Screen>,
}

impl App {
    pub fn new(
        lang: Lang,
        operator: Option<Operator>,
        office_name: String,
        today: NaiveDate,
    ) -> App {
        let mut kept: Vec<Screen> = Kept::ALL.iter().map(|k| k.fresh(today)).collect();
        let screen = kept.remove(0);
        App {
            lang,
            operator,
            office_name,
            today,
            counts: StateCounts::default(),
            directory: Directory::default(),
            categories: crate::domain::rules::default_categories(),
            home_dashboard: false,
            help: false,
            message: None,
            page_size: 20,
            rows: 0,
            from_backlog: None,
            step_from_dashboard: false,
            quit: false,
            start_draft: None,
            // Beijing time until the desk opens on the office's own.
            clock: Clock::system(beijing()),
            keys: Keymap::default(),
            lock: None,
            pass_dialog: None,
            give_passphrase_to: None,
            last_input: None,
            idle_lock_minutes: crate::domain::policy::DEFAULT_IDLE_LOCK_MINUTES,
            warm_for: None,
            screen,
            kept,
        }
    }

    /// Shows `next`; the screen it replaces is kept if it is a list.
    pub fn show(&mut self, next: Screen) {
        let opens_case = matches!(next, Screen::Case(_));
        let left = std::mem::replace(&mut self.screen, next);
        match left {
            Screen::Backlog(b) if opens_case => self.from_backlog = Some(b),
            left if left.kept().is_some() => self.kept.push(left),
            _ => {}
        }
    }

    /// Shows the list `which` as it was left (a fresh one if it never was).
    pub fn bring(&mut self, which: Kept) {
        self.from_backlog = None;
        if self.screen.kept() == Some(which) {
            return;
        }
        let next = match self.kept.iter().position(|s| s.kept() == Some(which)) {
            Some(i) => self.kept.swap_remove(i),
            None => which.fresh(self.today),
        };
        self.show(next);
    }

    /// The list `which`, shown or kept.
    fn find(&self, which: Kept) -> Option<&Screen> {
        std::iter::once(&self.screen)
            .chain(&self.kept)
            .find(|s| s.kept() == Some(which))
    }

    fn find_mut(&mut self, which: Kept) -> Option<&mut Screen> {
        std::iter::once(&mut self.screen)
            .chain(&mut self.kept)
            .find(|s| s.kept() == Some(which))
    }
}

/// The state of each list, shown or kept (for the updates that fill a list
/// while another screen is shown, and for tests). Every list is always
/// there (`App::new` makes one of each, `show` keeps them): the empty one
/// a reader gets otherwise only answers for a `screen` replaced by hand.
impl App {
    pub fn queue(&self) -> &Queue {
        static NONE: LazyLock<Queue> = LazyLock::new(Queue::default);
        match self.find(Kept::Queue) {
            Some(Screen::Queue(q)) => q,
            _ => &NONE,
        }
    }

    pub fn queue_mut(&mut self) -> Option<&mut Queue> {
        match self.find_mut(Kept::Queue)? {
            Screen::Queue(q) => Some(q),
            _ => None,
        }
    }

    /// The 积案 screen, when it is the one shown.
    pub fn backlog(&self) -> Option<&crate::ui::screens::backlog::BacklogScreen> {
        if let Screen::Backlog(b) = &self.screen {
            Some(b)
        } else {
            None
        }
    }

    pub fn dash(&self) -> &DashboardScreen {
        static NONE: LazyLock<DashboardScreen> = LazyLock::new(DashboardScreen::default);
        match self.find(Kept::Dashboard) {
            Some(Screen::Dashboard(d)) => d,
            _ => &NONE,
        }
    }

    pub fn dash_mut(&mut self) -> Option<&mut DashboardScreen> {
        match self.find_mut(Kept::Dashboard)? {
            Screen::Dashboard(d) => Some(d),
            _ => None,
        }
    }

    /// The settings list's cursor.
    pub fn settings_selected(&self) -> usize {
        match self.find(Kept::Settings) {
            Some(Screen::Settings(s)) => s.selected,
            _ => 0,
        }
    }

    pub fn reception(&self) -> &ReceptionScreen {
        static NONE: LazyLock<ReceptionScreen> = LazyLock::new(ReceptionScreen::default);
        match self.find(Kept::Reception) {
            Some(Screen::Reception(r)) => r,
            _ => &NONE,
        }
    }

    pub fn reception_mut(&mut self) -> Option<&mut ReceptionScreen> {
        match self.find_mut(Kept::Reception)? {
            Screen::Reception(r) => Some(r),
            _ => None,
        }
    }

    pub fn report(&self) -> &ReportScreen {
        static NONE: LazyLock<ReportScreen> =
            LazyLock::new(|| ReportScreen::new(NaiveDate::default()));
        match self.find(Kept::Report) {
            Some(Screen::Report(r)) => r,
            _ => &NONE,
        }
    }

    pub fn report_mut(&mut self) -> Option<&mut ReportScreen> {
        match self.find_mut(Kept::Report)? {
            Screen::Report(r) => Some(r),
            _ => None,
        }
    }

    /// The charts' figures, when the charts are shown.
    pub fn charts(&self) -> Option<&Charts> {
        match &self.screen {
            Screen::Charts(c) => Some(c),
            _ => None,
        }
    }

    /// The draft offered at start, until answered.
    pub fn offered(&self) -> Option<&Draft> {
        match &self.start_draft {
            Some(StartDraft::Offered(d)) => Some(d),
            _ => None,
        }
    }

    /// The draft found at start, taken if it is at the stage `at`.
    pub(crate) fn take_start_draft(&mut self, at: fn(&StartDraft) -> bool) -> Option<Draft> {
        if !self.start_draft.as_ref().is_some_and(at) {
            return None;
        }
        match self.start_draft.take()? {
            StartDraft::Offered(d) | StartDraft::Restoring(d) => Some(d),
        }
    }

    /// The open form changed since its draft was last written.
    pub fn draft_due(&self) -> bool {
        matches!(&self.screen, Screen::Form(f) if f.draft_due)
    }
}

impl App {
    /// Sizes the queue's page to a window of `rows` rows: three header
    /// rows, two at the bottom (the search field and its hint).
    pub fn fit_rows(&mut self, rows: u16) {
        self.rows = rows;
        self.page_size = usize::from(rows.saturating_sub(5)).max(1);
    }

    /// The draft to write, if the open form changed since the last one.
    pub fn draft_cmd(&mut self) -> Option<Cmd> {
        match &mut self.screen {
            // Settings forms are short and need no draft.
            Screen::Form(f)
                if f.draft_due
                    && matches!(
                        f.purpose,
                        crate::ui::form::Purpose::Intake(_)
                            | crate::ui::form::Purpose::Action { .. }
                    ) =>
            {
                f.draft_due = false;
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
            self.bring(Kept::Dashboard);
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
            view: self.queue().view,
            start,
            limit: self.page_size,
        }
    }

    pub(crate) fn reload(&mut self) -> Vec<Cmd> {
        let start = self.queue_mut().and_then(|q| {
            q.follow = q.rows.get(q.selected).map(|r| r.case.id);
            q.page_starts.pop()
        });
        let start = start.flatten();
        vec![Cmd::LoadCounts, self.load(start)]
    }

    pub fn context(&self) -> Context {
        match &self.screen {
            Screen::Queue(_) => Context::Queue,
            Screen::Dashboard(_) => Context::Dashboard,
            Screen::Charts(_) => Context::Charts,
            Screen::Settings(_) => Context::Settings,
            Screen::Reception(_) => Context::Reception,
            Screen::Report(_) => Context::Report,
            Screen::Case(_) => Context::Case,
            Screen::Backlog(_) => Context::Backlog,
            Screen::Form(f) => f.keys(),
        }
    }

    /// Back on the dashboard after a step's form taken from it (its lists read again: the
    /// case may have moved); false when the form came from elsewhere.
    pub(crate) fn back_to_dashboard(&mut self, cmds: &mut Vec<Cmd>) -> bool {
        if !std::mem::take(&mut self.step_from_dashboard) {
            return false;
        }
        self.bring(Kept::Dashboard);
        cmds.push(Cmd::LoadDashboard);
        true
    }

    /// Leaves a form for the queue; its draft is no longer needed.
    pub(crate) fn leave_form(&mut self) -> Vec<Cmd> {
        let Screen::Form(f) = &self.screen else {
            return Vec::new();
        };
        let slot = f.draft().slot();
        self.bring(Kept::Queue);
        vec![Cmd::DropDraft(slot)]
    }

    pub(crate) fn search_cmd(&self) -> Vec<Cmd> {
        match &self.queue().search {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> App {
        let today = NaiveDate::from_ymd_opt(2025, 12, 10).expect("a date");
        App::new(Lang::Zh, None, String::new(), today)
    }

    #[test]
    fn a_list_comes_back_as_it_was_left() {
        let mut app = app();
        if let Some(q) = app.queue_mut() {
            q.selected = 3;
            q.view.mine = true;
        }
        app.show(Screen::Charts(Box::default()));
        assert!(app.charts().is_some());
        assert_eq!(app.queue().selected, 3, "kept while the charts are shown");
        app.bring(Kept::Queue);
        assert!(matches!(&app.screen, Screen::Queue(q) if q.selected == 3 && q.view.mine));
        // The charts, made afresh each time, are dropped; each list stays once.
        for which in [Kept::Report, Kept::Settings, Kept::Dashboard, Kept::Queue] {
            app.bring(which);
        }
        assert_eq!(app.kept.len(), Kept::ALL.len() - 1);
        assert!(app.charts().is_none());
    }

    #[test]
    fn the_draft_offered_is_taken_only_at_its_stage() {
        let mut app = app();
        let draft = Draft {
            of: crate::ui::form::draft::DraftOf::Settings,
            values: Vec::new(),
            main_row: 0,
            links: Vec::new(),
            focus: 0,
            version: None,
            saved_at: String::new(),
            case_no: None,
        };
        app.start_draft = Some(StartDraft::Restoring(draft));
        assert!(app.offered().is_none());
        assert!(app.take_start_draft(StartDraft::is_offered).is_none());
        assert!(app.take_start_draft(StartDraft::is_restoring).is_some());
        assert!(app.start_draft.is_none());
    }
}
