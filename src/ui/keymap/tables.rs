//! The built-in keys of every screen, a table per section of `keys.toml`.

use ratatui::crossterm::event::KeyCode;

use super::Action;
use super::key::{Key, ch, ctrl, plain};

/// The sections of `keys.toml`. Each holds the actions of one table; a
/// screen's keys are the union of its sections (`Context::sections`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Queue,
    Case,
    Form,
    Action,
    Setup,
    Dashboard,
    Charts,
    Settings,
    Reception,
    Report,
    /// j/k: moving by row or line, on the queue and the case screen.
    Move,
    /// Refresh, help and quit: on the queue and the case screen.
    Common,
    /// 积案 (before the fixed ones: the keymap's tables are indexed by `Section as usize`).
    Backlog,
    /// The new intake's channel chooser (fixed: not in `keys.toml`).
    Chooser,
    /// The queue's search line (fixed: its printable keys are typed).
    SearchLine,
}

impl Section {
    pub const ALL: [Section; 13] = [
        Section::Queue,
        Section::Case,
        Section::Form,
        Section::Action,
        Section::Setup,
        Section::Dashboard,
        Section::Charts,
        Section::Settings,
        Section::Reception,
        Section::Report,
        Section::Move,
        Section::Common,
        Section::Backlog,
    ];

    /// Sections with built-in keys only: `keys.toml` cannot name them.
    pub const FIXED: [Section; 2] = [Section::Chooser, Section::SearchLine];

    pub fn name(self) -> &'static str {
        match self {
            Section::Chooser => "chooser",
            Section::SearchLine => "search_line",
            Section::Queue => "queue",
            Section::Case => "case",
            Section::Form => "form",
            Section::Action => "action",
            Section::Setup => "setup",
            Section::Dashboard => "dashboard",
            Section::Charts => "charts",
            Section::Settings => "settings",
            Section::Reception => "reception",
            Section::Report => "report",
            Section::Move => "move",
            Section::Common => "common",
            Section::Backlog => "backlog",
        }
    }

    pub(super) fn parse(name: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.name() == name)
    }

    /// Sections whose screens type text: plain characters stay for typing.
    pub(super) fn types_text(self) -> bool {
        match self {
            Section::Form | Section::Action | Section::Setup | Section::SearchLine => true,
            Section::Queue
            | Section::Case
            | Section::Dashboard
            | Section::Charts
            | Section::Settings
            | Section::Reception
            | Section::Report
            | Section::Move
            | Section::Common
            | Section::Chooser
            | Section::Backlog => false,
        }
    }

    pub(super) fn defaults(self) -> &'static [(Action, &'static [Key])] {
        match self {
            Section::Queue => QUEUE,
            Section::Case => CASE,
            Section::Form => FORM,
            Section::Action | Section::Setup => SMALL_FORM,
            Section::Dashboard => DASHBOARD,
            Section::Charts => CHARTS,
            Section::Settings => SETTINGS,
            Section::Reception => RECEPTION,
            Section::Report => REPORT,
            Section::Move => MOVE,
            Section::Common => COMMON,
            Section::Chooser => CHOOSER,
            Section::SearchLine => SEARCH_LINE,
            Section::Backlog => BACKLOG,
        }
    }
}

/// The channel chooser of a new intake: the arrows or Tab move, Enter
/// takes the one highlighted (a channel's number takes it at once; any
/// other key cancels).
pub(super) const CHOOSER: &[(Action, &[Key])] = &[
    (
        Action::Down,
        &[
            plain(KeyCode::Right),
            plain(KeyCode::Down),
            plain(KeyCode::Tab),
        ],
    ),
    (
        Action::Up,
        &[
            plain(KeyCode::Left),
            plain(KeyCode::Up),
            plain(KeyCode::BackTab),
        ],
    ),
    (Action::Open, &[plain(KeyCode::Enter)]),
    (Action::Back, &[plain(KeyCode::Esc)]),
];

/// The queue's search line: the arrows move through the results, Enter
/// opens one, Esc closes the line; every other key edits the query.
pub(super) const SEARCH_LINE: &[(Action, &[Key])] = &[
    (Action::Down, &[plain(KeyCode::Down)]),
    (Action::Up, &[plain(KeyCode::Up)]),
    (Action::Open, &[plain(KeyCode::Enter)]),
    (Action::Back, &[plain(KeyCode::Esc)]),
];

pub(super) const QUEUE: &[(Action, &[Key])] = &[
    (Action::PageDown, &[plain(KeyCode::PageDown), ch(' ')]),
    (Action::PageUp, &[plain(KeyCode::PageUp)]),
    (Action::Open, &[plain(KeyCode::Enter)]),
    (Action::Search, &[ch('/')]),
    (Action::Filter, &[ch('f')]),
    (Action::FilterChannel, &[ch('c')]),
    (Action::Mine, &[ch('m')]),
    (Action::Sort, &[ch('o')]),
    (Action::New, &[ch('n')]),
    (Action::SwitchView, &[ch('w')]),
    (Action::Charts, &[ch('t')]),
    (Action::Report, &[ch('y')]),
    (Action::Settings, &[ch('p')]),
    (Action::Reception, &[ch('h')]),
    (Action::Backlog, &[ch('J')]),
];

/// People and departments: Enter changes the selected person.
pub(super) const SETTINGS: &[(Action, &[Key])] = &[
    (Action::Open, &[plain(KeyCode::Enter)]),
    (Action::New, &[ch('n')]),
    (Action::NewDepartment, &[ch('N')]),
    (Action::Office, &[ch('o')]),
    (Action::Journal, &[ch('l')]),
    (Action::Back, &[plain(KeyCode::Esc)]),
    (Action::Passphrase, &[ch('K')]),
    (Action::Import, &[ch('I')]),
];

/// 领导接待日: record a reception, put a day on the schedule.
pub(super) const RECEPTION: &[(Action, &[Key])] = &[
    (Action::New, &[ch('n')]),
    (Action::Schedule, &[ch('a')]),
    (Action::Back, &[plain(KeyCode::Esc)]),
];

/// The charts: the report beside them, or back to where the operator works.
pub(super) const CHARTS: &[(Action, &[Key])] = &[
    (Action::Report, &[ch('y')]),
    (Action::Back, &[plain(KeyCode::Esc)]),
];

/// The report (信访情况分析报告): Tab steps 日报 → 周报 → 月报 → 季报 → 年报, the
/// arrows go to the period before or after; x writes it as HTML and CSV.
pub(super) const REPORT: &[(Action, &[Key])] = &[
    (Action::NextKind, &[plain(KeyCode::Tab)]),
    (Action::PrevKind, &[plain(KeyCode::BackTab)]),
    (Action::PrevPeriod, &[plain(KeyCode::Left), ch('[')]),
    (Action::NextPeriod, &[plain(KeyCode::Right), ch(']')]),
    (Action::PageDown, &[plain(KeyCode::PageDown), ch(' ')]),
    (Action::PageUp, &[plain(KeyCode::PageUp)]),
    (Action::First, &[plain(KeyCode::Home)]),
    (Action::Last, &[plain(KeyCode::End)]),
    (Action::Export, &[ch('x')]),
    (Action::Charts, &[ch('t')]),
    (Action::Back, &[plain(KeyCode::Esc)]),
    (Action::Presets, &[ch('p')]),
    (Action::ListNext, &[ch('>')]),
    (Action::ListPrev, &[ch('<')]),
    (Action::ListSwitch, &[ch('l')]),
];

/// The leader's dashboard: lists of cases, and the leader's own steps on
/// the one selected, without opening it first.
pub(super) const DASHBOARD: &[(Action, &[Key])] = &[
    (
        Action::PageDown,
        &[plain(KeyCode::Tab), plain(KeyCode::PageDown)],
    ),
    (
        Action::PageUp,
        &[plain(KeyCode::BackTab), plain(KeyCode::PageUp)],
    ),
    (Action::Open, &[plain(KeyCode::Enter)]),
    // The leader's own screens first: a narrow footer drops the tail, not these.
    (Action::Report, &[ch('y')]),
    (Action::Charts, &[ch('t')]),
    (Action::Instruct, &[ch('i')]),
    (Action::Supervise, &[ch('s')]),
    (Action::Extend, &[ch('e')]),
    (Action::Own, &[ch('b')]),
    (Action::RefuseExtension, &[ch('u')]),
    // J for 积案 (ji'an); j moves.
    (Action::Backlog, &[ch('J')]),
    // Search is the queue's: / takes the leader there with the search line open.
    (Action::Search, &[ch('/')]),
    (Action::New, &[ch('n')]),
    (Action::SwitchView, &[ch('w')]),
    (Action::Settings, &[ch('p')]),
    (Action::Reception, &[ch('h')]),
];

/// Each step of a case opens its form; the keys follow the initials where
/// they can (d for 受理决定, since a is assign).
pub(super) const CASE: &[(Action, &[Key])] = &[
    (
        Action::Back,
        &[plain(KeyCode::Esc), plain(KeyCode::Backspace)],
    ),
    (Action::Register, &[ch('d')]),
    (Action::Assign, &[ch('a')]),
    (Action::Recuse, &[ch('x')]),
    (Action::Opinion, &[ch('o')]),
    (Action::Instruct, &[ch('i')]),
    (Action::Extend, &[ch('e')]),
    (Action::Supervise, &[ch('s')]),
    (Action::Reply, &[ch('y')]),
    (Action::ReturnVisit, &[ch('v')]),
    (Action::Archive, &[ch('g')]),
    (Action::Review, &[ch('c')]),
    (Action::Own, &[ch('b')]),
    (Action::RefuseExtension, &[ch('u')]),
    (Action::ReportBack, &[ch('f')]),
    // m for reMind: c (催) is 复查's.
    (Action::Remind, &[ch('m')]),
    // h for 化解 (huajie).
    (Action::Resolve, &[ch('h')]),
    // t for 听证 (ting), l for 不再受理 (the law's last word; n is the queue's new), z for
    // 终结 (zhongjie).
    (Action::Hearing, &[ch('t')]),
    (Action::NoFurther, &[ch('l')]),
    // u is 不同意延期's already: U beside Ctrl-Z.
    (Action::Undo, &[ctrl('z'), ch('U')]),
    (Action::Terminate, &[ch('z')]),
    // F: the 办结报告 of an item 交办'd came back, beside f that sends one back up.
    (Action::ReportReceived, &[ch('F')]),
    (Action::Document, &[ch('p')]),
    // 附件: A adds, D removes, O opens the picked one (] picks the next).
    (Action::AttachFile, &[ch('A')]),
    (Action::DetachFile, &[ch('D')]),
    (Action::OpenFile, &[ch('O')]),
    (Action::NextFile, &[ch(']')]),
    // E for Edit: 更正 what was recorded at the window.
    (Action::Correct, &[ch('E')]),
];

/// The intake form. Printable keys are the fields' own; Enter stays
/// NextField here, and the form engine keeps it for a new line in a
/// multi-line field.
pub(super) const FORM: &[(Action, &[Key])] = &[
    (
        Action::NextField,
        &[
            plain(KeyCode::Tab),
            plain(KeyCode::Down),
            plain(KeyCode::Enter),
        ],
    ),
    (
        Action::PrevField,
        &[plain(KeyCode::BackTab), plain(KeyCode::Up)],
    ),
    (Action::Save, &[ctrl('s')]),
    (Action::Back, &[plain(KeyCode::Esc)]),
    (Action::AddRow, &[ctrl('n')]),
    (Action::RemoveRow, &[ctrl('d')]),
    (Action::MainRow, &[ctrl('p')]),
    (Action::Link, &[ctrl('l')]),
    (Action::Attach, &[ctrl('a')]),
    (Action::CopyContact, &[ctrl('o')]),
    // In the panel of possible repeats.
    (Action::PageDown, &[plain(KeyCode::PageDown)]),
    (Action::PageUp, &[plain(KeyCode::PageUp)]),
];

/// The small forms of the case screen and of setup.
pub(super) const SMALL_FORM: &[(Action, &[Key])] = &[
    (
        Action::NextField,
        &[
            plain(KeyCode::Tab),
            plain(KeyCode::Down),
            plain(KeyCode::Enter),
        ],
    ),
    (
        Action::PrevField,
        &[plain(KeyCode::BackTab), plain(KeyCode::Up)],
    ),
    (Action::Save, &[ctrl('s')]),
    (Action::Back, &[plain(KeyCode::Esc)]),
];

/// Moving by row (the queue) or by line (the case screen).
pub(super) const MOVE: &[(Action, &[Key])] = &[
    (Action::Down, &[ch('j'), plain(KeyCode::Down)]),
    (Action::Up, &[ch('k'), plain(KeyCode::Up)]),
];

/// Keys every list or detail screen has, after its own.
pub(super) const COMMON: &[(Action, &[Key])] = &[
    (Action::Refresh, &[ch('r'), plain(KeyCode::F(5))]),
    (Action::Help, &[ch('?'), plain(KeyCode::F(1))]),
    (Action::Quit, &[ch('q')]),
];

/// 积案: m marks a case (by its number), b names its 包案领导, t its 专班 (team), h records a
/// 会商 (huishang), g a line of 化解 progress (jingzhan); Enter opens the case.
pub(super) const BACKLOG: &[(Action, &[Key])] = &[
    (Action::Open, &[plain(KeyCode::Enter)]),
    (Action::PageDown, &[plain(KeyCode::PageDown), ch(' ')]),
    (Action::PageUp, &[plain(KeyCode::PageUp)]),
    (Action::First, &[plain(KeyCode::Home)]),
    (Action::Last, &[plain(KeyCode::End)]),
    (Action::New, &[ch('m')]),
    (Action::Own, &[ch('b')]),
    (Action::Team, &[ch('t')]),
    (Action::Meeting, &[ch('h')]),
    (Action::Progress, &[ch('g')]),
    (Action::Back, &[plain(KeyCode::Esc)]),
];
