//! Texts of the terminal desk.

use super::{Lang, labels};
use crate::domain::op::Op;

pub struct UiText {
    pub app: &'static str,
    pub operator: &'static str,
    pub no_operator: &'static str,
    pub today_intake: &'static str,
    pub open: &'static str,
    pub due_soon: &'static str,
    pub overdue: &'static str,
    pub all: &'static str,
    pub mine: &'static str,
    pub search: &'static str,
    pub search_hint: &'static str,
    /// One or two digits typed: searching waits for the third.
    pub more_digits: &'static str,
    pub no_cases: &'static str,
    pub anonymous: &'static str,
    pub too_small: &'static str,
    pub help_title: &'static str,
    pub help_close: &'static str,
    pub deadlines: &'static str,
    pub timeline: &'static str,
    pub next_steps: &'static str,
    pub page: &'static str,
    pub headings: [&'static str; 8],
    pub days_left: &'static str,
    pub days_over: &'static str,
}

pub fn text(lang: Lang) -> &'static UiText {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

static ZH: UiText = UiText {
    app: "信访接待台账",
    operator: "操作员",
    no_operator: "（未选操作员）",
    today_intake: "今日收件",
    open: "在办",
    due_soon: "临期",
    overdue: "超期",
    all: "全部",
    mine: "我的",
    search: "检索",
    search_hint: "输入姓名、电话（尾号1234 查后四位）、问题或编号；Esc 取消",
    more_digits: "号码请至少输入3位再检索（如 138），尾号4位（如 尾号0524）；Esc 取消",
    no_cases: "没有符合条件的信访事项",
    anonymous: "（匿名）",
    too_small: "窗口太小，请放大到至少 60x16",
    help_title: "按键说明",
    help_close: "按任意键返回",
    deadlines: "期限",
    timeline: "办理过程",
    next_steps: "下一步",
    page: "页",
    headings: [
        "编号",
        "收件日期",
        "渠道",
        "信访人",
        "分类",
        "主要问题",
        "状态",
        "期限",
    ],
    days_left: "剩{}日",
    days_over: "超{}日",
};

static EN: UiText = UiText {
    app: "Letters & visits ledger",
    operator: "operator",
    no_operator: "(no operator)",
    today_intake: "today",
    open: "open",
    due_soon: "due soon",
    overdue: "overdue",
    all: "all",
    mine: "mine",
    search: "search",
    search_hint: "type a name, phone (尾号1234: its last digits), matter or number; Esc cancels",
    more_digits: "type at least 3 digits of a number (e.g. 138), 4 after 尾号; Esc cancels",
    no_cases: "no cases match",
    anonymous: "(anonymous)",
    too_small: "window too small: make it at least 60x16",
    help_title: "Keys",
    help_close: "press any key to go back",
    deadlines: "Deadlines",
    timeline: "Timeline",
    next_steps: "Next",
    page: "page",
    headings: [
        "case",
        "received",
        "channel",
        "petitioner",
        "category",
        "summary",
        "state",
        "due",
    ],
    days_left: "{}d left",
    days_over: "{}d over",
};

/// What each key does, for the help screen and the footer. A step's key
/// is named by its op's code (`Action::name`).
/// The review key's label on a 复查 case, whose review is a 复核 (Art 36).
pub fn rereview(lang: Lang) -> &'static str {
    lang.pick("复核", "re-review")
}

pub fn action(lang: Lang, name: &str) -> &'static str {
    if let Some(op) = Op::from_code(name) {
        return step_key(lang, op);
    }
    match name {
        "quit" => lang.pick("退出", "quit"),
        "down" => lang.pick("下一条", "next row"),
        "up" => lang.pick("上一条", "previous row"),
        "page_down" => lang.pick("下一页", "next page"),
        "page_up" => lang.pick("上一页", "previous page"),
        "first" => lang.pick("第一条", "first row"),
        "last" => lang.pick("最后一条", "last row"),
        "open" => lang.pick("打开", "open"),
        "search" => lang.pick("检索", "search"),
        "filter" => lang.pick("切换筛选", "next filter"),
        "help" => lang.pick("按键说明", "keys"),
        "back" => lang.pick("返回", "back"),
        "refresh" => lang.pick("刷新", "refresh"),
        "new" => lang.pick("新登记", "new intake"),
        "next_field" => lang.pick("下一项", "next field"),
        "prev_field" => lang.pick("上一项", "previous field"),
        "save" => lang.pick("保存", "save"),
        "filter_channel" => lang.pick("切换渠道", "next channel"),
        "mine" => lang.pick("只看我的", "my cases"),
        "sort" => lang.pick("切换排序", "next sort order"),
        "document" => lang.pick("出具文书", "documents"),
        "open_file" => lang.pick("打开附件", "open file"),
        "next_file" => lang.pick("下一个附件", "next file"),
        "presets" => lang.pick("日周月报", "presets"),
        "list_next" => lang.pick("清单下一页", "list: next page"),
        "list_prev" => lang.pick("清单上一页", "list: previous page"),
        "list_switch" => lang.pick("超期件/督办件清单", "overdue/supervised list"),
        "office" => lang.pick("单位信息", "office letterhead"),
        "switch_view" => lang.pick("工作台/领导视图", "queue/dashboard"),
        "charts" => lang.pick("统计图", "charts"),
        "settings" => lang.pick("人员和部门", "people"),
        "journal" => lang.pick("操作日志", "office journal"),
        "import" => lang.pick("导入台账", "import a register"),
        "new_department" => lang.pick("新增部门", "new department"),
        "passphrase" => lang.pick("口令", "passphrase"),
        "reception" => lang.pick("领导接待日", "reception days"),
        "schedule" => lang.pick("排接待日", "schedule a day"),
        "report" => lang.pick("分析报告", "report"),
        "next_kind" => lang.pick("日/周/月/季/年报", "day/week/month/…"),
        "prev_kind" => lang.pick("上一种报告", "previous kind"),
        "prev_period" => lang.pick("上一期", "previous period"),
        "next_period" => lang.pick("下一期", "next period"),
        "export" => lang.pick("导出报告", "write files"),
        "add_row" => lang.pick("添加信访人", "add petitioner"),
        "remove_row" => lang.pick("删除信访人", "remove petitioner"),
        "main_row" => lang.pick("设为主信访人", "make main petitioner"),
        "link" => lang.pick("关联此前事项", "link earlier case"),
        "copy_contact" => lang.pick("采用其电话和住址", "take its phone and address"),
        "backlog" => lang.pick("积案", "backlog"),
        "team" => lang.pick("专班", "team"),
        "meeting" => lang.pick("会商", "consultation"),
        "progress" => lang.pick("化解进展", "progress"),
        _ => "",
    }
}

/// What the key of a step does: shorter than the step on a case's timeline
/// (`labels::step`), since the footer has little room.
fn step_key(lang: Lang, op: Op) -> &'static str {
    match op {
        Op::Register => lang.pick("登记受理", "register"),
        Op::Assign => lang.pick("交办", "assign"),
        Op::Recuse => lang.pick("回避", "recuse"),
        Op::Opinion => lang.pick("处理意见", "opinion"),
        Op::Instruct => lang.pick("批示", "instruct"),
        Op::Sign => lang.pick("阅批", "sign"),
        Op::Extend => lang.pick("延期", "extend"),
        Op::Supervise => lang.pick("督办", "supervise"),
        Op::Reply => lang.pick("答复", "reply"),
        Op::ReturnVisit => lang.pick("回访", "return visit"),
        Op::Archive => lang.pick("归档", "archive"),
        Op::Review => lang.pick("复查", "review"),
        Op::Own => lang.pick("包案", "own"),
        Op::RefuseExtension => lang.pick("不同意延期", "refuse extension"),
        Op::ReportBack => lang.pick("办结报告", "report back"),
        Op::Remind => lang.pick("催办", "remind"),
        Op::Resolve => lang.pick("化解", "resolve"),
        Op::Hearing => lang.pick("听证", "hearing"),
        Op::NoFurther => lang.pick("不再受理", "not again"),
        Op::Terminate => lang.pick("终结", "close for good"),
        Op::ReportReceived => lang.pick("收到办结报告", "report received"),
        // The intake form's key that takes the intake as a repeat item.
        Op::Attach => lang.pick("作为重复件并入", "attach as repeat"),
        // No key of their own (`Action::from_op`): their verb, should one
        // ever be named.
        Op::Intake | Op::AskExtension | Op::Issue | Op::Unmask => labels::step(lang, op),
        Op::Undo => lang.pick("撤销", "undo"),
        Op::Correct => lang.pick("更正", "correct"),
        Op::AttachFile => lang.pick("添加附件", "attach file"),
        Op::DetachFile => lang.pick("移除附件", "remove file"),
    }
}

/// What a key does on one screen, where the general name would mislead:
/// in a form the page keys move through the possible repeats.
pub fn action_in(lang: Lang, context: &str, name: &str) -> &'static str {
    match (context, name) {
        ("form", "page_down") => lang.pick("查重下一件", "next possible repeat"),
        ("form", "page_up") => lang.pick("查重上一件", "previous possible repeat"),
        ("case", "down") => lang.pick("向下滚动", "scroll down"),
        ("settings", "new") => lang.pick("新增人员", "new operator"),
        ("reception", "new") => lang.pick("记录接待", "record a reception"),
        ("settings", "open") => lang.pick("修改", "change"),
        ("dashboard", "page_down") => lang.pick("下一栏", "next list"),
        ("dashboard", "page_up") => lang.pick("上一栏", "previous list"),
        ("case", "up") => lang.pick("向上滚动", "scroll up"),
        ("report", "down") => lang.pick("向下滚动", "scroll down"),
        ("report", "up") => lang.pick("向上滚动", "scroll up"),
        ("backlog", "new") => lang.pick("认定积案", "mark a case"),
        ("backlog", "own") => lang.pick("包案领导", "owning leader"),
        _ => action(lang, name),
    }
}

/// The queue's order, when not the newest first.
pub fn sort(lang: Lang, sort: crate::store::Sort) -> &'static str {
    use crate::store::Sort;
    match sort {
        Sort::Newest => lang.pick("最新在前", "newest first"),
        Sort::Oldest => lang.pick("最早在前", "oldest first"),
        Sort::Due => lang.pick("按期限", "by due date"),
    }
}
