//! Texts of the first-run setup and of the operator pick list.

use super::Lang;

pub struct SetupText {
    pub title: &'static str,
    /// Two short lines under the title.
    pub intro: [&'static str; 2],
    pub office_name: &'static str,
    pub your_name: &'static str,
    pub your_role: &'static str,
    pub departments: &'static str,
    pub your_department: &'static str,
    /// The "no department" option of the operator's own department.
    pub no_department: &'static str,
    pub office_hint: &'static str,
    pub name_hint: &'static str,
    pub role_hint: &'static str,
    /// The first run: the first operator is the office's leader.
    pub role_fixed_hint: &'static str,
    pub departments_hint: &'static str,
    pub department_hint: &'static str,
    pub prefix: &'static str,
    pub review_organ: &'static str,
    pub prefix_hint: &'static str,
    pub review_organ_hint: &'static str,
    pub office_required: &'static str,
    pub name_required: &'static str,
    pub departments_required: &'static str,
    pub confirm_quit: &'static str,
    /// Key hints at the foot of the setup screen.
    pub keys: &'static str,
}

pub fn text(lang: Lang) -> &'static SetupText {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

static ZH: SetupText = SetupText {
    title: "首次使用：设置台账",
    intro: [
        "这个台账还是空的。填好以下几项就可以开始登记。",
        "以后可用 xinfang apply 增加人员和科室。",
    ],
    office_name: "单位名称",
    your_name: "你的姓名",
    your_role: "你的角色",
    departments: "承办科室",
    your_department: "你所在科室",
    no_department: "（不填）",
    office_hint: "显示在每一屏的最上方，如：某区信访局",
    name_hint: "你就是第一位操作员，日志里的每一笔都记你的名字",
    role_hint: "←/→ 或空格切换：接待登记员登记受理，领导批示督办，承办人办理答复",
    role_fixed_hint: "第一位操作员是本单位领导（由他添加其他人员并给一次性口令）",
    departments_hint: "交办时可选的科室，用顿号、逗号、分号或空格隔开，如：城建科、民政科、教育科",
    department_hint: "承办人请选所在科室（交办时据此回避被反映单位）；←/→ 或空格切换",
    prefix: "文号前缀",
    review_organ: "复查机关",
    prefix_hint: "文书编号的前缀，如：某信（编号即 某信告〔2026〕1号）；以后可在 p → o 单位信息中改",
    review_organ_hint: "上一级机关，处理意见书据此告知复查途径（第三十五条），如：某市信访局",
    office_required: "请填写单位名称",
    name_required: "请填写你的姓名",
    departments_required: "请至少填写一个科室",
    confirm_quit: "已填写的内容尚未保存：再按 Esc 退出，或 Ctrl-S 完成设置",
    keys: "Tab/↓ 下一项  S-Tab/↑ 上一项  ←/→ 切换  Ctrl-S 完成  Esc 退出",
};

static EN: SetupText = SetupText {
    title: "First run: set up this ledger",
    intro: [
        "This ledger is empty. Fill in these few lines to start taking cases.",
        "Add people and departments later with xinfang apply.",
    ],
    office_name: "office name",
    your_name: "your name",
    your_role: "your role",
    departments: "departments",
    your_department: "your department",
    no_department: "(none)",
    office_hint: "shown at the top of every screen, e.g. Riverside Letters & Visits Bureau",
    name_hint: "you are the first operator: the journal records your name on every entry",
    role_hint: "←/→ or Space: clerks take cases in, leaders instruct and supervise, handlers handle and reply",
    role_fixed_hint: "the first operator is the office's leader (who adds the others with one-time passphrases)",
    departments_hint: "the departments cases are assigned to, separated by commas or semicolons, e.g. Works, Civil Affairs",
    department_hint: "a handler picks their department (assignment keeps away from the accused unit); ←/→ or Space",
    prefix: "number prefix",
    review_organ: "review body",
    prefix_hint: "before each document number, e.g. 某信 (numbers read 某信告〔2026〕1号); change it later under p, then o",
    review_organ_hint: "the body one level up, named in the reply letter as where to ask for review (Art 35), e.g. 某市信访局",
    office_required: "enter the office's name",
    name_required: "enter your name",
    departments_required: "enter at least one department",
    confirm_quit: "what you entered is not saved: Esc again quits, Ctrl-S finishes the setup",
    keys: "Tab/↓ next  S-Tab/↑ previous  ←/→ change  Ctrl-S finish  Esc quit",
};

/// A department written twice in the list.
pub fn duplicate_department(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Zh => format!("「{name}」写了两次：请删去一个"),
        Lang::En => format!("'{name}' is listed twice: remove one"),
    }
}

/// What the department list will create, shown under it as it is typed.
pub fn departments_preview(lang: Lang, names: &[String]) -> String {
    match lang {
        Lang::Zh => format!("将建立{}个科室：{}", names.len(), names.join(" | ")),
        Lang::En => format!("{} department(s): {}", names.len(), names.join(" | ")),
    }
}

pub struct PickerText {
    pub title: &'static str,
    pub filter: &'static str,
    pub headings: [&'static str; 3],
    pub no_operators: &'static str,
    pub keys: &'static str,
    pub keys_filtering: &'static str,
}

pub fn picker(lang: Lang) -> &'static PickerText {
    match lang {
        Lang::Zh => &PICKER_ZH,
        Lang::En => &PICKER_EN,
    }
}

static PICKER_ZH: PickerText = PickerText {
    title: "你是哪位操作员？",
    filter: "姓名",
    headings: ["姓名", "角色", "科室"],
    no_operators: "台账里没有在用的操作员：请先用 xinfang apply 添加，或用 --as 指定",
    keys: "↑/↓ 或 j/k 选择  输入姓名筛选  Enter 确定  Esc/q 退出",
    keys_filtering: "↑/↓ 选择  Enter 确定  Esc 清除筛选",
};

static PICKER_EN: PickerText = PickerText {
    title: "Which operator are you?",
    filter: "name",
    headings: ["name", "role", "department"],
    no_operators: "this ledger has no active operator: add one with xinfang apply, or give --as",
    keys: "↑/↓ or j/k move  type a name (or /) to filter  Enter pick  Esc/q quit",
    keys_filtering: "↑/↓ move  Enter pick  Esc clear the filter",
};

/// No operator's name contains what was typed.
pub fn no_match(lang: Lang, typed: &str) -> String {
    match lang {
        Lang::Zh => format!("没有姓名含「{typed}」的操作员"),
        Lang::En => format!("no operator's name contains '{typed}'"),
    }
}
