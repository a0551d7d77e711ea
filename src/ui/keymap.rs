//! Keys per screen. The help screen and the footer are generated from this
//! table, so what they say is what the keys do. An office may change the
//! keys in `keys.toml` in its config directory (`load_keymap`).

use std::path::Path;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use toml::de::{DeTable, DeValue};

use crate::strings::{Lang, keys as msg};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Queue,
    Case,
    Form,
    /// The small form of one step on the case screen.
    Action,
    Setup,
    /// The leader's dashboard.
    Dashboard,
    /// The charts (统计图).
    Charts,
    /// People and departments.
    Settings,
    /// 领导接待日.
    Reception,
    /// 信访情况分析报告.
    Report,
}

impl Context {
    pub const ALL: [Context; 10] = [
        Context::Queue,
        Context::Case,
        Context::Form,
        Context::Action,
        Context::Setup,
        Context::Dashboard,
        Context::Charts,
        Context::Settings,
        Context::Reception,
        Context::Report,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Context::Queue => "queue",
            Context::Case => "case",
            Context::Form => "form",
            Context::Action => "action",
            Context::Setup => "setup",
            Context::Dashboard => "dashboard",
            Context::Charts => "charts",
            Context::Settings => "settings",
            Context::Reception => "reception",
            Context::Report => "report",
        }
    }

    /// The tables a screen's keys come from, its own in the middle.
    fn sections(self) -> &'static [Section] {
        match self {
            Context::Queue => &[Section::Move, Section::Queue, Section::Common],
            Context::Case => &[Section::Move, Section::Case, Section::Common],
            Context::Form => &[Section::Form],
            Context::Action => &[Section::Action],
            Context::Setup => &[Section::Setup],
            Context::Dashboard => &[Section::Move, Section::Dashboard, Section::Common],
            Context::Charts => &[Section::Charts, Section::Common],
            Context::Settings => &[Section::Move, Section::Settings, Section::Common],
            Context::Reception => &[Section::Reception, Section::Common],
            Context::Report => &[Section::Move, Section::Report, Section::Common],
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Down,
    Up,
    PageDown,
    PageUp,
    Open,
    Search,
    Filter,
    FilterChannel,
    Mine,
    Sort,
    Help,
    Back,
    Refresh,
    New,
    NextField,
    PrevField,
    Save,
    Register,
    Assign,
    Recuse,
    Opinion,
    Instruct,
    Extend,
    Supervise,
    Reply,
    ReturnVisit,
    Archive,
    Review,
    AddRow,
    RemoveRow,
    MainRow,
    Link,
    Attach,
    /// 包案.
    Own,
    /// 不同意延期.
    RefuseExtension,
    /// Between the queue and the leader's dashboard.
    SwitchView,
    /// 统计图.
    Charts,
    /// 人员和部门.
    Settings,
    NewDepartment,
    /// 领导接待日.
    Reception,
    Schedule,
    /// 信访情况分析报告.
    Report,
    /// 日报 → 周报 → 月报 → 季报 → 年报.
    NextKind,
    PrevPeriod,
    NextPeriod,
    /// Write the report to files.
    Export,
    /// 出具文书 on the case screen.
    Document,
    /// The office's letterhead, from the settings.
    Office,
}

impl Action {
    /// The action's code: its name in `keys.toml` and in `strings::ui::action`.
    pub fn name(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Down => "down",
            Action::Up => "up",
            Action::PageDown => "page_down",
            Action::PageUp => "page_up",
            Action::Open => "open",
            Action::Search => "search",
            Action::Filter => "filter",
            Action::FilterChannel => "filter_channel",
            Action::Mine => "mine",
            Action::Sort => "sort",
            Action::Help => "help",
            Action::Back => "back",
            Action::Refresh => "refresh",
            Action::New => "new",
            Action::NextField => "next_field",
            Action::PrevField => "prev_field",
            Action::Save => "save",
            Action::AddRow => "add_row",
            Action::RemoveRow => "remove_row",
            Action::MainRow => "main_row",
            Action::Link => "link",
            Action::Attach => "attach",
            Action::SwitchView => "switch_view",
            Action::Charts => "charts",
            Action::Settings => "settings",
            Action::NewDepartment => "new_department",
            Action::Reception => "reception",
            Action::Schedule => "schedule",
            Action::Report => "report",
            Action::NextKind => "next_kind",
            Action::PrevPeriod => "prev_period",
            Action::NextPeriod => "next_period",
            Action::Export => "export",
            Action::Document => "document",
            Action::Office => "office",
            // The steps of a case are named by their domain op code.
            op => op.op().unwrap_or_default(),
        }
    }

    /// The domain op (`Command::op`) whose form the action opens.
    pub fn op(self) -> Option<&'static str> {
        Some(match self {
            Action::Register => "register",
            Action::Assign => "assign",
            Action::Recuse => "recuse",
            Action::Opinion => "opinion",
            Action::Instruct => "instruct",
            Action::Extend => "extend",
            Action::Supervise => "supervise",
            Action::Reply => "reply",
            Action::ReturnVisit => "return_visit",
            Action::Archive => "archive",
            Action::Review => "review",
            Action::Own => "own",
            Action::RefuseExtension => "refuse_extension",
            _ => return None,
        })
    }

    /// The action that opens `op`'s form.
    pub fn from_op(op: &str) -> Option<Action> {
        const STEPS: [Action; 13] = [
            Action::Register,
            Action::Assign,
            Action::Recuse,
            Action::Opinion,
            Action::Instruct,
            Action::Extend,
            Action::Supervise,
            Action::Reply,
            Action::ReturnVisit,
            Action::Archive,
            Action::Review,
            Action::Own,
            Action::RefuseExtension,
        ];
        STEPS.into_iter().find(|a| a.op() == Some(op))
    }
}

/// One key as the keymap knows it: a code and its modifiers, normalised so
/// that what the terminal sends and what `keys.toml` says compare equal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

const fn plain(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    plain(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

const CTRL_C: Key = ctrl('c');

/// Names accepted in `keys.toml` (lower case), the first of each code being
/// the one written back.
const NAMES: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("return", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("escape", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("pgup", KeyCode::PageUp),
    ("pageup", KeyCode::PageUp),
    ("pgdn", KeyCode::PageDown),
    ("pagedown", KeyCode::PageDown),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("space", KeyCode::Char(' ')),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("del", KeyCode::Delete),
    ("insert", KeyCode::Insert),
];

/// Spellings that are not accepted but plainly mean something that is.
const MISSPELT: &[(&str, &str)] = &[
    ("ctl", "ctrl"),
    ("control", "ctrl"),
    ("cntrl", "ctrl"),
    ("ctr", "ctrl"),
    ("strg", "ctrl"),
    ("c", "ctrl"),
    ("^", "ctrl"),
    ("meta", "alt"),
    ("m", "alt"),
    ("option", "alt"),
    ("opt", "alt"),
    ("a", "alt"),
    ("shft", "shift"),
    ("s", "shift"),
    ("pagedn", "pgdn"),
    ("pgdown", "pgdn"),
    ("page_down", "pgdn"),
    ("pageup", "pgup"),
    ("page_up", "pgup"),
    ("bs", "backspace"),
    ("bksp", "backspace"),
    ("back", "backspace"),
    ("ret", "enter"),
    ("spc", "space"),
    ("arrowup", "up"),
    ("arrowdown", "down"),
    ("arrowleft", "left"),
    ("arrowright", "right"),
];

impl Key {
    /// The key of a terminal event. Shift is folded into the character
    /// (`?` arrives with or without it) and into BackTab; Ctrl with a
    /// letter ignores case, which terminals do not tell apart.
    pub fn from_event(event: &KeyEvent) -> Key {
        Key::normalised(event.code, event.modifiers)
    }

    fn normalised(code: KeyCode, mut modifiers: KeyModifiers) -> Key {
        let code = match code {
            KeyCode::Char(c) => {
                modifiers.remove(KeyModifiers::SHIFT);
                if modifiers.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            KeyCode::BackTab => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            c => c,
        };
        Key { code, modifiers }
    }

    /// A key as written in `keys.toml`: `q`, `ctrl-s`, `alt-x`,
    /// `shift-tab`, `pgdn`, `f5`… The error is a spelling to suggest, if
    /// one is plain.
    pub fn parse(spec: &str) -> Result<Key, Option<String>> {
        let mut chars = spec.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return Ok(match c {
                // As the help screen shows them.
                '↑' => plain(KeyCode::Up),
                '↓' => plain(KeyCode::Down),
                '←' => plain(KeyCode::Left),
                '→' => plain(KeyCode::Right),
                c => ch(c),
            });
        }
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = spec;
        // `ctrl--` is Ctrl and the minus key.
        while let Some((word, tail)) = rest.split_once('-').filter(|(_, t)| !t.is_empty()) {
            let m = match word.to_ascii_lowercase().as_str() {
                "ctrl" => KeyModifiers::CONTROL,
                "alt" => KeyModifiers::ALT,
                "shift" => KeyModifiers::SHIFT,
                _ => return Err(suggest(spec)),
            };
            modifiers |= m;
            rest = tail;
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if modifiers.contains(KeyModifiers::SHIFT) => {
                // shift-a is A.
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
            }
            (Some(c), None) => KeyCode::Char(c),
            _ => named(&rest.to_ascii_lowercase()).ok_or_else(|| suggest(spec))?,
        };
        let code = match code {
            KeyCode::Tab if modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            c => c,
        };
        Ok(Key::normalised(code, modifiers))
    }

    /// How the help screen and the footer show the key: `j`, `↓`,
    /// `Ctrl-S`, `PgDn`, `F5`.
    pub fn label(&self) -> String {
        let mut s = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            s.push_str("Ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            s.push_str("Alt-");
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            s.push_str("Shift-");
        }
        match self.code {
            KeyCode::Char(' ') => s.push_str("Space"),
            KeyCode::Char(c) if self.modifiers.contains(KeyModifiers::CONTROL) => {
                s.extend(c.to_uppercase())
            }
            KeyCode::Char(c) => s.push(c),
            KeyCode::Up => s.push('↑'),
            KeyCode::Down => s.push('↓'),
            KeyCode::Left => s.push('←'),
            KeyCode::Right => s.push('→'),
            KeyCode::PageUp => s.push_str("PgUp"),
            KeyCode::PageDown => s.push_str("PgDn"),
            KeyCode::BackTab => s.push_str("S-Tab"),
            KeyCode::Delete => s.push_str("Del"),
            KeyCode::Insert => s.push_str("Ins"),
            KeyCode::F(n) => s.push_str(&format!("F{n}")),
            other => s.push_str(&format!("{other:?}")),
        }
        s
    }

    /// How `keys.toml` writes the key.
    pub fn spec(&self) -> String {
        let mut s = String::new();
        for (m, word) in [
            (KeyModifiers::CONTROL, "ctrl-"),
            (KeyModifiers::ALT, "alt-"),
            (KeyModifiers::SHIFT, "shift-"),
        ] {
            if self.modifiers.contains(m) {
                s.push_str(word);
            }
        }
        match self.code {
            KeyCode::Char(' ') => s.push_str("space"),
            KeyCode::Char(c) => s.push(c),
            KeyCode::BackTab => s.push_str("shift-tab"),
            KeyCode::F(n) => s.push_str(&format!("f{n}")),
            code => match NAMES.iter().find(|(_, c)| *c == code) {
                Some((name, _)) => s.push_str(name),
                None => s.push_str(&format!("{code:?}").to_ascii_lowercase()),
            },
        }
        s
    }

    /// A character typed without Ctrl or Alt: text in a form.
    fn types_text(&self) -> bool {
        matches!(self.code, KeyCode::Char(_))
            && !self
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    }

    fn is_arrow(&self) -> bool {
        matches!(
            self.code,
            KeyCode::Up | KeyCode::Down | KeyCode::Left | KeyCode::Right
        )
    }
}

fn named(name: &str) -> Option<KeyCode> {
    if let Some(n) = name.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
        return (1..=12).contains(&n).then_some(KeyCode::F(n));
    }
    NAMES.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

/// The accepted spelling of a key written almost right: `ctl-s`, `C-s`,
/// `ctrl+s`, `^s`, `PageDown`…
fn suggest(spec: &str) -> Option<String> {
    let lower = spec.trim().to_ascii_lowercase().replace(['+', ' '], "-");
    let lower = match lower.strip_prefix('^') {
        Some(rest) if !rest.is_empty() => format!("ctrl-{rest}"),
        _ => lower,
    };
    let words: Vec<&str> = lower.split('-').collect();
    let last = words.len() - 1;
    let fixed: Vec<&str> = words
        .iter()
        .enumerate()
        .map(|(i, word)| {
            // A lone `c`, `a` or `s` at the end is that letter, not Ctrl,
            // Alt or Shift.
            if i == last && word.chars().count() == 1 {
                return *word;
            }
            MISSPELT
                .iter()
                .find(|(wrong, _)| wrong == word)
                .map_or(*word, |(_, right)| *right)
        })
        .collect();
    let candidate = fixed.join("-");
    // The fixes are idempotent, so this recursion ends at the second call.
    (candidate != spec)
        .then(|| Key::parse(&candidate).ok())
        .flatten()
        .map(|k| k.spec())
}

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
}

impl Section {
    pub const ALL: [Section; 12] = [
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
    ];

    pub fn name(self) -> &'static str {
        match self {
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
        }
    }

    fn parse(name: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.name() == name)
    }

    /// Sections whose screens type text: plain characters stay for typing.
    fn types_text(self) -> bool {
        matches!(self, Section::Form | Section::Action | Section::Setup)
    }

    fn defaults(self) -> &'static [(Action, &'static [Key])] {
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
        }
    }
}

const QUEUE: &[(Action, &[Key])] = &[
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
];

/// People and departments: Enter changes the selected person.
const SETTINGS: &[(Action, &[Key])] = &[
    (Action::Open, &[plain(KeyCode::Enter)]),
    (Action::New, &[ch('n')]),
    (Action::NewDepartment, &[ch('N')]),
    (Action::Office, &[ch('o')]),
    (Action::Back, &[plain(KeyCode::Esc)]),
];

/// 领导接待日: record a reception, put a day on the schedule.
const RECEPTION: &[(Action, &[Key])] = &[
    (Action::New, &[ch('n')]),
    (Action::Schedule, &[ch('a')]),
    (Action::Back, &[plain(KeyCode::Esc)]),
];

/// The charts: the report beside them, or back to where the operator works.
const CHARTS: &[(Action, &[Key])] = &[
    (Action::Report, &[ch('y')]),
    (Action::Back, &[plain(KeyCode::Esc)]),
];

/// The report (信访情况分析报告): Tab steps 日报 → 周报 → 月报 → 季报 → 年报, the
/// arrows go to the period before or after; x writes it as HTML and CSV.
const REPORT: &[(Action, &[Key])] = &[
    (Action::NextKind, &[plain(KeyCode::Tab)]),
    (Action::PrevPeriod, &[plain(KeyCode::Left), ch('[')]),
    (Action::NextPeriod, &[plain(KeyCode::Right), ch(']')]),
    (Action::PageDown, &[plain(KeyCode::PageDown), ch(' ')]),
    (Action::PageUp, &[plain(KeyCode::PageUp)]),
    (Action::Export, &[ch('x')]),
    (Action::Charts, &[ch('t')]),
    (Action::Back, &[plain(KeyCode::Esc)]),
];

/// The leader's dashboard: lists of cases, and the leader's own steps on
/// the one selected, without opening it first.
const DASHBOARD: &[(Action, &[Key])] = &[
    (
        Action::PageDown,
        &[plain(KeyCode::Tab), plain(KeyCode::PageDown)],
    ),
    (
        Action::PageUp,
        &[plain(KeyCode::BackTab), plain(KeyCode::PageUp)],
    ),
    (Action::Open, &[plain(KeyCode::Enter)]),
    (Action::Instruct, &[ch('i')]),
    (Action::Supervise, &[ch('s')]),
    (Action::Extend, &[ch('e')]),
    (Action::Own, &[ch('b')]),
    (Action::RefuseExtension, &[ch('u')]),
    (Action::New, &[ch('n')]),
    (Action::SwitchView, &[ch('w')]),
    (Action::Charts, &[ch('t')]),
    (Action::Report, &[ch('y')]),
    (Action::Settings, &[ch('p')]),
    (Action::Reception, &[ch('h')]),
];

/// Each step of a case opens its form; the keys follow the initials where
/// they can (d for 受理决定, since a is assign).
const CASE: &[(Action, &[Key])] = &[
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
    (Action::Document, &[ch('p')]),
];

/// The intake form. Printable keys are the fields' own; Enter stays
/// NextField here, and the form engine keeps it for a new line in a
/// multi-line field.
const FORM: &[(Action, &[Key])] = &[
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
    // In the panel of possible repeats.
    (Action::PageDown, &[plain(KeyCode::PageDown)]),
    (Action::PageUp, &[plain(KeyCode::PageUp)]),
];

/// The small forms of the case screen and of setup.
const SMALL_FORM: &[(Action, &[Key])] = &[
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
const MOVE: &[(Action, &[Key])] = &[
    (Action::Down, &[ch('j'), plain(KeyCode::Down)]),
    (Action::Up, &[ch('k'), plain(KeyCode::Up)]),
];

/// Keys every list or detail screen has, after its own.
const COMMON: &[(Action, &[Key])] = &[
    (Action::Refresh, &[ch('r'), plain(KeyCode::F(5))]),
    (Action::Help, &[ch('?'), plain(KeyCode::F(1))]),
    (Action::Quit, &[ch('q')]),
];

/// An action and its keys, the first being the one the footer shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub action: Action,
    pub keys: Vec<Key>,
    /// The line of `keys.toml` that set the keys, for messages.
    line: Option<usize>,
}

impl Binding {
    /// Every key: `r/F5`.
    pub fn label(&self) -> String {
        let labels: Vec<String> = self.keys.iter().map(Key::label).collect();
        labels.join("/")
    }

    /// The first key, and the arrow after it if there is one: `j/↓`, `r`.
    pub fn short_label(&self) -> String {
        match self.keys.as_slice() {
            [first, second, ..] if second.is_arrow() && !first.is_arrow() => {
                format!("{}/{}", first.label(), second.label())
            }
            [first, ..] => first.label(),
            [] => String::new(),
        }
    }
}

/// The keys of every screen: the built-in tables, as `keys.toml` changed
/// them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    /// Indexed by `Section as usize`.
    sections: Vec<Vec<Binding>>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            sections: Section::ALL
                .iter()
                .map(|s| {
                    s.defaults()
                        .iter()
                        .map(|(action, keys)| Binding {
                            action: *action,
                            keys: keys.to_vec(),
                            line: None,
                        })
                        .collect()
                })
                .collect(),
        }
    }
}

impl Keymap {
    fn section(&self, s: Section) -> &[Binding] {
        self.sections.get(s as usize).map_or(&[], Vec::as_slice)
    }

    fn all(&self, ctx: Context) -> impl Iterator<Item = &Binding> {
        ctx.sections()
            .iter()
            .flat_map(|s| self.section(*s))
            .filter(|b| !b.keys.is_empty())
    }

    /// The action of a key on a screen. Ctrl-C always quits.
    pub fn lookup(&self, ctx: Context, event: &KeyEvent) -> Option<Action> {
        let key = Key::from_event(event);
        if key == CTRL_C {
            return Some(Action::Quit);
        }
        self.all(ctx)
            .find(|b| b.keys.contains(&key))
            .map(|b| b.action)
    }

    /// The keys of a screen, its own between moving and the common ones,
    /// each with every key it has: for the help screen.
    pub fn bindings(&self, ctx: Context) -> Vec<(String, Action)> {
        self.all(ctx).map(|b| (b.label(), b.action)).collect()
    }

    /// The same, each by its first key: for the footer.
    pub fn footer(&self, ctx: Context) -> Vec<(String, Action)> {
        self.all(ctx).map(|b| (b.short_label(), b.action)).collect()
    }

    /// The footer's label of one action, to name it in a message
    /// ("Ctrl-S 保存"); None when the action has no key there.
    pub fn label(&self, ctx: Context, action: Action) -> Option<String> {
        self.all(ctx)
            .find(|b| b.action == action)
            .map(Binding::short_label)
    }

    /// The built-in keys changed by a `keys.toml`. Every problem is
    /// reported, one a line, with its line in `file` (the name shown).
    pub fn from_toml(text: &str, file: &str, lang: Lang) -> Result<Keymap, String> {
        let line_of = |pos: usize| {
            let end = pos.min(text.len());
            text.as_bytes()[..end]
                .iter()
                .filter(|b| **b == b'\n')
                .count()
                + 1
        };
        let doc = DeTable::parse(text).map_err(|e| {
            let line = e.span().map(|s| line_of(s.start));
            format!(
                "{}{}",
                msg::at(lang, file, line),
                msg::syntax(lang, e.message())
            )
        })?;
        let mut map = Keymap::default();
        let mut errors: Vec<(usize, String)> = Vec::new();
        let sections: Vec<&str> = Section::ALL.iter().map(|s| s.name()).collect();
        for (name, value) in doc.get_ref().iter() {
            let line = line_of(name.span().start);
            let Some(section) = Section::parse(name.get_ref()) else {
                errors.push((line, msg::unknown_section(lang, name.get_ref(), &sections)));
                continue;
            };
            let DeValue::Table(table) = value.get_ref() else {
                errors.push((line, msg::not_a_section(lang, section.name())));
                continue;
            };
            for (action, value) in table.iter() {
                let line = line_of(action.span().start);
                let bindings = &mut map.sections[section as usize];
                let Some(binding) = bindings
                    .iter_mut()
                    .find(|b| b.action.name() == action.get_ref())
                else {
                    let known: Vec<&str> =
                        section.defaults().iter().map(|(a, _)| a.name()).collect();
                    errors.push((
                        line,
                        msg::unknown_action(lang, section.name(), action.get_ref(), &known),
                    ));
                    continue;
                };
                let specs: Option<Vec<(&str, usize)>> = match value.get_ref() {
                    DeValue::String(s) => Some(vec![(s.as_ref(), line_of(value.span().start))]),
                    DeValue::Array(items) => items
                        .iter()
                        .map(|item| match item.get_ref() {
                            DeValue::String(s) => Some((s.as_ref(), line_of(item.span().start))),
                            _ => None,
                        })
                        .collect(),
                    _ => None,
                };
                let Some(specs) = specs else {
                    errors.push((line, msg::bad_value(lang, section.name(), action.get_ref())));
                    continue;
                };
                let mut keys = Vec::new();
                let mut bad = false;
                for (spec, line) in specs {
                    let problem = match Key::parse(spec) {
                        Ok(k) if k == CTRL_C => Some(msg::ctrl_c(lang)),
                        Ok(k) if section.types_text() && k.types_text() => {
                            Some(msg::typing_key(lang, section.name(), &k.label()))
                        }
                        Ok(k) => {
                            if !keys.contains(&k) {
                                keys.push(k);
                            }
                            None
                        }
                        Err(suggestion) => Some(msg::bad_key(lang, spec, suggestion.as_deref())),
                    };
                    if let Some(p) = problem {
                        errors.push((line, p));
                        bad = true;
                    }
                }
                if !bad {
                    binding.keys = keys;
                    binding.line = Some(line);
                }
            }
        }
        // Conflicts are judged on the finished map: before that, a key may
        // only seem taken by an action whose override failed.
        if errors.is_empty() {
            errors = map.conflicts(lang);
        }
        if errors.is_empty() {
            return Ok(map);
        }
        errors.sort_by_key(|(line, _)| *line);
        let lines: Vec<String> = errors
            .into_iter()
            .map(|(line, m)| format!("{}{m}", msg::at(lang, file, (line > 0).then_some(line))))
            .collect();
        Err(lines.join("\n"))
    }

    /// A key with two actions on one screen, at the line that made it so
    /// (0 when no line did, which the built-in tables never do).
    fn conflicts(&self, lang: Lang) -> Vec<(usize, String)> {
        let mut seen: Vec<(Key, Action, Action)> = Vec::new();
        let mut out = Vec::new();
        for ctx in Context::ALL {
            let bindings: Vec<&Binding> = self.all(ctx).collect();
            for (i, a) in bindings.iter().enumerate() {
                for b in &bindings[i + 1..] {
                    for key in a.keys.iter().filter(|k| b.keys.contains(k)) {
                        // Move and common are on two screens: say it once.
                        if seen.contains(&(*key, a.action, b.action)) {
                            continue;
                        }
                        seen.push((*key, a.action, b.action));
                        let line = a.line.max(b.line).unwrap_or(0);
                        out.push((
                            line,
                            msg::conflict(
                                lang,
                                &key.label(),
                                ctx.name(),
                                a.action.name(),
                                b.action.name(),
                            ),
                        ));
                    }
                }
            }
        }
        out
    }
}

/// The keymap of `keys.toml` in `path` (a config directory) or at `path`
/// (the file); the built-in keys when there is no such file.
pub fn load_keymap(path: &Path, lang: Lang) -> Result<Keymap, String> {
    let file = if path.is_dir() {
        path.join(crate::config::KEYS_FILE)
    } else {
        path.to_owned()
    };
    let name = file.display().to_string();
    match std::fs::read_to_string(&file) {
        Ok(text) => Keymap::from_toml(&text, &name, lang),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Keymap::default()),
        Err(e) => Err(msg::read_failed(lang, &name, &e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    fn key(code: KeyCode) -> KeyEvent {
        ev(code, KeyModifiers::NONE)
    }

    fn c(ch: char) -> KeyEvent {
        key(KeyCode::Char(ch))
    }

    fn ctrl_ev(ch: char) -> KeyEvent {
        ev(KeyCode::Char(ch), KeyModifiers::CONTROL)
    }

    fn load(text: &str) -> Result<Keymap, String> {
        Keymap::from_toml(text, "keys.toml", Lang::Zh)
    }

    fn load_en(text: &str) -> Result<Keymap, String> {
        Keymap::from_toml(text, "keys.toml", Lang::En)
    }

    #[test]
    fn default_lookups() {
        let k = Keymap::default();
        assert_eq!(k.lookup(Context::Queue, &c('q')), Some(Action::Quit));
        assert_eq!(k.lookup(Context::Queue, &c('j')), Some(Action::Down));
        assert_eq!(
            k.lookup(Context::Queue, &key(KeyCode::Down)),
            Some(Action::Down)
        );
        assert_eq!(k.lookup(Context::Queue, &c(' ')), Some(Action::PageDown));
        assert_eq!(
            k.lookup(Context::Queue, &key(KeyCode::F(5))),
            Some(Action::Refresh)
        );
        assert_eq!(
            k.lookup(Context::Queue, &c('c')),
            Some(Action::FilterChannel)
        );
        assert_eq!(k.lookup(Context::Queue, &c('m')), Some(Action::Mine));
        assert_eq!(k.lookup(Context::Queue, &c('o')), Some(Action::Sort));
        assert_eq!(k.lookup(Context::Case, &c('d')), Some(Action::Register));
        assert_eq!(k.lookup(Context::Case, &c('o')), Some(Action::Opinion));
        assert_eq!(k.lookup(Context::Case, &c('c')), Some(Action::Review));
        assert_eq!(
            k.lookup(Context::Case, &key(KeyCode::Backspace)),
            Some(Action::Back)
        );
        assert_eq!(k.lookup(Context::Case, &c('n')), None);
        assert_eq!(k.lookup(Context::Form, &ctrl_ev('s')), Some(Action::Save));
        assert_eq!(k.lookup(Context::Form, &ctrl_ev('n')), Some(Action::AddRow));
        assert_eq!(
            k.lookup(Context::Form, &key(KeyCode::Enter)),
            Some(Action::NextField)
        );
        assert_eq!(
            k.lookup(Context::Form, &key(KeyCode::PageDown)),
            Some(Action::PageDown)
        );
        // Printable keys are the form's.
        assert_eq!(k.lookup(Context::Form, &c('q')), None);
        assert_eq!(k.lookup(Context::Form, &c(' ')), None);
        assert_eq!(k.lookup(Context::Action, &ctrl_ev('s')), Some(Action::Save));
        assert_eq!(
            k.lookup(Context::Setup, &key(KeyCode::Esc)),
            Some(Action::Back)
        );
        assert_eq!(k.lookup(Context::Action, &ctrl_ev('n')), None);
        // A Ctrl key not in the table does nothing, even if its letter does.
        assert_eq!(k.lookup(Context::Queue, &ctrl_ev('q')), None);
    }

    #[test]
    fn ctrl_c_always_quits() {
        let k = load("[common]\nquit = \"ctrl-q\"").unwrap();
        for ctx in Context::ALL {
            assert_eq!(k.lookup(ctx, &ctrl_ev('c')), Some(Action::Quit), "{ctx:?}");
            assert_eq!(k.lookup(ctx, &ctrl_ev('C')), Some(Action::Quit));
        }
        assert_eq!(k.lookup(Context::Queue, &c('q')), None);
        assert_eq!(k.lookup(Context::Queue, &ctrl_ev('q')), Some(Action::Quit));
    }

    #[test]
    fn events_are_normalised() {
        let k = Keymap::default();
        // Some terminals send ? with Shift, BackTab with Shift.
        assert_eq!(
            k.lookup(Context::Queue, &ev(KeyCode::Char('?'), KeyModifiers::SHIFT)),
            Some(Action::Help)
        );
        assert_eq!(
            k.lookup(Context::Form, &ev(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::PrevField)
        );
        assert_eq!(
            k.lookup(
                Context::Form,
                &ev(
                    KeyCode::Char('S'),
                    KeyModifiers::CONTROL | KeyModifiers::SHIFT
                )
            ),
            Some(Action::Save)
        );
    }

    #[test]
    fn ops_are_the_domain_codes() {
        let ops: Vec<&str> = [
            Action::Register,
            Action::Assign,
            Action::Recuse,
            Action::Opinion,
            Action::Instruct,
            Action::Extend,
            Action::Supervise,
            Action::Reply,
            Action::ReturnVisit,
            Action::Archive,
            Action::Review,
        ]
        .iter()
        .map(|a| {
            assert_eq!(a.op(), Some(a.name()));
            a.name()
        })
        .collect();
        // Every op but intake (the `n` key) and attach (Ctrl-A in a form).
        assert_eq!(ops, crate::domain::command::Command::OPS[1..12]);
        for op in ops {
            assert_eq!(Action::from_op(op).and_then(Action::op), Some(op));
        }
        assert_eq!(Action::Save.op(), None);
    }

    #[test]
    fn every_action_has_a_name_in_both_languages() {
        for section in Section::ALL {
            for (action, _) in section.defaults() {
                for lang in [Lang::Zh, Lang::En] {
                    assert!(
                        !crate::strings::ui::action(lang, action.name()).is_empty(),
                        "{}",
                        action.name()
                    );
                }
            }
        }
    }

    #[test]
    fn labels_come_from_the_keys() {
        let k = Keymap::default();
        let help = k.bindings(Context::Queue);
        let label = |a: Action| help.iter().find(|(_, x)| *x == a).map(|(l, _)| l.as_str());
        assert_eq!(label(Action::Down), Some("j/↓"));
        assert_eq!(label(Action::PageDown), Some("PgDn/Space"));
        assert_eq!(label(Action::Refresh), Some("r/F5"));
        assert_eq!(label(Action::Open), Some("Enter"));
        let footer = k.footer(Context::Queue);
        assert_eq!(footer[0], ("j/↓".to_owned(), Action::Down));
        assert!(footer.contains(&("PgDn".to_owned(), Action::PageDown)));
        assert!(footer.contains(&("r".to_owned(), Action::Refresh)));
        let form = k.footer(Context::Form);
        assert_eq!(form[0], ("Tab/↓".to_owned(), Action::NextField));
        assert_eq!(form[1], ("S-Tab/↑".to_owned(), Action::PrevField));
        assert_eq!(form[2], ("Ctrl-S".to_owned(), Action::Save));
        assert_eq!(
            k.label(Context::Form, Action::Save).as_deref(),
            Some("Ctrl-S")
        );
        assert_eq!(k.label(Context::Queue, Action::Save), None);
        assert_eq!(ch(' ').label(), "Space");
        assert_eq!(
            Key::parse("alt-x").map(|k| k.label()),
            Ok("Alt-x".to_owned())
        );
        assert_eq!(
            Key::parse("shift-left").map(|k| k.label()),
            Ok("Shift-←".to_owned())
        );
    }

    #[test]
    fn keys_parse_and_write_back() {
        for spec in [
            "q",
            "?",
            "/",
            "ctrl-s",
            "alt-x",
            "shift-tab",
            "enter",
            "esc",
            "tab",
            "up",
            "down",
            "left",
            "right",
            "pgup",
            "pgdn",
            "home",
            "end",
            "f1",
            "f12",
            "space",
            "backspace",
            "delete",
            "ctrl--",
            "-",
            "ctrl-up",
            "Q",
        ] {
            let key = Key::parse(spec).map_err(|_| spec.to_owned()).unwrap();
            assert_eq!(key.spec(), spec);
            assert_eq!(Key::parse(&key.spec()), Ok(key));
        }
        assert_eq!(Key::parse("backtab"), Key::parse("shift-tab"));
        assert_eq!(Key::parse("CTRL-S"), Ok(ctrl('s')));
        assert_eq!(Key::parse("ctrl-S"), Ok(ctrl('s')));
        assert_eq!(Key::parse("PgDn"), Ok(plain(KeyCode::PageDown)));
        assert_eq!(Key::parse("F5"), Ok(plain(KeyCode::F(5))));
        assert_eq!(Key::parse("↓"), Ok(plain(KeyCode::Down)));
        assert_eq!(Key::parse("shift-a"), Ok(ch('A')));
        assert_eq!(Key::parse("ctl-s"), Err(Some("ctrl-s".to_owned())));
        assert_eq!(Key::parse("C-s"), Err(Some("ctrl-s".to_owned())));
        assert_eq!(Key::parse("ctrl+s"), Err(Some("ctrl-s".to_owned())));
        assert_eq!(Key::parse("^s"), Err(Some("ctrl-s".to_owned())));
        assert_eq!(Key::parse("PageDn"), Err(Some("pgdn".to_owned())));
        assert_eq!(Key::parse("f13"), Err(None));
        assert_eq!(Key::parse("hyper-x"), Err(None));
        assert_eq!(Key::parse(""), Err(None));
    }

    #[test]
    fn overrides_replace_keys() {
        let k = load(
            "[queue]\nnew = \"a\"\nsearch = [\"/\", \"s\"]\n[form]\nsave = [\"ctrl-s\", \"f2\"]\n[move]\ndown = \"ctrl-n\"\n",
        )
        .unwrap();
        assert_eq!(k.lookup(Context::Queue, &c('a')), Some(Action::New));
        assert_eq!(k.lookup(Context::Queue, &c('n')), None);
        assert_eq!(k.lookup(Context::Queue, &c('s')), Some(Action::Search));
        assert_eq!(k.lookup(Context::Queue, &c('/')), Some(Action::Search));
        assert_eq!(
            k.lookup(Context::Form, &key(KeyCode::F(2))),
            Some(Action::Save)
        );
        // Move is shared: both screens change, and ↓ is gone.
        assert_eq!(k.lookup(Context::Queue, &ctrl_ev('n')), Some(Action::Down));
        assert_eq!(k.lookup(Context::Case, &ctrl_ev('n')), Some(Action::Down));
        assert_eq!(k.lookup(Context::Case, &key(KeyCode::Down)), None);
        // Untouched sections keep their keys.
        assert_eq!(k.lookup(Context::Case, &c('d')), Some(Action::Register));
        assert_eq!(k.lookup(Context::Action, &ctrl_ev('s')), Some(Action::Save));
        // An empty file, or none, is the built-in map.
        assert_eq!(load(""), Ok(Keymap::default()));
    }

    #[test]
    fn the_readme_example_loads() {
        let readme = include_str!("../../README.md");
        let start = readme
            .find("```toml\n[queue]")
            .map(|i| i + "```toml\n".len());
        let example = start.and_then(|s| readme[s..].find("```").map(|e| &readme[s..s + e]));
        let k = load(example.unwrap_or_default()).unwrap();
        assert_eq!(
            k.lookup(Context::Case, &key(KeyCode::F(2))),
            Some(Action::Register)
        );
        assert_eq!(k.lookup(Context::Queue, &ctrl_ev('n')), Some(Action::Down));
        assert_eq!(k.lookup(Context::Queue, &c('q')), None);
        assert_ne!(k, Keymap::default());
    }

    #[test]
    fn an_empty_list_unbinds() {
        let k = load("[common]\nquit = []\n").unwrap();
        assert_eq!(k.lookup(Context::Queue, &c('q')), None);
        assert!(
            k.bindings(Context::Queue)
                .iter()
                .all(|(_, a)| *a != Action::Quit)
        );
    }

    #[test]
    fn help_lists_overridden_keys() {
        let k = load("[queue]\nnew = [\"a\", \"insert\"]\n[common]\nhelp = \"f1\"\n").unwrap();
        let help = k.bindings(Context::Queue);
        assert!(
            help.contains(&("a/Ins".to_owned(), Action::New)),
            "{help:?}"
        );
        assert!(help.contains(&("F1".to_owned(), Action::Help)));
        let footer = k.footer(Context::Queue);
        assert!(footer.contains(&("a".to_owned(), Action::New)));
        // Same order as the built-in map.
        let order = |m: &Keymap| -> Vec<Action> {
            m.bindings(Context::Queue)
                .into_iter()
                .map(|(_, a)| a)
                .collect()
        };
        assert_eq!(order(&k), order(&Keymap::default()));
    }

    #[test]
    fn the_help_screen_shows_overridden_keys() {
        use ratatui::Terminal;
        use ratatui::backend::TestBackend;
        let today = chrono::NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
        let mut app = crate::ui::app::App::new(Lang::Zh, None, "某区信访局".into(), today);
        app.keys = load("[queue]\nnew = [\"a\", \"insert\"]\n").unwrap();
        app.help = true;
        let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
        term.draw(|f| crate::ui::view::draw(&app, f)).unwrap();
        let screen = term.backend().to_string();
        assert!(screen.contains("a/Ins"), "{screen}");
        assert!(!screen.contains("│ n "), "{screen}");
    }

    #[test]
    fn bad_key_is_reported_with_its_line() {
        let e = load("[queue]\nnew = \"n\"\n[form]\nsave = \"ctl-s\"\n").unwrap_err();
        assert_eq!(
            e,
            "keys.toml 第 4 行：无法识别的按键 \"ctl-s\"，应写作 ctrl-s"
        );
        let e = load_en("[form]\nsave = \"ctl-s\"\n").unwrap_err();
        assert_eq!(
            e,
            "keys.toml line 2: unrecognised key \"ctl-s\"; write it as ctrl-s"
        );
        let e = load("[queue]\nnew = [\"n\",\n  \"bogus\"]\n").unwrap_err();
        assert!(
            e.starts_with("keys.toml 第 3 行：无法识别的按键 \"bogus\"；可写单个字符"),
            "{e}"
        );
        let e = load_en("[queue]\nnew = \"bogus\"\n").unwrap_err();
        assert!(
            e.starts_with("keys.toml line 2: unrecognised key \"bogus\"; write a single"),
            "{e}"
        );
    }

    #[test]
    fn unknown_section_and_action() {
        let e = load("[qeue]\nnew = \"a\"\n").unwrap_err();
        assert_eq!(
            e,
            "keys.toml 第 1 行：没有分组 [qeue]；可用的分组：queue、case、form、action、setup、dashboard、charts、settings、reception、report、move、common"
        );
        let e = load_en("[qeue]\nnew = \"a\"\n").unwrap_err();
        assert!(
            e.starts_with(
                "keys.toml line 1: there is no section [qeue]; the sections are queue, case"
            ),
            "{e}"
        );
        let e = load("\n[queue]\nnwe = \"a\"\n").unwrap_err();
        assert!(
            e.starts_with("keys.toml 第 3 行：[queue] 中没有操作 \"nwe\"；可用的操作：page_down、"),
            "{e}"
        );
        let e = load_en("[case]\nquit = \"a\"\n").unwrap_err();
        assert!(
            e.starts_with(
                "keys.toml line 2: [case] has no action \"quit\"; its actions are back, register"
            ),
            "{e}"
        );
        let e = load_en("queue = \"a\"\n").unwrap_err();
        assert!(e.contains("[queue] must be a section"), "{e}");
        let e = load_en("[queue]\nnew = 1\n").unwrap_err();
        assert!(
            e.starts_with("keys.toml line 2: [queue] new must be one key"),
            "{e}"
        );
    }

    #[test]
    fn conflicts_are_refused() {
        let e = load("[queue]\nnew = \"f\"\n").unwrap_err();
        assert_eq!(
            e,
            "keys.toml 第 2 行：按键 f 在工作台中既是“切换筛选”又是“新登记”"
        );
        let e = load_en("[queue]\nnew = \"f\"\n").unwrap_err();
        assert_eq!(
            e,
            "keys.toml line 2: the key f is bound to both \"next filter\" and \"new intake\" on the queue"
        );
        // Shared sections: said once, though both screens have it.
        let e = load_en("[common]\nrefresh = \"j\"\n").unwrap_err();
        assert_eq!(e.lines().count(), 1, "{e}");
        // Moving a key away first makes room for it.
        assert!(load("[queue]\nnew = \"f\"\nfilter = \"F\"\n").is_ok());
        // The same key on two screens is no conflict.
        assert!(load("[queue]\nnew = \"d\"\n").is_ok());
    }

    #[test]
    fn ctrl_c_and_typing_keys_cannot_be_bound() {
        let e = load("[common]\nquit = \"ctrl-c\"\n").unwrap_err();
        assert_eq!(e, "keys.toml 第 2 行：Ctrl-C 总是退出，不能改作他用");
        let e = load_en("[form]\nsave = \"ctrl-C\"\n").unwrap_err();
        assert_eq!(
            e,
            "keys.toml line 2: Ctrl-C always quits and cannot be bound"
        );
        let e = load_en("[form]\nsave = \"s\"\n").unwrap_err();
        assert!(
            e.starts_with("keys.toml line 2: s cannot be used in [form]"),
            "{e}"
        );
        let e = load("[action]\nback = \"space\"\n").unwrap_err();
        assert!(
            e.starts_with("keys.toml 第 2 行：[action] 中不能用 Space"),
            "{e}"
        );
        assert!(load("[setup]\nsave = \"f10\"\n").is_ok());
    }

    #[test]
    fn every_problem_is_listed_in_line_order() {
        let e = load_en("[queue]\nnew = \"ctl-n\"\n[nope]\n[case]\nfoo = \"a\"\n").unwrap_err();
        let lines: Vec<&str> = e.lines().collect();
        assert_eq!(lines.len(), 3, "{e}");
        assert!(lines[0].starts_with("keys.toml line 2:"));
        assert!(lines[1].starts_with("keys.toml line 3:"));
        assert!(lines[2].starts_with("keys.toml line 5:"));
    }

    #[test]
    fn toml_syntax_errors_carry_their_line() {
        let e = load("[queue]\nnew = \"a\n").unwrap_err();
        assert!(e.starts_with("keys.toml 第 2 行：不是有效的 TOML："), "{e}");
    }

    #[test]
    fn built_in_tables_have_no_conflicts() {
        assert!(Keymap::default().conflicts(Lang::En).is_empty());
    }

    #[test]
    fn loads_from_a_directory_or_a_file() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load_keymap(dir.path(), Lang::Zh), Ok(Keymap::default()));
        let file = dir.path().join("keys.toml");
        std::fs::write(&file, "[queue]\nnew = \"a\"\n").unwrap();
        let from_dir = load_keymap(dir.path(), Lang::Zh).unwrap();
        assert_eq!(from_dir.lookup(Context::Queue, &c('a')), Some(Action::New));
        assert_eq!(load_keymap(&file, Lang::Zh), Ok(from_dir));
        std::fs::write(&file, "[queue]\nnew = \"f\"\n").unwrap();
        let e = load_keymap(dir.path(), Lang::En).unwrap_err();
        assert!(e.starts_with(&format!("{} line 2:", file.display())), "{e}");
    }
}
