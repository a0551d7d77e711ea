//! The sentences of the report's analysis in words (`report::prose` picks the figures).
//! Names (categories, units, case numbers) are quoted, so a reader — and the test that
//! checks every number against the tables — tells them from figures.

use super::Lang;

/// A figure as printed in its table row: value, 环比 (none where it is 同比) and 同比.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub value: String,
    pub mom: Option<String>,
    pub yoy: String,
}

/// "环比+5.0%、同比-2.0%", or "同比-2.0%" alone.
fn changes(lang: Lang, c: &Change) -> String {
    match (lang, &c.mom) {
        (Lang::Zh, Some(mom)) => format!("环比{mom}、同比{}", c.yoy),
        (Lang::Zh, None) => format!("同比{}", c.yoy),
        (Lang::En, Some(mom)) => {
            format!("{mom} on the period before and {} on a year earlier", c.yoy)
        }
        (Lang::En, None) => format!("{} on a year earlier", c.yoy),
    }
}

/// A name among the largest, with its count and share of all batches.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    pub name: String,
    pub value: String,
    pub share: Option<String>,
}

/// `report --format docx` without `--out`.
pub fn needs_out(lang: Lang) -> &'static str {
    lang.pick(
        "Word 文档须写入文件：请用 --out 文件名.docx 指定",
        "a Word document is written to a file: give --out FILE.docx",
    )
}

/// The heading over the paragraphs.
pub fn heading(lang: Lang) -> String {
    format!("{}{}", title(lang), draft_note(lang))
}

/// The heading's words that stay on paper.
pub fn title(lang: Lang) -> &'static str {
    lang.pick("情况分析", "Analysis")
}

/// What the heading tells the leader before printing (the HTML leaves it off the page).
pub fn draft_note(lang: Lang) -> &'static str {
    lang.pick(
        "（据下列数据起草，请审核修改）",
        " (drafted from the figures below; review and edit)",
    )
}

/// The heading over the tables that follow.
pub fn tables_heading(lang: Lang) -> &'static str {
    lang.pick("统计数据", "Figures")
}

/// 总体情况.
pub fn overall(
    lang: Lang,
    period: &str,
    batches: &Change,
    people: &Change,
    group: (&str, &str),
    repeat: &str,
) -> String {
    match lang {
        Lang::Zh => format!(
            "一、总体情况。{period}，信访总量{}批次、{}人次，批次{}，人次{}。其中集体访{}批{}人次，重复信访{}件。",
            batches.value,
            people.value,
            changes(lang, batches),
            changes(lang, people),
            group.0,
            group.1,
            repeat
        ),
        Lang::En => format!(
            "1. Overview. In {period} the office took in {} items ({} person-times): items {}; person-times {}. Group visits: {} ({} person-times); repeat petitions: {}.",
            batches.value,
            people.value,
            changes(lang, batches),
            changes(lang, people),
            group.0,
            group.1,
            repeat
        ),
    }
}

fn list(lang: Lang, items: &[Named]) -> String {
    let one = |n: &Named| match (lang, &n.share) {
        (Lang::Zh, Some(s)) => format!("“{}”{}件（占{s}）", n.name, n.value),
        (Lang::Zh, None) => format!("“{}”{}件", n.name, n.value),
        (Lang::En, Some(s)) => format!("\"{}\" {} ({s})", n.name, n.value),
        (Lang::En, None) => format!("\"{}\" {}", n.name, n.value),
    };
    let parts: Vec<String> = items.iter().map(one).collect();
    parts.join(lang.pick("、", ", "))
}

/// The main categories, units complained about and departments, with their shares.
pub fn mains(lang: Lang, categories: &[Named], units: &[Named], departments: &[Named]) -> String {
    let mut s = lang
        .pick("二、主要问题和单位。", "2. Main matters and units. ")
        .to_owned();
    if categories.is_empty() && units.is_empty() && departments.is_empty() {
        s.push_str(lang.pick("本期无分类数据。", "No items to break down this period."));
        return s;
    }
    let parts = [
        (
            categories,
            lang.pick("反映较多的问题类别为", "Most items were about "),
        ),
        (
            units,
            lang.pick(
                "被反映较多的单位为",
                "the units most complained about were ",
            ),
        ),
        (
            departments,
            lang.pick(
                "交办较多的承办部门为",
                "the departments handling most were ",
            ),
        ),
    ];
    let said: Vec<String> = parts
        .iter()
        .filter(|(items, _)| !items.is_empty())
        .map(|(items, lead)| format!("{lead}{}", list(lang, items)))
        .collect();
    s.push_str(&said.join(lang.pick("；", "; ")));
    s.push_str(lang.pick("。", "."));
    s
}

/// The rates, each with its change in percentage points.
pub fn rates(lang: Lang, rows: &[(String, Change)]) -> String {
    let mut s = lang
        .pick("三、办理质效。", "3. Timeliness and satisfaction. ")
        .to_owned();
    let parts: Vec<String> = rows
        .iter()
        .map(|(name, c)| match lang {
            Lang::Zh => format!("{name}{}（{}）", c.value, changes(lang, c)),
            Lang::En => format!("{name} {} ({})", c.value, changes(lang, c)),
        })
        .collect();
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

/// A count that moved against the period before: its name, both values, the change.
#[derive(Debug, Clone, PartialEq)]
pub struct Moved {
    pub name: String,
    pub before: String,
    pub now: String,
    pub change: String,
    pub unit: Unit,
}

/// The counts that moved most against the period before: for a year (`once`), whose
/// period before is its year before, against 去年同期.
pub fn notable(lang: Lang, rows: &[Moved], once: bool) -> String {
    let mut s = lang
        .pick("四、主要变化。", "4. Notable changes. ")
        .to_owned();
    let before_zh = if once { "去年同期" } else { "上期" };
    if rows.is_empty() {
        s.push_str(&match lang {
            Lang::Zh => format!("各类别、渠道与{before_zh}相比无明显变化。"),
            Lang::En if once => {
                "No channel or category moved markedly against a year earlier.".to_owned()
            }
            Lang::En => {
                "No channel or category moved markedly against the period before.".to_owned()
            }
        });
        return s;
    }
    let parts: Vec<String> = rows
        .iter()
        .map(|m| {
            let (name, before, now, change) = (&m.name, &m.before, &m.now, &m.change);
            match lang {
                Lang::Zh => {
                    let unit = match m.unit {
                        Unit::Items => "件",
                        Unit::Batches => "批次",
                        Unit::PersonTimes => "人次",
                    };
                    format!("“{name}”由{before_zh}{before}{unit}变为{now}{unit}（{change}）")
                }
                Lang::En => format!("\"{name}\" from {before} to {now} ({change})"),
            }
        })
        .collect();
    s.push_str(&parts.join(lang.pick("；", "; ")));
    s.push_str(lang.pick("，需关注原因。", "; their causes deserve a look."));
    s
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

/// Overdue and supervised items.
pub fn overdue(
    lang: Lang,
    overdue: &str,
    overdue_nos: &[String],
    supervised: &str,
    orders: &str,
    supervised_nos: &[String],
) -> String {
    let mut s = match lang {
        Lang::Zh => format!("五、超期和督办。截至统计截止日，超期未办结{overdue}件"),
        Lang::En => {
            format!("5. Overdue and supervised. At the cut-off {overdue} items were overdue")
        }
    };
    if !overdue_nos.is_empty() {
        s.push_str(&match lang {
            Lang::Zh => format!("，超期最久的为{}", quoted(lang, overdue_nos)),
            Lang::En => format!(", the longest {}", quoted(lang, overdue_nos)),
        });
    }
    s.push_str(&match lang {
        Lang::Zh => format!("；本期督办{supervised}件、督办{orders}次"),
        Lang::En => format!("; {supervised} items were supervised this period ({orders} orders)"),
    });
    if !supervised_nos.is_empty() {
        s.push_str(&match lang {
            Lang::Zh => format!("，包括{}", quoted(lang, supervised_nos)),
            Lang::En => format!(", among them {}", quoted(lang, supervised_nos)),
        });
    }
    s.push_str(lang.pick(
        "。请有关部门抓紧办理并按期反馈。",
        ". The departments concerned are asked to finish them and report back on time.",
    ));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The English rates paragraph opens its sentence with a capital; the Chinese is as is.
    #[test]
    fn the_rates_sentence_opens_with_a_capital() {
        let c = Change {
            value: "100.0%".to_owned(),
            mom: None,
            yoy: "+1.0 pt".to_owned(),
        };
        let en = rates(Lang::En, &[("decided-in-time rate".to_owned(), c.clone())]);
        assert!(
            en.starts_with("3. Timeliness and satisfaction. Decided-in-time rate 100.0%"),
            "{en}"
        );
        let zh = rates(Lang::Zh, &[("及时受理率".to_owned(), c)]);
        assert!(zh.starts_with("三、办理质效。及时受理率100.0%"), "{zh}");
    }
}
