//! Keys per screen. The help screen and the footer are generated from this
//! table, so what they say is what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Queue,
    Case,
    Form,
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
    Help,
    Back,
    Refresh,
    New,
    NextField,
    PrevField,
    Save,
    AddRow,
    RemoveRow,
    MainRow,
    Link,
    Attach,
}

impl Action {
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
        }
    }
}

pub struct Binding {
    pub keys: &'static [KeyCode],
    pub label: &'static str,
    pub action: Action,
}

const QUEUE: &[Binding] = &[
    Binding {
        keys: &[KeyCode::PageDown, KeyCode::Char(' ')],
        label: "PgDn",
        action: Action::PageDown,
    },
    Binding {
        keys: &[KeyCode::PageUp],
        label: "PgUp",
        action: Action::PageUp,
    },
    Binding {
        keys: &[KeyCode::Enter],
        label: "Enter",
        action: Action::Open,
    },
    Binding {
        keys: &[KeyCode::Char('/')],
        label: "/",
        action: Action::Search,
    },
    Binding {
        keys: &[KeyCode::Char('f')],
        label: "f",
        action: Action::Filter,
    },
    Binding {
        keys: &[KeyCode::Char('n')],
        label: "n",
        action: Action::New,
    },
];

const CASE: &[Binding] = &[Binding {
    keys: &[KeyCode::Esc, KeyCode::Backspace],
    label: "Esc",
    action: Action::Back,
}];

/// The form takes printable keys itself (`form::Form::key`); these are
/// listed for the help screen and the footer.
const FORM: &[Binding] = &[
    Binding {
        keys: &[KeyCode::Tab, KeyCode::Down, KeyCode::Enter],
        label: "Tab/↓",
        action: Action::NextField,
    },
    Binding {
        keys: &[KeyCode::BackTab, KeyCode::Up],
        label: "S-Tab/↑",
        action: Action::PrevField,
    },
    Binding {
        keys: &[],
        label: "Ctrl-S",
        action: Action::Save,
    },
    Binding {
        keys: &[KeyCode::Esc],
        label: "Esc",
        action: Action::Back,
    },
];

/// Moving by row (the queue) or by line (the case screen).
const MOVE: &[Binding] = &[
    Binding {
        keys: &[KeyCode::Char('j'), KeyCode::Down],
        label: "j/↓",
        action: Action::Down,
    },
    Binding {
        keys: &[KeyCode::Char('k'), KeyCode::Up],
        label: "k/↑",
        action: Action::Up,
    },
];

/// Keys every list or detail screen has, after its own.
const COMMON: &[Binding] = &[
    Binding {
        keys: &[KeyCode::Char('r'), KeyCode::F(5)],
        label: "r",
        action: Action::Refresh,
    },
    Binding {
        keys: &[KeyCode::Char('?'), KeyCode::F(1)],
        label: "?",
        action: Action::Help,
    },
    Binding {
        keys: &[KeyCode::Char('q')],
        label: "q",
        action: Action::Quit,
    },
];

/// The keys of a screen, its own first.
pub fn bindings(ctx: Context) -> impl Iterator<Item = &'static Binding> {
    let (moves, own, common): (&[Binding], _, &[Binding]) = match ctx {
        Context::Queue => (MOVE, QUEUE, COMMON),
        Context::Case => (MOVE, CASE, COMMON),
        Context::Form => (&[], FORM, &[]),
    };
    moves.iter().chain(own).chain(common)
}

/// The action of a key in a list or detail view. Ctrl-C always quits.
pub fn lookup(ctx: Context, key: &KeyEvent) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return (key.code == KeyCode::Char('c')).then_some(Action::Quit);
    }
    bindings(ctx)
        .find(|b| b.keys.contains(&key.code))
        .map(|b| b.action)
}
