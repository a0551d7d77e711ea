//! The report screen (信访情况分析报告): the same report as `xinfang report`, for a period
//! the leader steps through with Tab (日报 → 周报 → 月报 → 季报 → 年报) and the arrows, and
//! written out as HTML and CSV with x.

mod update;
pub mod view;

use crate::domain::policy::Policy;
use crate::domain::stats::{Period, PeriodKind, Report, Section};
use crate::report::{cells, item_list, left_out, sections};
use crate::strings::{Lang, report as words, report_screen as say};

/// Which report the screen shows, and the report once loaded.
#[derive(Debug, Clone)]
pub struct ReportScreen {
    pub period: Period,
    pub loaded: Option<Box<LoadedReport>>,
    /// The first line of the body shown.
    pub scroll: usize,
    /// A report for `period` is being made (the title says so; the old one stays below).
    pub making: bool,
}

impl ReportScreen {
    /// This month's report (月报), as of `today`.
    pub fn new(today: chrono::NaiveDate) -> ReportScreen {
        ReportScreen {
            period: Period::of(PeriodKind::Month, today),
            loaded: None,
            scroll: 0,
            making: false,
        }
    }
}

/// The report with every label and cell worked out once, when it is loaded: drawing a
/// frame only lays the strings out.
#[derive(Debug, Clone)]
pub struct LoadedReport {
    pub report: Report,
    pub title: String,
    pub compared: String,
    pub blocks: Vec<Block>,
}

/// One section of the report as shown.
#[derive(Debug, Clone)]
pub struct Block {
    pub section: Section,
    pub heading: String,
    /// 项目, 本期, 上期, 环比, 去年同期, 同比.
    pub rows: Vec<[String; 6]>,
    /// The cases listed under the overdue and supervision tables, with their headings.
    pub item_head: Vec<&'static str>,
    pub items: Vec<Vec<String>>,
    /// "另有 N 件未列出".
    pub more: Option<String>,
}

impl Block {
    /// Lines the block takes on the screen: heading, rows (or "无"), items, a blank.
    pub fn height(&self) -> usize {
        let items = if self.items.is_empty() {
            0
        } else {
            1 + self.items.len() + usize::from(self.more.is_some())
        };
        1 + self.rows.len().max(1) + items + 1
    }
}

impl LoadedReport {
    pub fn new(report: Report, lang: Lang, policy: &Policy) -> LoadedReport {
        let blocks = sections(&report)
            .into_iter()
            .enumerate()
            .map(|(n, (section, figures))| {
                let list = item_list(&report, section, lang, policy);
                let (item_head, items, total) =
                    list.map_or((Vec::new(), Vec::new(), 0), |l| (l.head, l.rows, l.total));
                Block {
                    section,
                    heading: format!(
                        "{}{}",
                        words::ordinal(lang, n),
                        words::section(lang, section, report.top, report.cutoff)
                    ),
                    rows: figures.iter().map(|f| cells(f, lang, policy)).collect(),
                    item_head,
                    items,
                    more: left_out(total).map(|n| say::more_listed(lang, n)),
                }
            })
            .collect();
        let kind = words::kind_name(lang, report.period.kind);
        let title = match (kind.is_empty(), lang) {
            (true, _) => words::title(lang, &report.period),
            (false, Lang::Zh) => format!("{}（{kind}）", words::title(lang, &report.period)),
            (false, Lang::En) => format!("{} ({kind})", words::title(lang, &report.period)),
        };
        let compared = say::compared(lang, report.cutoff, &report.previous, &report.last_year);
        LoadedReport {
            report,
            title,
            compared,
            blocks,
        }
    }

    /// Lines of the whole body.
    pub fn height(&self) -> usize {
        self.blocks.iter().map(Block::height).sum()
    }
}
