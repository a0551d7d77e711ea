//! What a key does: the desk's actions, each either a step of a case (named by its domain
//! op) or the desk's own, with its name in `keys.toml` and in `strings::ui::action`.

use crate::domain::op::Op;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Down,
    Up,
    PageDown,
    PageUp,
    /// The first row of a list, and its last.
    First,
    Last,
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
    /// The intake form's key: it saves the intake as a repeat item rather than opening a
    /// step's form.
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
    PrevKind,
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
    /// 导入台账: an old register, from the settings (a leader's).
    Import,
    /// 积案: the screen, and on it the 专班, a 会商, a line of progress.
    Backlog,
    Team,
    Meeting,
    Progress,
    /// 附件: keep a file with the case, remove one, open the one picked, pick the next.
    AttachFile,
    DetachFile,
    OpenFile,
    NextFile,
    /// The county's reports (日报、周报、月报) written to files, from the report screen.
    Presets,
    /// The report screen's lists (overdue, supervised): the next or previous page of the
    /// one chosen, and the other one chosen.
    ListNext,
    ListPrev,
    ListSwitch,
    /// 更正: put right what was recorded at the window.
    Correct,
}

/// What an action is: a step of a case, named by its domain op, or the
/// desk's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Code {
    Step(Op),
    Desk(&'static str),
}

use Code::{Desk, Step};

impl Action {
    /// One arm per action: a new action must say whether it is a step.
    fn code(self) -> Code {
        match self {
            Action::Quit => Desk("quit"),
            Action::Down => Desk("down"),
            Action::Up => Desk("up"),
            Action::PageDown => Desk("page_down"),
            Action::PageUp => Desk("page_up"),
            Action::First => Desk("first"),
            Action::Last => Desk("last"),
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
            Action::PrevKind => Desk("prev_kind"),
            Action::PrevPeriod => Desk("prev_period"),
            Action::NextPeriod => Desk("next_period"),
            Action::Export => Desk("export"),
            Action::Document => Desk("document"),
            Action::Office => Desk("office"),
            Action::Journal => Desk("journal"),
            Action::Undo => Step(Op::Undo),
            Action::Import => Desk("import"),
            Action::Backlog => Desk("backlog"),
            Action::Team => Desk("team"),
            Action::Meeting => Desk("meeting"),
            Action::Progress => Desk("progress"),
            Action::AttachFile => Step(Op::AttachFile),
            Action::DetachFile => Step(Op::DetachFile),
            Action::OpenFile => Desk("open_file"),
            Action::NextFile => Desk("next_file"),
            Action::Presets => Desk("presets"),
            Action::ListNext => Desk("list_next"),
            Action::ListPrev => Desk("list_prev"),
            Action::ListSwitch => Desk("list_switch"),
            Action::Correct => Step(Op::Correct),
        }
    }

    /// Keys the help (`?`) lists and no footer does: jumps to a list's ends and steps back
    /// a ring, which would take the footer's room from a screen's own keys.
    pub fn help_only(self) -> bool {
        matches!(self, Action::First | Action::Last | Action::PrevKind)
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
            Op::AttachFile => Action::AttachFile,
            Op::DetachFile => Action::DetachFile,
            Op::Correct => Action::Correct,
            // A new intake is `n` on the queue; a repeat item is attached
            // from the intake form; the handler asks for an extension with
            // the extend key (`App::try_action`); documents have their own
            // panel.
            // `unmask` is `apply`'s alone: a leader's considered act, with its reason.
            // 阅批 is the 批示 key's on a case with no opinion awaiting one (`App::try_action`).
            Op::Intake | Op::Attach | Op::AskExtension | Op::Issue | Op::Unmask | Op::Sign => {
                return None;
            }
        })
    }
}
