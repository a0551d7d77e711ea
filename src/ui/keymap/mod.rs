//! Keys per screen. The help screen and the footer are generated from this
//! table, so what they say is what the keys do. An office may change the
//! keys in `keys.toml` in its config directory (`load_keymap`).

mod key;
mod tables;

use std::path::Path;

use ratatui::crossterm::event::KeyEvent;
use toml::de::{DeTable, DeValue};

use crate::domain::op::Op;
use crate::strings::{Lang, keys as msg};

use key::CTRL_C;
pub use key::Key;
pub use tables::Section;

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
    /// The channel chooser of a new intake, over the queue.
    Chooser,
    /// The queue's search line.
    SearchLine,
}

impl Context {
    pub const ALL: [Context; 12] = [
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
        Context::Chooser,
        Context::SearchLine,
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
            Context::Chooser => "chooser",
            Context::SearchLine => "search_line",
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
            Context::Chooser => &[Section::Chooser],
            Context::SearchLine => &[Section::SearchLine],
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
    /// The repeat panel's case's phone and address into the blank fields of the intake.
    CopyContact,
    /// 包案.
    Own,
    /// 不同意延期.
    RefuseExtension,
    /// 办结报告 sent back to the superior body (Art 22 (三)).
    ReportBack,
    /// 催办.
    Remind,
    /// 化解/息访 (Art 37).
    Resolve,
    /// 听证 (Art 36 第二款).
    Hearing,
    /// 不再受理 (Art 36 第三款).
    NoFurther,
    /// 终结.
    Terminate,
    /// 办结报告 received from the body an item was 交办'd to (Art 22 (三)).
    ReportReceived,
    /// Between the queue and the leader's dashboard.
    SwitchView,
    /// 统计图.
    Charts,
    /// 人员和部门.
    Settings,
    NewDepartment,
    /// 口令: change one's own, or (a leader) give another a one-time one.
    Passphrase,
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
    /// The office journal, from the settings (a leader's).
    Journal,
    /// 撤销: one's own last step on the case, within minutes.
    Undo,
    /// 附件: keep a file with the case, remove one, open the one picked, pick the next.
    AttachFile,
    DetachFile,
    OpenFile,
    NextFile,
}

/// What an action is: a step of a case, named by its domain op, or the
/// desk's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Code {
    Step(Op),
    Desk(&'static str),
}

impl Action {
    /// One arm per action: a new action must say whether it is a step.
    fn code(self) -> Code {
        use Code::{Desk, Step};
        match self {
            Action::Quit => Desk("quit"),
            Action::Down => Desk("down"),
            Action::Up => Desk("up"),
            Action::PageDown => Desk("page_down"),
            Action::PageUp => Desk("page_up"),
            Action::Open => Desk("open"),
            Action::Search => Desk("search"),
            Action::Filter => Desk("filter"),
            Action::FilterChannel => Desk("filter_channel"),
            Action::Mine => Desk("mine"),
            Action::Sort => Desk("sort"),
            Action::Help => Desk("help"),
            Action::Back => Desk("back"),
            Action::Refresh => Desk("refresh"),
            Action::New => Desk("new"),
            Action::NextField => Desk("next_field"),
            Action::PrevField => Desk("prev_field"),
            Action::Save => Desk("save"),
            Action::Register => Step(Op::Register),
            Action::Assign => Step(Op::Assign),
            Action::Recuse => Step(Op::Recuse),
            Action::Opinion => Step(Op::Opinion),
            Action::Instruct => Step(Op::Instruct),
            Action::Extend => Step(Op::Extend),
            Action::Supervise => Step(Op::Supervise),
            Action::Reply => Step(Op::Reply),
            Action::ReturnVisit => Step(Op::ReturnVisit),
            Action::Archive => Step(Op::Archive),
            Action::Review => Step(Op::Review),
            Action::AddRow => Desk("add_row"),
            Action::RemoveRow => Desk("remove_row"),
            Action::MainRow => Desk("main_row"),
            Action::Link => Desk("link"),
            // The intake form's key: it saves the intake as a repeat item
            // rather than opening a step's form.
            Action::Attach => Desk("attach"),
            Action::CopyContact => Desk("copy_contact"),
            Action::Own => Step(Op::Own),
            Action::RefuseExtension => Step(Op::RefuseExtension),
            Action::ReportBack => Step(Op::ReportBack),
            Action::Remind => Step(Op::Remind),
            Action::Resolve => Step(Op::Resolve),
            Action::Hearing => Step(Op::Hearing),
            Action::NoFurther => Step(Op::NoFurther),
            Action::Terminate => Step(Op::Terminate),
            Action::ReportReceived => Step(Op::ReportReceived),
            Action::SwitchView => Desk("switch_view"),
            Action::Charts => Desk("charts"),
            Action::Settings => Desk("settings"),
            Action::NewDepartment => Desk("new_department"),
            Action::Passphrase => Desk("passphrase"),
            Action::Reception => Desk("reception"),
            Action::Schedule => Desk("schedule"),
            Action::Report => Desk("report"),
            Action::NextKind => Desk("next_kind"),
            Action::PrevPeriod => Desk("prev_period"),
            Action::NextPeriod => Desk("next_period"),
            Action::Export => Desk("export"),
            Action::Document => Desk("document"),
            Action::Office => Desk("office"),
            Action::Journal => Desk("journal"),
            Action::Undo => Step(Op::Undo),
            Action::AttachFile => Step(Op::AttachFile),
            Action::DetachFile => Step(Op::DetachFile),
            Action::OpenFile => Desk("open_file"),
            Action::NextFile => Desk("next_file"),
        }
    }

    /// The action's code: its name in `keys.toml` and in `strings::ui::action`.
    /// The steps of a case are named by their domain op code.
    pub fn name(self) -> &'static str {
        match self.code() {
            Code::Step(op) => op.code(),
            Code::Desk(name) => name,
        }
    }

    /// The domain op (`Command::op`) whose form the action opens.
    pub fn op(self) -> Option<Op> {
        match self.code() {
            Code::Step(op) => Some(op),
            Code::Desk(_) => None,
        }
    }

    /// The action that opens `op`'s form; None for the ops the case screen
    /// has no key of their own for.
    pub fn from_op(op: Op) -> Option<Action> {
        Some(match op {
            Op::Register => Action::Register,
            Op::Assign => Action::Assign,
            Op::Recuse => Action::Recuse,
            Op::Opinion => Action::Opinion,
            Op::Instruct => Action::Instruct,
            Op::Extend => Action::Extend,
            Op::Supervise => Action::Supervise,
            Op::Reply => Action::Reply,
            Op::ReturnVisit => Action::ReturnVisit,
            Op::Archive => Action::Archive,
            Op::Review => Action::Review,
            Op::Own => Action::Own,
            Op::RefuseExtension => Action::RefuseExtension,
            Op::ReportBack => Action::ReportBack,
            Op::Remind => Action::Remind,
            Op::Resolve => Action::Resolve,
            Op::Hearing => Action::Hearing,
            Op::NoFurther => Action::NoFurther,
            Op::Terminate => Action::Terminate,
            Op::ReportReceived => Action::ReportReceived,
            Op::Undo => Action::Undo,
            // A new intake is `n` on the queue; a repeat item is attached
            // from the intake form; the handler asks for an extension with
            // the extend key (`App::try_action`); documents have their own
            // panel.
            // `unmask` is `apply`'s alone: a leader's considered act, with its reason.
            Op::Intake | Op::Attach | Op::AskExtension | Op::Issue | Op::Unmask => return None,
            Op::AttachFile => Action::AttachFile,
            Op::DetachFile => Action::DetachFile,
        })
    }
}

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
                .chain(Section::FIXED.iter())
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

    /// Ctrl-C: it quits from anywhere, whatever is open (a form keeps its
    /// draft), and no keys.toml may bind it. The desk asks this first, once
    /// (`ui/keys.rs`).
    pub fn always_quits(event: &KeyEvent) -> bool {
        Key::from_event(event) == CTRL_C
    }

    /// The action of a key on a screen; Ctrl-C quits on every screen.
    pub fn lookup(&self, ctx: Context, event: &KeyEvent) -> Option<Action> {
        if Keymap::always_quits(event) {
            return Some(Action::Quit);
        }
        let key = Key::from_event(event);
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
            map.read_section(section, table, &line_of, lang, &mut errors);
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

    /// The actions of one section of a `keys.toml` over the built-in ones;
    /// problems join `errors` with their lines.
    fn read_section(
        &mut self,
        section: Section,
        table: &DeTable<'_>,
        line_of: &dyn Fn(usize) -> usize,
        lang: Lang,
        errors: &mut Vec<(usize, String)>,
    ) {
        for (action, value) in table.iter() {
            let line = line_of(action.span().start);
            let bindings = &mut self.sections[section as usize];
            let Some(binding) = bindings
                .iter_mut()
                .find(|b| b.action.name() == action.get_ref())
            else {
                let known: Vec<&str> = section.defaults().iter().map(|(a, _)| a.name()).collect();
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
            if let Some(keys) = read_keys(section, specs, lang, errors) {
                binding.keys = keys;
                binding.line = Some(line);
            }
        }
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

/// The keys of one action as written, each with its line; None when one is
/// wrong (it is reported in `errors`).
fn read_keys(
    section: Section,
    specs: Vec<(&str, usize)>,
    lang: Lang,
    errors: &mut Vec<(usize, String)>,
) -> Option<Vec<Key>> {
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
    (!bad).then_some(keys)
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
mod tests;
