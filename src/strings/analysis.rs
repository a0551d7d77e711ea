//! The sentences of the report's analysis in words (`report::prose` picks the figures).
//! Names (categories, units, case numbers) are quoted, so a reader — and the test that
//! checks every number against the tables — tells them from figures.

use super::Lang;

/// How a figure moved against an earlier period, as an office writes it: 增长 / 下降 with
/// the size as the tables print it (no sign), 持平, or nothing to compare with (上期无).
#[derive(Debug, Clone, PartialEq)]
pub enum Delta {
    Up(String),
    Down(String),
    Flat,
    /// The earlier period had none: no base for a percentage.
    NoBase,
}

/// A change (`Figure::change`, in percent or, for a rate, percentage points) as a [`Delta`];
/// one that prints as 0.0 is 持平.
pub fn delta(lang: Lang, change: Option<f64>, rate: bool) -> Delta {
    let Some(c) = change else {
        return Delta::NoBase;
    };
    let size = match (rate, lang) {
        (false, _) => format!("{:.1}%", c.abs()),
        (true, Lang::Zh) => format!("{:.1}个百分点", c.abs()),
        (true, Lang::En) => format!("{:.1} points", c.abs()),
    };
    if size.starts_with("0.0") {
        Delta::Flat
    } else if c > 0.0 {
        Delta::Up(size)
    } else {
        Delta::Down(size)
    }
}

/// The earlier period a comparison is made with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Against {
    /// 上期 (环比).
    Before,
    /// 去年同期 (同比).
    YearAgo,
}

/// 上期, 去年同期.
fn earlier(lang: Lang, a: Against) -> &'static str {
    match a {
        Against::Before => lang.pick("上期", "the period before"),
        Against::YearAgo => lang.pick("去年同期", "the same period last year"),
    }
}

/// 环比, 同比.
fn ratio(lang: Lang, a: Against) -> &'static str {
    match a {
        Against::Before => lang.pick("环比", "on the period before"),
        Against::YearAgo => lang.pick("同比", "on a year earlier"),
    }
}

/// "增长5.0%", "上升1.2个百分点", "下降2.0%", "持平" (English "up 5.0%" …).
fn moved(lang: Lang, d: &Delta, rate: bool) -> String {
    match (lang, d) {
        (Lang::Zh, Delta::Up(by)) if rate => format!("上升{by}"),
        (Lang::Zh, Delta::Up(by)) => format!("增长{by}"),
        (Lang::Zh, Delta::Down(by)) => format!("下降{by}"),
        (Lang::Zh, Delta::Flat) => "持平".to_owned(),
        (Lang::En, Delta::Up(by)) => format!("up {by}"),
        (Lang::En, Delta::Down(by)) => format!("down {by}"),
        (Lang::En, Delta::Flat) => "unchanged".to_owned(),
        (_, Delta::NoBase) => lang.pick("无可比", "not comparable").to_owned(),
    }
}

/// One comparison of a rate: "环比下降1.3个百分点", "上期无" ("down 1.3 points on the period
/// before", "none in the period before").
fn phrase(lang: Lang, a: Against, d: &Delta, rate: bool) -> String {
    match (lang, d) {
        (Lang::Zh, Delta::NoBase) => format!("{}无", earlier(lang, a)),
        (Lang::En, Delta::NoBase) => format!("none in {}", earlier(lang, a)),
        (Lang::Zh, _) => format!("{}{}", ratio(lang, a), moved(lang, d, rate)),
        (Lang::En, _) => format!("{} {}", moved(lang, d, rate), ratio(lang, a)),
    }
}

/// What the overview says of one earlier period.
#[derive(Debug, Clone, PartialEq)]
pub enum Compared {
    /// Batches and person-times moved so.
    Moved(Delta, Delta),
    /// The earlier period's batches and person-times, too few for a percentage to be news
    /// (a day after a rest day): said as they are.
    Few(String, String),
    /// Not compared: the earlier period begins before the ledger's first case (`wholly`:
    /// ends before it too).
    Unrecorded { wholly: bool },
}

/// "去年同期台账记录不全" / "去年同期尚无台账记录".
fn unrecorded(lang: Lang, a: Against, wholly: bool) -> String {
    match (lang, wholly) {
        (Lang::Zh, false) => format!("{}台账记录不全", earlier(lang, a)),
        (Lang::Zh, true) => format!("{}尚无台账记录", earlier(lang, a)),
        (Lang::En, false) => format!("{} is not wholly on the ledger", earlier(lang, a)),
        (Lang::En, true) => format!("{} is not on the ledger", earlier(lang, a)),
    }
}

/// One earlier period in the overview's words.
fn compared(lang: Lang, a: Against, c: &Compared) -> String {
    let zh = lang == Lang::Zh;
    match c {
        Compared::Moved(Delta::NoBase, _) => phrase(lang, a, &Delta::NoBase, false),
        Compared::Moved(b, p) if zh => format!(
            "{}批次{}、人次{}",
            ratio(lang, a),
            moved(lang, b, false),
            moved(lang, p, false)
        ),
        Compared::Moved(b, p) => format!(
            "items {} and person-times {} {}",
            moved(lang, b, false),
            moved(lang, p, false),
            ratio(lang, a)
        ),
        Compared::Few(b, p) if zh => format!(
            "{}{b}批次、{p}人次，基数较小，不作{}",
            earlier(lang, a),
            ratio(lang, a)
        ),
        Compared::Few(b, p) => format!(
            "{} counted only {b} ({p} person-times), too few to compare",
            earlier(lang, a)
        ),
        Compared::Unrecorded { wholly } if zh => {
            format!("{}，不作{}", unrecorded(lang, a, *wholly), ratio(lang, a))
        }
        Compared::Unrecorded { wholly } => {
            format!("{}, so it is not compared", unrecorded(lang, a, *wholly))
        }
    }
}

/// A name among the largest, with its count and share of all batches.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    pub name: String,
    pub value: String,
    pub share: Option<String>,
}

/// 总体情况: the totals, then what each earlier period compared says (`compared`, in the
/// order 上期, 去年同期; a year's one, 去年同期, alone).
pub fn overall(
    lang: Lang,
    (period, own): (&str, Option<bool>),
    (batches, people): (&str, &str),
    compared_with: &[(Against, Compared)],
    group: (&str, &str),
    repeat: &str,
) -> String {
    format!(
        "{}{}",
        overall_totals(
            lang,
            period,
            (batches, people),
            compared_with,
            group,
            repeat
        ),
        own.map_or("", |wholly| own_period_unrecorded(lang, wholly))
    )
}

/// The period itself begins before the ledger's first case: said, so that its counts are
/// not read as the office's (a trial's 2024 report said 108 items for 9–31 December).
fn own_period_unrecorded(lang: Lang, wholly: bool) -> &'static str {
    match wholly {
        true => lang.pick(
            "本期在台账启用之前，以上数字不反映本期实际情况。",
            " This period is before the ledger began: these figures are not the period's.",
        ),
        false => lang.pick(
            "台账在本期中启用，以上数字只含启用之后的部分。",
            " The ledger began within this period: these figures count only from then.",
        ),
    }
}

fn overall_totals(
    lang: Lang,
    period: &str,
    (batches, people): (&str, &str),
    compared_with: &[(Against, Compared)],
    group: (&str, &str),
    repeat: &str,
) -> String {
    let parts: Vec<String> = (compared_with.iter())
        .map(|(a, c)| compared(lang, *a, c))
        .collect();
    // A comparison not made carries a comma of its own: the comparisons are then set apart
    // with semicolons.
    let plain = (compared_with.iter()).all(|(_, c)| matches!(c, Compared::Moved(..)));
    let sep = match (lang, plain) {
        (Lang::Zh, true) => "，",
        (Lang::Zh, false) => "；",
        (Lang::En, _) => "; ",
    };
    let said = if parts.is_empty() {
        String::new()
    } else {
        format!("{sep}{}", parts.join(sep))
    };
    match lang {
        Lang::Zh => format!(
            "一、总体情况。{period}，信访总量{batches}批次、{people}人次{said}。其中集体访{}批次{}人次，重复信访{}批次。",
            group.0, group.1, repeat
        ),
        Lang::En => format!(
            "1. Overview. In {period} the office took in {batches} items ({people} person-times){said}. Group visits: {} ({} person-times); repeat petitions: {}.",
            group.0, group.1, repeat
        ),
    }
}

fn list(lang: Lang, items: &[Named], of_assigned: bool) -> String {
    let one = |n: &Named| match (lang, &n.share, of_assigned) {
        (Lang::Zh, Some(s), true) => format!("“{}”{}件（占交办件的{s}）", n.name, n.value),
        (Lang::Zh, Some(s), false) => format!("“{}”{}件（占{s}）", n.name, n.value),
        (Lang::Zh, None, _) => format!("“{}”{}件", n.name, n.value),
        (Lang::En, Some(s), true) => format!("\"{}\" {} ({s} of those assigned)", n.name, n.value),
        (Lang::En, Some(s), false) => format!("\"{}\" {} ({s})", n.name, n.value),
        (Lang::En, None, _) => format!("\"{}\" {}", n.name, n.value),
    };
    let parts: Vec<String> = items.iter().map(one).collect();
    parts.join(lang.pick("、", ", "))
}

/// The main categories and units complained about, with their shares of all batches, and
/// the departments, with their shares of the `assigned` items (those received in the period
/// that are 交办'd).
pub fn mains(
    lang: Lang,
    categories: &[Named],
    units: &[Named],
    (departments, assigned): (&[Named], &str),
) -> String {
    let mut s = lang
        .pick("二、主要问题和单位。", "2. Main matters and units. ")
        .to_owned();
    if categories.is_empty() && units.is_empty() && departments.is_empty() {
        s.push_str(lang.pick("本期无分类数据。", "No items to break down this period."));
        return s;
    }
    let mut said: Vec<String> = Vec::new();
    if !categories.is_empty() {
        let lead = lang.pick("反映较多的问题类别为", "Most items were about ");
        said.push(format!("{lead}{}", list(lang, categories, false)));
    }
    if !units.is_empty() {
        let lead = lang.pick(
            "被反映较多的单位为",
            "the units most complained about were ",
        );
        said.push(format!("{lead}{}", list(lang, units, false)));
    }
    if !departments.is_empty() {
        let lead = match lang {
            Lang::Zh => format!("本期收件中已交办{assigned}件，交办较多的承办部门为"),
            Lang::En => format!("of the {assigned} items assigned, most went to "),
        };
        said.push(format!("{lead}{}", list(lang, departments, true)));
    }
    s.push_str(&said.join(lang.pick("；", "; ")));
    s.push_str(lang.pick("。", "."));
    s
}

/// A rate as the analysis gives it: its name, value and the comparisons made.
#[derive(Debug, Clone, PartialEq)]
pub struct Rate {
    pub name: String,
    pub value: String,
    pub changes: Vec<(Against, Delta)>,
}

/// The rates, each with its changes in percentage points; a rate without a base is left
/// out, and `unrated` (no return visit rated) is said once instead of the satisfaction rates.
pub fn rates(lang: Lang, rows: &[Rate], unrated: bool) -> String {
    let mut s = lang
        .pick("三、办理质效。", "3. Timeliness and satisfaction. ")
        .to_owned();
    let mut parts: Vec<String> = rows
        .iter()
        .map(|r| {
            let changes: Vec<String> = (r.changes.iter())
                .map(|(a, d)| phrase(lang, *a, d, true))
                .collect();
            let changes = changes.join(lang.pick("、", ", "));
            match (lang, changes.is_empty()) {
                (_, true) => format!("{}{}{}", r.name, lang.pick("", " "), r.value),
                (Lang::Zh, false) => format!("{}{}（{changes}）", r.name, r.value),
                (Lang::En, false) => format!("{} {} ({changes})", r.name, r.value),
            }
        })
        .collect();
    if unrated {
        parts.push(
            lang.pick("本期无回访评价", "no return visit was rated this period")
                .to_owned(),
        );
    }
    if parts.is_empty() {
        parts.push(
            lang.pick("本期无届满的期限", "no time limit ended this period")
                .to_owned(),
        );
    }
    let said = parts.join(lang.pick("，", "; "));
    // An English sentence opens with a capital (the rates' names are lower case).
    let mut chars = said.chars();
    if let Some(first) = chars.next() {
        s.extend(first.to_uppercase());
        s.push_str(chars.as_str());
    }
    s.push_str(lang.pick("。", "."));
    s
}

/// What a moved count counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Unit {
    Items,
    Batches,
    PersonTimes,
}

fn unit(lang: Lang, u: Unit) -> &'static str {
    match u {
        Unit::Items => lang.pick("件", ""),
        Unit::Batches => lang.pick("批次", " batches"),
        Unit::PersonTimes => lang.pick("人次", " person-times"),
    }
}

/// What moved, in the words an office uses for it (not the table's label).
#[derive(Debug, Clone, PartialEq)]
pub enum Subject {
    /// A channel's batches (`false`) or person-times (`true`), by the channel's name.
    Channel(&'static str, bool),
    Category(String),
    Target(String),
    GroupVisits,
    GroupVisitPersonTimes,
    Repeat,
    Major,
    Attached,
    FirstTimeClosed,
    FirstTimeOnce,
    LettersSigned,
    Overdue,
}

fn subject(lang: Lang, s: &Subject) -> String {
    let fixed = match s {
        Subject::Channel(name, false) => return (*name).to_owned(),
        Subject::Channel(name, true) => {
            return format!("{name}{}", lang.pick("人次", " person-times"));
        }
        Subject::Category(name) if lang == Lang::Zh => return format!("“{name}”类信访"),
        Subject::Category(name) => return format!("\"{name}\" items"),
        Subject::Target(name) if lang == Lang::Zh => return format!("反映“{name}”的信访"),
        Subject::Target(name) => return format!("items about \"{name}\""),
        Subject::GroupVisits => lang.pick("集体访", "group visits"),
        Subject::GroupVisitPersonTimes => lang.pick("集体访人次", "group visits' person-times"),
        Subject::Repeat => lang.pick("重复信访", "repeat petitions"),
        Subject::Major => lang.pick("重大紧急事项", "major and urgent items"),
        Subject::Attached => lang.pick("重复件", "repeat items attached"),
        Subject::FirstTimeClosed => lang.pick("初信初访办结件", "first petitions closed"),
        Subject::FirstTimeOnce => lang.pick("初信初访一次办结件", "first petitions closed at once"),
        Subject::LettersSigned => lang.pick("领导阅批来信", "letters a leader read and signed"),
        Subject::Overdue => lang.pick("超期件", "overdue items"),
    };
    fixed.to_owned()
}

/// A count that moved against the earlier period: what, both values, the change, and
/// whether it deserves a look (a rise in something bad, a fall in something good).
#[derive(Debug, Clone, PartialEq)]
pub struct Moved {
    pub subject: Subject,
    pub before: String,
    pub now: String,
    pub change: Delta,
    pub unit: Unit,
    pub worrying: bool,
}

/// Why no count is named as moved.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Quiet {
    /// Nothing moved markedly, the total neither.
    Steady,
    /// The total moved markedly, no one channel, category or unit did.
    Spread,
    /// The earlier period had too few items to compare.
    Few,
    /// The earlier period is not (wholly) on the ledger.
    Unrecorded { wholly: bool },
}

/// The counts that moved most against `a` (a year's period before is 去年同期), or why none.
pub fn notable(lang: Lang, rows: &[Moved], a: Against, quiet: Quiet) -> String {
    let mut s = lang
        .pick("四、主要变化。", "4. Notable changes. ")
        .to_owned();
    if rows.is_empty() {
        s.push_str(&quiet_said(lang, a, quiet));
        return s;
    }
    let parts: Vec<String> = rows.iter().map(|m| one_moved(lang, m)).collect();
    match lang {
        Lang::Zh => s.push_str(&format!(
            "与{}相比，{}。",
            earlier(lang, a),
            parts.join("；")
        )),
        Lang::En => s.push_str(&format!(
            "Against {}: {}.",
            earlier(lang, a),
            parts.join("; ")
        )),
    }
    s.push_str(&worries(lang, rows));
    s
}

fn quiet_said(lang: Lang, a: Against, quiet: Quiet) -> String {
    let e = earlier(lang, a);
    match (lang, quiet) {
        (Lang::Zh, Quiet::Steady) => format!("各类别、渠道与{e}相比无明显变化。"),
        (Lang::Zh, Quiet::Spread) => "各类别、渠道均无单项明显变化。".to_owned(),
        (Lang::Zh, Quiet::Few) => format!("{e}信访量较少，不作分项比较。"),
        (Lang::Zh, Quiet::Unrecorded { wholly }) => {
            format!("{}，不作分项比较。", unrecorded(lang, a, wholly))
        }
        (Lang::En, Quiet::Steady) => {
            format!("No channel or category moved markedly against {e}.")
        }
        (Lang::En, Quiet::Spread) => {
            "No single channel, category or unit moved markedly.".to_owned()
        }
        (Lang::En, Quiet::Few) => capitalised(&format!(
            "{e} had too few items to compare them one by one."
        )),
        (Lang::En, Quiet::Unrecorded { wholly }) => capitalised(&format!(
            "{}, so nothing is compared with it.",
            unrecorded(lang, a, wholly)
        )),
    }
}

/// "来访由58批次增至78批次，增长34.5%" ("visit from 58 to 78 batches (up 34.5%)").
fn one_moved(lang: Lang, m: &Moved) -> String {
    let (what, u) = (subject(lang, &m.subject), unit(lang, m.unit));
    let (before, now) = (&m.before, &m.now);
    match lang {
        Lang::Zh => {
            let verb = if matches!(m.change, Delta::Down(_)) {
                "减至"
            } else {
                "增至"
            };
            let by = moved(lang, &m.change, false);
            format!("{what}由{before}{u}{verb}{now}{u}，{by}")
        }
        Lang::En => format!(
            "{what} from {before} to {now}{u} ({})",
            moved(lang, &m.change, false)
        ),
    }
}

/// "集体访、重复信访增加，初信初访一次办结件减少，需关注原因。": only what got worse.
fn worries(lang: Lang, rows: &[Moved]) -> String {
    let names = |down: bool| -> Vec<String> {
        (rows.iter())
            .filter(|m| m.worrying && matches!(m.change, Delta::Down(_)) == down)
            .map(|m| subject(lang, &m.subject))
            .collect()
    };
    let (rose, fell) = (names(false), names(true));
    let mut said: Vec<String> = Vec::new();
    if !rose.is_empty() {
        let verb = lang.pick("增加", " rose");
        said.push(format!("{}{verb}", rose.join(lang.pick("、", ", "))));
    }
    if !fell.is_empty() {
        let verb = lang.pick("减少", " fell");
        said.push(format!("{}{verb}", fell.join(lang.pick("、", ", "))));
    }
    if said.is_empty() {
        return String::new();
    }
    match lang {
        Lang::Zh => format!("{}，需关注原因。", said.join("，")),
        Lang::En => {
            let s = format!(" {}: their causes deserve a look.", said.join("; "));
            capitalised(&s)
        }
    }
}

/// `s` with its first letter in upper case.
fn capitalised(s: &str) -> String {
    let at = s.find(|c: char| c.is_alphabetic()).unwrap_or(0);
    let (head, tail) = s.split_at(at);
    let mut chars = tail.chars();
    match chars.next() {
        Some(c) => format!("{head}{}{}", c.to_uppercase(), chars.as_str()),
        None => s.to_owned(),
    }
}

fn quoted(lang: Lang, nos: &[String]) -> String {
    let parts: Vec<String> = nos
        .iter()
        .map(|n| match lang {
            Lang::Zh => format!("“{n}”"),
            Lang::En => format!("\"{n}\""),
        })
        .collect();
    parts.join(lang.pick("、", ", "))
}

/// Overdue and supervised items. 超期件 counts every case with a time limit overdue at the
/// cut-off (`cutoff`, as the report prints a date), a case replied to included (a report
/// back to a superior may be overdue after the reply): not "未办结".
pub fn overdue(
    lang: Lang,
    (cutoff, overdue): (&str, &str),
    overdue_nos: &[String],
    supervised: &str,
    orders: &str,
    supervised_nos: &[String],
) -> String {
    let mut s = match lang {
        Lang::Zh => format!("五、超期和督办。截至{cutoff}，超期件{overdue}件"),
        Lang::En => format!(
            "5. Overdue and supervised. At the end of {cutoff}, {overdue} items had a time limit overdue"
        ),
    };
    if !overdue_nos.is_empty() {
        s.push_str(&match lang {
            Lang::Zh => format!("，超期最久的为{}", quoted(lang, overdue_nos)),
            Lang::En => format!(", the longest {}", quoted(lang, overdue_nos)),
        });
    }
    s.push_str(&match lang {
        Lang::Zh => format!("；本期督办{supervised}件、督办{orders}次"),
        Lang::En => {
            let (items, were) = if supervised == "1" {
                ("item", "was")
            } else {
                ("items", "were")
            };
            let order = if orders == "1" { "order" } else { "orders" };
            format!("; {supervised} {items} {were} supervised this period ({orders} {order})")
        }
    });
    if !supervised_nos.is_empty() {
        s.push_str(&match lang {
            Lang::Zh => format!("，包括{}", quoted(lang, supervised_nos)),
            Lang::En => format!(", among them {}", quoted(lang, supervised_nos)),
        });
    }
    // Asked of the departments only when there is something to finish.
    let nothing = |n: &str| n.trim() == "0";
    s.push_str(if nothing(overdue) && nothing(supervised) {
        lang.pick("。", ".")
    } else {
        lang.pick(
            "。请有关部门抓紧办理并按期反馈。",
            ". The departments concerned are asked to finish them and report back on time.",
        )
    });
    s
}

#[cfg(test)]
#[path = "analysis_tests.rs"]
mod tests;
