//! Texts of the statistics report (信访情况分析报告): headings, figure labels, periods and
//! the errors of `xinfang report`.

use chrono::{Datelike, NaiveDate};

use super::{Lang, labels};
use crate::domain::policy::Policy;
use crate::domain::stats::{
    FigureKey, Key, Period, PeriodError, PeriodKind, Section, Volume, YEARS,
};

/// The forms `--period` accepts, for errors and help.
pub fn period_forms(lang: Lang) -> &'static str {
    lang.pick(
        "可用的写法：2026-11（月）、2026-Q4（季度）、2026（年）、2026-11-01..2026-11-15（起止日期，含首尾两天）、2026-11-05（一天）；day（今天）、week（本周，周一至周日）、month（本月）、quarter（本季度）、year（本年）",
        "accepted forms: 2026-11 (a month), 2026-Q4 (a quarter), 2026 (a year), 2026-11-01..2026-11-15 (a range, both days included), 2026-11-05 (one day); day (today), week (this week, Monday to Sunday), month, quarter, year (the current ones)",
    )
}

/// What is wrong with the period, then the accepted forms.
pub fn period_error(lang: Lang, e: &PeriodError) -> String {
    let zh = lang == Lang::Zh;
    let what = match e {
        PeriodError::Empty => lang.pick("没有给出统计期间", "no period given").to_owned(),
        PeriodError::Unrecognised(s) if zh => format!("无法识别统计期间“{s}”"),
        PeriodError::Unrecognised(s) => format!("the period \"{s}\" is not understood"),
        PeriodError::BadMonth { input, month } if zh => {
            format!("“{input}”中的月份 {month} 不存在，月份应为 1 至 12")
        }
        PeriodError::BadMonth { input, month } => {
            format!("\"{input}\": there is no month {month}; months are 1 to 12")
        }
        PeriodError::BadQuarter { input, quarter } if zh => {
            format!("“{input}”中的季度 Q{quarter} 不存在，季度应为 Q1 至 Q4")
        }
        PeriodError::BadQuarter { input, quarter } => {
            format!("\"{input}\": there is no quarter Q{quarter}; quarters are Q1 to Q4")
        }
        PeriodError::BadDate(s) if zh => format!("日期“{s}”不存在"),
        PeriodError::BadDate(s) => format!("there is no such day as {s}"),
        PeriodError::BadYear { input, year } if zh => format!(
            "“{input}”中的年份 {year} 超出范围（{} 至 {}）",
            YEARS.start(),
            YEARS.end()
        ),
        PeriodError::BadYear { input, year } => format!(
            "\"{input}\": the year {year} is out of range ({} to {})",
            YEARS.start(),
            YEARS.end()
        ),
        PeriodError::Reversed { start, end } if zh => {
            format!("起始日期 {start} 晚于结束日期 {end}")
        }
        PeriodError::Reversed { start, end } => {
            format!("the range starts ({start}) after it ends ({end})")
        }
        PeriodError::Future { start, today } if zh => {
            format!("统计期间从 {start} 开始，尚未到来（今天是 {today}）")
        }
        PeriodError::Future { start, today } => {
            format!("the period begins on {start}, after today ({today})")
        }
    };
    let sep = lang.pick("。", ". ");
    format!("{what}{sep}{}", period_forms(lang))
}

/// `--out` could not be written.
pub fn cannot_write(lang: Lang, path: &std::path::Path, e: &std::io::Error) -> String {
    match lang {
        Lang::Zh => format!(
            "无法写入报告文件 {}：{}",
            path.display(),
            super::input::io_reason(lang, e)
        ),
        Lang::En => format!(
            "cannot write the report to {}: {}",
            path.display(),
            super::input::io_reason(lang, e)
        ),
    }
}

fn zh_date(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// A date as the report prints it.
pub fn date(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::Zh => zh_date(d),
        Lang::En => d.to_string(),
    }
}

/// "2026年11月", "2026年第四季度", "2026年11月16日至22日" …
pub fn period_label(lang: Lang, p: &Period) -> String {
    let (s, e) = (p.start, p.end);
    // A range of one day (a week compared on its Monday) is that day.
    if p.kind == PeriodKind::Range && s == e {
        return date(lang, s);
    }
    match lang {
        Lang::Zh => match p.kind {
            PeriodKind::Day => zh_date(s),
            PeriodKind::Month => format!("{}年{}月", s.year(), s.month()),
            PeriodKind::Quarter => {
                let q = ["一", "二", "三", "四"][s.month0() as usize / 3];
                format!("{}年第{q}季度", s.year())
            }
            PeriodKind::Year => format!("{}年", s.year()),
            PeriodKind::Week | PeriodKind::Range => {
                let end = if e.year() != s.year() {
                    zh_date(e)
                } else if e.month() != s.month() {
                    format!("{}月{}日", e.month(), e.day())
                } else {
                    format!("{}日", e.day())
                };
                let span = format!("{}至{end}", zh_date(s));
                if p.kind == PeriodKind::Week {
                    format!("{span}（第{}周）", s.iso_week().week())
                } else {
                    span
                }
            }
        },
        Lang::En => match p.kind {
            PeriodKind::Day => s.to_string(),
            PeriodKind::Month => s.format("%B %Y").to_string(),
            PeriodKind::Quarter => format!("Q{} {}", s.month0() / 3 + 1, s.year()),
            PeriodKind::Year => s.year().to_string(),
            PeriodKind::Week => format!("week {} ({s} to {e})", s.iso_week().week()),
            PeriodKind::Range => format!("{s} to {e}"),
        },
    }
}

/// 日报, 周报, 月报 … (nothing for a free range).
pub fn kind_name(lang: Lang, k: PeriodKind) -> &'static str {
    match k {
        PeriodKind::Day => lang.pick("日报", "daily"),
        PeriodKind::Week => lang.pick("周报", "weekly"),
        PeriodKind::Month => lang.pick("月报", "monthly"),
        PeriodKind::Quarter => lang.pick("季报", "quarterly"),
        PeriodKind::Year => lang.pick("年报", "yearly"),
        PeriodKind::Range => "",
    }
}

/// The report's title.
pub fn title(lang: Lang, p: &Period) -> String {
    match lang {
        Lang::Zh => format!("{}信访情况分析报告", period_label(lang, p)),
        Lang::En => format!("Letters and visits report: {}", period_label(lang, p)),
    }
}

/// Labels of the lines under the title.
pub fn meta(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::Zh => ["统计期间", "环比期间", "同比期间", "生成日期"],
        Lang::En => [
            "Period",
            "Compared with",
            "Same period last year",
            "Made on",
        ],
    }
}

/// "（截至11月21日）" when the period has not ended.
pub fn so_far(lang: Lang, cutoff: NaiveDate) -> String {
    match lang {
        Lang::Zh => format!("（截至{}月{}日）", cutoff.month(), cutoff.day()),
        Lang::En => format!(" (to {cutoff})"),
    }
}

/// Column headings of a figure table.
pub fn columns(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::Zh => ["项目", "本期", "上期", "环比", "去年同期", "同比"],
        Lang::En => ["", "now", "before", "change", "last year", "change"],
    }
}

/// Chinese ordinal heading numbers: 一、二、…
pub fn ordinal(lang: Lang, n: usize) -> String {
    const ZH: [&str; 14] = [
        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四",
    ];
    match lang {
        Lang::Zh => format!("{}、", ZH.get(n).copied().unwrap_or("")),
        Lang::En => format!("{}. ", n + 1),
    }
}

pub fn section(lang: Lang, s: Section, top: usize, cutoff: NaiveDate) -> String {
    let fixed = match s {
        Section::Intake => lang.pick("信访总量", "Total"),
        Section::Channel => lang.pick(
            "按来源渠道（批次、人次）",
            "By channel (batches, person-times)",
        ),
        Section::Category => lang.pick("按问题分类（批次）", "By category (batches)"),
        Section::Target => {
            return match lang {
                Lang::Zh => format!("被反映较多的单位（前{top}位，批次）"),
                Lang::En => format!("Most complained-about units (top {top}, batches)"),
            };
        }
        Section::Department => lang.pick("按承办部门（批次）", "By handling department (batches)"),
        Section::Focus => lang.pick(
            "集体访、重复信访和重大紧急事项",
            "Group visits, repeat petitions, major items",
        ),
        Section::Decision => lang.pick("受理情况", "Decisions"),
        Section::Reply => lang.pick("答复情况", "Replies"),
        Section::Archive => lang.pick("归档情况", "Archived"),
        Section::Timeliness => lang.pick(
            "及时受理率和按期办结率",
            "Decided in time, finished in time",
        ),
        Section::Satisfaction => lang.pick("满意度评价", "Satisfaction"),
        Section::Overdue => {
            return match lang {
                Lang::Zh => format!("超期件（截至{}）", zh_date(cutoff)),
                Lang::En => format!("Overdue (at the end of {cutoff})"),
            };
        }
        Section::Supervision => lang.pick("督办件", "Supervision"),
        Section::Steps => lang.pick("复查复核及其他办理环节", "Reviews and other steps"),
    };
    fixed.to_owned()
}

/// The label of a figure; names from the data (a category, a unit, a department) are their
/// own label.
pub fn figure(lang: Lang, policy: &Policy, key: &Key) -> String {
    let zh = lang == Lang::Zh;
    match key {
        Key::Fixed(k) => fixed_figure(lang, *k).to_owned(),
        Key::Name(name) => name.clone(),
        Key::Channel(c, v) => {
            let ch = labels::channel(lang, *c);
            let what = match v {
                Volume::Batches => lang.pick("批次", "batches"),
                Volume::PersonTimes => lang.pick("人次", "person-times"),
            };
            if zh {
                format!("{ch} {what}")
            } else {
                format!("{ch}, {what}")
            }
        }
        Key::State(s) => {
            let st = labels::state(lang, *s);
            if zh {
                format!("其中现状态为{st}")
            } else {
                format!("of which now: {st}")
            }
        }
        Key::Clock(clock) => {
            let label = policy.clock(clock).map_or(clock.as_str(), |c| match lang {
                Lang::Zh => c.label_zh.as_str(),
                Lang::En => c.label_en.as_str(),
            });
            if zh {
                format!("其中{label}超期")
            } else {
                format!("of which {label} overdue")
            }
        }
        // A counted step (`COUNTED_STEPS`): the times it was given, named by its step.
        Key::Step(op) => {
            let step = labels::step(lang, *op);
            if zh {
                format!("{step}次数")
            } else {
                format!("{step} (times)")
            }
        }
    }
}

/// The label of a figure with a fixed meaning.
pub fn fixed_figure(lang: Lang, key: FigureKey) -> &'static str {
    use FigureKey as K;
    match key {
        K::Batches => lang.pick("信访总量（批次）", "all items (batches)"),
        K::PersonTimes => lang.pick("信访总量（人次）", "all items (person-times)"),
        K::GroupVisits => lang.pick(
            "集体访（5人及以上来访，批次）",
            "group visits (5+ people, batches)",
        ),
        K::GroupVisitPersonTimes => lang.pick("集体访（人次）", "group visits (person-times)"),
        K::Repeat => lang.pick("重复信访（批次）", "repeat petitions (batches)"),
        K::Major => lang.pick("重大紧急事项", "major or urgent items"),
        K::Attached => lang.pick(
            "重复件（并入原件，不另计批次）",
            "repeat items attached (not recounted)",
        ),
        K::RepeatRate => lang.pick("重复信访率", "repeat rate"),
        K::FirstTimeClosed => lang.pick(
            "初信初访办结（答复送达）",
            "first-time items closed (reply served)",
        ),
        K::FirstTimeOnce => lang.pick(
            "其中一次办结（期内未再信访）",
            "of which closed at once (not back since)",
        ),
        K::FirstTimeRate => lang.pick("初信初访一次办结率", "first-time closed-at-once rate"),
        K::Letters => lang.pick("来信（件）", "letters received"),
        K::LettersSigned => lang.pick("其中领导阅批", "of which read and signed by a leader"),
        K::LetterSignRate => lang.pick("领导阅批率", "letters signed by leaders (rate)"),
        K::Decided => lang.pick("作出受理决定", "decisions taken"),
        K::Accept => lang.pick("受理", "accepted"),
        K::Decline => lang.pick("不予受理", "declined"),
        K::PassOn => lang.pick("转送", "passed on"),
        K::Answered => lang.pick("当场答复", "answered on the spot"),
        K::Replied => lang.pick("答复送达", "replies served"),
        K::Support => lang.pick("其中予以支持", "of which supported"),
        K::Explain => lang.pick("其中解释说明", "of which explained"),
        K::Reject => lang.pick("其中不予支持", "of which not supported"),
        K::Archived => lang.pick("归档", "archived"),
        K::DecideEnded => lang.pick("受理期限届满或已决定", "decision clocks ended"),
        K::DecideOnTime => lang.pick("按期决定（告知未逾期）", "decided in time"),
        K::DecideRate => lang.pick("及时受理率", "decided-in-time rate"),
        K::HandleEnded => lang.pick("办理期限届满或已答复", "handling clocks ended"),
        K::HandleOnTime => lang.pick("按期办结", "finished in time"),
        K::HandleExtended => lang.pick("期限届满件中经批准延期", "of the ended, extended"),
        K::HandleRate => lang.pick("按期办结率", "finished-in-time rate"),
        K::Eligible => lang.pick("应参评（受理并答复）", "eligible (accepted, replied)"),
        K::Rated => lang.pick("已回访评价", "rated in a return visit"),
        K::ParticipationRate => lang.pick("参评率", "participation rate"),
        K::UnitSatisfied => lang.pick("承办单位：满意", "handling unit: satisfied"),
        K::UnitBasic => lang.pick("承办单位：基本满意", "handling unit: basically satisfied"),
        K::UnitUnsatisfied => lang.pick("承办单位：不满意", "handling unit: unsatisfied"),
        K::UnitRate => lang.pick("承办单位满意率", "handling unit satisfaction rate"),
        K::OfficeSatisfied => lang.pick("信访部门：满意", "reception office: satisfied"),
        K::OfficeBasic => lang.pick(
            "信访部门：基本满意",
            "reception office: basically satisfied",
        ),
        K::OfficeUnsatisfied => lang.pick("信访部门：不满意", "reception office: unsatisfied"),
        K::OfficeRate => lang.pick("信访部门满意率", "reception office satisfaction rate"),
        K::OverdueTotal => lang.pick("超期件", "cases overdue"),
        K::Orders => lang.pick("督办次数", "supervision orders"),
        K::SupervisedCases => lang.pick("督办件数", "cases supervised"),
        K::Reviews => lang.pick("复查件", "review cases (复查)"),
        K::ReReviews => lang.pick("复核件", "re-review cases (复核)"),
        K::ReportBackOverdue => lang.pick("办结报告超期未报件", "reports back overdue"),
        K::OutboundOverdue => lang.pick("交办办结报告超期未收件", "reports from bodies overdue"),
    }
}

/// "—": no base to compare with.
pub const NONE: &str = "—";

/// A change: "+23.0%" for a count, "+2.1个百分点" for a rate.
pub fn change(lang: Lang, change: Option<f64>, rate: bool) -> String {
    let Some(c) = change else {
        return NONE.to_owned();
    };
    let sign = if c > 0.0 { "+" } else { "" };
    match (rate, lang) {
        (false, _) => format!("{sign}{c:.1}%"),
        (true, Lang::Zh) => format!("{sign}{c:.1}个百分点"),
        (true, Lang::En) => format!("{sign}{c:.1} pt"),
    }
}

/// Headings of the item lists.
pub fn overdue_columns(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::Zh => [
            "编号",
            "收件日期",
            "状态",
            "承办部门",
            "期限",
            "超期",
            "主要问题",
        ],
        Lang::En => [
            "case",
            "received",
            "state",
            "department",
            "clock due",
            "late",
            "summary",
        ],
    }
}

pub fn supervised_columns(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::Zh => ["编号", "督办日期", "事由", "反馈期限", "现状态", "主要问题"],
        Lang::En => [
            "case",
            "supervised",
            "ground",
            "feedback by",
            "state now",
            "summary",
        ],
    }
}

pub fn days(lang: Lang, n: i64) -> String {
    match lang {
        Lang::Zh => format!("{n}日"),
        Lang::En => format!("{n} d"),
    }
}

/// Said on standard error after `report --out FILE`: where, and that it is not encrypted.
pub fn written(lang: Lang, path: &std::path::Path) -> String {
    let p = path.display();
    match lang {
        Lang::Zh => format!("已写出 {p}。该文件未加密，离开了台账的保护：请妥善保管，用毕删除。"),
        Lang::En => format!(
            "written to {p}. The file is NOT encrypted and has left the ledger's protection: keep it safe and delete it when done."
        ),
    }
}

/// "另有 N 件未列出", on paper: no command line in a printed report.
pub fn more_items_printed(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("另有 {n} 件未列出。"),
        Lang::En => format!("{n} more not listed."),
    }
}

/// "另有 N 件未列出", and the command that lists them.
pub fn more_items(lang: Lang, n: usize, list: &str) -> String {
    match lang {
        Lang::Zh => format!("另有 {n} 件未列出（report --list {list} --all 列出全部）"),
        Lang::En => format!("{n} more not listed (report --list {list} --all lists them all)"),
    }
}

/// The heading of a page of a listed list (`report --list`).
pub fn list_heading(
    lang: Lang,
    overdue: bool,
    cutoff: &str,
    count: u64,
    page: (usize, usize),
) -> String {
    let (p, pages) = page;
    match (lang, overdue) {
        (Lang::Zh, true) => format!("截至 {cutoff} 逾期未办结 {count} 件，第 {p}/{pages} 页"),
        (Lang::Zh, false) => format!("{cutoff} 督办 {count} 件，第 {p}/{pages} 页"),
        (Lang::En, true) => format!("{count} overdue at {cutoff}, page {p} of {pages}"),
        (Lang::En, false) => format!("{count} supervised in {cutoff}, page {p} of {pages}"),
    }
}

/// Where the next page of a list is (`report --list`).
pub fn list_next(lang: Lang, list: &str, period: &str, next: usize) -> String {
    match lang {
        Lang::Zh => format!(
            "下一页：xinfang report --period {period} --list {list} --page {next}（--all 列出全部）"
        ),
        Lang::En => format!(
            "next page: xinfang report --period {period} --list {list} --page {next} (--all lists all)"
        ),
    }
}

/// `--page` past the last page.
pub fn no_such_page(lang: Lang, page: usize, pages: usize) -> String {
    match lang {
        Lang::Zh => format!("没有第 {page} 页：共 {pages} 页"),
        Lang::En => format!("there is no page {page}: {pages} in all"),
    }
}

/// `--list` with a format it does not write.
pub fn list_format(lang: Lang) -> &'static str {
    lang.pick(
        "--list 只输出 text、json 或 csv",
        "--list writes text, json or csv only",
    )
}

pub fn no_items(lang: Lang) -> &'static str {
    lang.pick("无", "none")
}

/// Years without an official holiday table: due dates there are provisional.
pub fn uncovered(lang: Lang, years: &[i32]) -> String {
    let ys: Vec<String> = years.iter().map(i32::to_string).collect();
    match lang {
        Lang::Zh => format!(
            "注：{} 年尚无国务院放假安排，期限按《全国年节及纪念日放假办法》的法定节假日推算，为暂定日期。",
            ys.join("、")
        ),
        Lang::En => format!(
            "Note: no official holiday table for {} yet; due dates there are provisional, counted with the statutory holidays.",
            ys.join(", ")
        ),
    }
}

/// The short statement of what the figures count, printed under the report.
pub fn definitions(lang: Lang, group_min: u32) -> Vec<String> {
    match lang {
        Lang::Zh => vec![
            "统计口径".to_owned(),
            "1. 信访总量、渠道、分类、被反映单位、承办部门、集体访、重复信访、重大紧急：按收件日期在本期内的信访事项计；批次为件数，人次为人数之和；重复件并入原件，不另计批次。".to_owned(),
            format!("2. 集体访：{group_min}人及以上的来访。重复信访：关联了以往事项（含复查申请），或信访人（身份证号、电话、姓名加住址相同）此前已有信访事项。"),
            "3. 受理情况按受理决定日期计；答复按送达日期计；归档按归档日期计；督办按督办日期计。".to_owned(),
            "4. 及时受理率＝按期决定件数（已记录的书面告知亦未逾期）÷受理期限在本期结束的件数；按期办结率＝按期答复件数÷办理期限在本期结束的受理件数（含经批准的延期）。期限按本单位期限规定和节假日表计算；期限结束指已决定/已答复之日，或期限已过仍未办结者的到期日。".to_owned(),
            "5. 参评率＝已回访评价件数÷本期答复的受理件数；满意率＝（满意＋基本满意）÷已回访评价件数，承办单位和信访部门分别计算。".to_owned(),
            "6. 超期件为截止日终了时仍在办理且已过期限的事项。环比、同比为增减百分比，比率为增减百分点；基数为零时记“—”。本期尚未结束的，上期和去年同期取到同一日（如12月1日至7日对11月1日至7日、上年12月1日至7日）；年报的上期即去年同期，只列同比。".to_owned(),
            "7. 复查件、复核件按收到请求日期计，各按30日办理期限计算（第三十五、三十六条）；催办、化解息访按办理日期计次数；办结报告超期未报件为截止日终了时已过上级要求办结日期仍未报送办结报告的转交办件；交办办结报告超期未收件为截止日终了时已过本机关要求的办结报告期限（未定日期的按交办之日起60日）仍未收到承办机关办结报告的交办件（第二十二条第（三）项）。超期件含以上两种办结报告期限和听证后顺延的复核期限（听证时间不计入，第三十六条第二款）。".to_owned(),
            "8. 领导阅批率＝本期收到的来信中经领导阅批（有领导批示）的件数÷本期收到的来信件数；批示截至制表之日。本单位制度要求领导阅批来信过半（50%以上）。".to_owned(),
        ],
        Lang::En => vec![
            "What the figures count".to_owned(),
            "1. Totals, channels, categories, units, departments, group visits, repeats and major items: the cases received in the period; batches = cases, person-times = their people; attached repeat items are not counted again.".to_owned(),
            format!("2. A group visit is a visit of {group_min} or more people. A repeat petition links to an earlier case (a review request included), or its petitioner (same ID number, phone, or name and address) brought an earlier case."),
            "3. Decisions count by the decision's date, replies by the day served, archived by the archive date, supervision by the order's date.".to_owned(),
            "4. Decided-in-time rate = decided in time / decision clocks that ended in the period; finished-in-time rate = replied in time / handling clocks of accepted cases that ended in the period (approved extension included). Due dates follow the office's policy and holiday calendar; a clock ends when it stops, or on its due date if it is still running past it.".to_owned(),
            "5. Participation rate = rated in a return visit / accepted cases replied to in the period; satisfaction rate = (satisfied + basically satisfied) / rated, for the handling unit and the reception office.".to_owned(),
            "6. Overdue: still running past a due date at the end of the cut-off day. Changes are percentages of the earlier figure, rates change in percentage points; \"—\" where the base is zero. A period not yet over is compared with the same stretch of the others (1–7 December against 1–7 November and 1–7 December last year); a year's period before is its year before, given once.".to_owned(),
            "7. Review (复查) and re-review (复核) cases count by the day the request was received, each handled within its own 30 days (Art 35, 36); reminders and resolutions count the times they were given in the period; reports back overdue are referrals past the superior's date with no 办结报告 sent at the end of the cut-off day, reports from bodies overdue are items this office 交办'd past the date it set for the body's 办结报告 (else 60 days from the 交办) with none received (Art 22 (三)). Overdue cases include both report clocks, and a 复核 clock moved by its hearings (their days not counted, Art 36).".to_owned(),
            "8. Letters signed by leaders (领导阅批率) = letters received in the period that carry a leader's 批示 / letters received in the period; 批示 up to the day the report is made. The office's rules want leaders to read and sign over half of all letters.".to_owned(),
        ],
    }
}

/// Words of the `report` command's help.
pub fn about(lang: Lang) -> &'static str {
    lang.pick(
        "信访情况分析报告（日报、周报、月报……）：渠道批次人次、分类、被反映单位、及时受理率、按期办结率、满意率、超期和督办，附环比同比",
        "the statistics report (daily, weekly, monthly…): channels in batches and person-times, categories, units, timeliness, satisfaction, overdue and supervised items, with period-on-period and year-on-year change",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stretches a running period is compared with are labelled by their dates.
    #[test]
    fn a_stretch_is_labelled_by_its_days() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let range = |a: &str, b: &str| Period {
            kind: PeriodKind::Range,
            start: d(a),
            end: d(b),
        };
        let label = |p| period_label(Lang::Zh, &p);
        assert_eq!(
            label(range("2026-11-01", "2026-11-07")),
            "2026年11月1日至7日"
        );
        assert_eq!(
            label(range("2025-01-01", "2025-12-07")),
            "2025年1月1日至12月7日"
        );
        assert_eq!(label(range("2026-11-30", "2026-11-30")), "2026年11月30日");
        let en = period_label(Lang::En, &range("2026-11-30", "2026-11-30"));
        assert_eq!(en, "2026-11-30");
    }
}
