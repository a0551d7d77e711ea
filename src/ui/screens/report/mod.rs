//! The report screen (信访情况分析报告): the same report as `xinfang report`, for a period
//! the leader steps through with Tab (日报 → 周报 → 月报 → 季报 → 年报) and the arrows, and
//! written out as HTML and CSV with x.

mod update;
pub mod view;

use crate::domain::policy::Policy;
use crate::domain::stats::{Period, PeriodKind, Report, Section};
use crate::report::{LISTED_ITEMS, cells, item_list, sections};
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
    /// Whether the list keys (`<`, `>`) page the supervised list rather than the overdue.
    pub supervised_list: bool,
    /// The day Tab's kinds are taken round: each kind's period holds it. Set by the first
    /// Tab from the day the period was read up to, and kept while Tab goes on, so that
    /// 日报 2025-12-31 → 周报 → 月报 comes to December (the week's last day is in January).
    pub anchor: Option<chrono::NaiveDate>,
}

/// A page of a list under the report (overdue, or supervised), loaded on demand.
#[derive(Debug, Clone)]
pub struct ListPage {
    pub period: Period,
    pub supervised: bool,
    /// From 0.
    pub page: usize,
    pub total: u64,
    pub rows: Vec<Vec<String>>,
}

impl ReportScreen {
    /// This month's report (月报), as of `today`.
    pub fn new(today: chrono::NaiveDate) -> ReportScreen {
        ReportScreen {
            period: Period::of(PeriodKind::Month, today),
            loaded: None,
            scroll: 0,
            making: false,
            supervised_list: false,
            anchor: None,
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
    /// 情况分析: the paragraphs the printed report opens with, drafted from these figures
    /// (`report::prose`), shown after the tables so the header row stays over them.
    pub analysis: Vec<String>,
}

/// The narrowest body the desk draws the report in (80 columns less the margins).
const ANALYSIS_NARROWEST: usize = 76;

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
    /// "第 1/3 页，共 45 件" under a list longer than a page.
    pub more: Option<String>,
    /// How many cases the list holds in all, and the page shown (from 0).
    pub total: u64,
    pub page: usize,
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

impl Block {
    /// The note under its list: the page of how many, marked when the list keys move it.
    pub fn note(&mut self, lang: Lang, chosen: bool) {
        let pages = usize::try_from(self.total)
            .unwrap_or(usize::MAX)
            .div_ceil(LISTED_ITEMS);
        self.more =
            (pages > 1).then(|| say::list_page(lang, self.page + 1, pages, self.total, chosen));
    }

    /// How many pages its list has.
    pub fn pages(&self) -> usize {
        usize::try_from(self.total)
            .unwrap_or(usize::MAX)
            .div_ceil(LISTED_ITEMS)
            .max(1)
    }
}

impl LoadedReport {
    /// The block of the overdue or the supervised list.
    pub fn list_block(&mut self, supervised: bool) -> Option<&mut Block> {
        let section = if supervised {
            Section::Supervision
        } else {
            Section::Overdue
        };
        self.blocks.iter_mut().find(|b| b.section == section)
    }

    /// The notes under both lists, the one the keys move marked.
    pub fn mark(&mut self, lang: Lang, supervised: bool) {
        for b in &mut self.blocks {
            b.note(lang, (b.section == Section::Supervision) == supervised);
        }
    }

    pub fn new(report: Report, lang: Lang, policy: &Policy) -> LoadedReport {
        let blocks = sections(&report)
            .into_iter()
            .enumerate()
            .map(|(n, (section, figures))| {
                let list = item_list(&report, section, lang, policy);
                let (item_head, items, total) =
                    list.map_or((Vec::new(), Vec::new(), 0), |l| (l.head, l.rows, l.total));
                let mut block = Block {
                    section,
                    heading: format!(
                        "{}{}",
                        words::ordinal(lang, n),
                        words::section(lang, section, report.top, report.cutoff)
                    ),
                    rows: figures.iter().map(|f| cells(f, lang, policy)).collect(),
                    item_head,
                    items,
                    more: None,
                    total: total as u64,
                    page: 0,
                };
                block.note(lang, section == Section::Overdue);
                block
            })
            .collect();
        let kind = words::kind_name(lang, report.period.kind);
        let title = match (kind.is_empty(), lang) {
            (true, _) => words::title(lang, &report.period),
            (false, Lang::Zh) => format!("{}（{kind}）", words::title(lang, &report.period)),
            (false, Lang::En) => format!("{} ({kind})", words::title(lang, &report.period)),
        };
        let previous = (!report.compared_once()).then_some(&report.previous);
        let compared = say::compared(lang, report.cutoff, previous, &report.last_year);
        let analysis = crate::report::prose::draft(&report, lang, policy);
        LoadedReport {
            report,
            title,
            compared,
            blocks,
            analysis,
        }
    }

    /// Lines of the whole body: the tables, then the analysis as wrapped on the narrowest
    /// screen the desk draws (so scrolling reaches its end at any width).
    pub fn height(&self) -> usize {
        let tables: usize = self.blocks.iter().map(Block::height).sum();
        tables + self.analysis_lines(ANALYSIS_NARROWEST).len()
    }

    /// The analysis under its heading, each paragraph wrapped to `w` columns.
    pub fn analysis_lines(&self, w: usize) -> Vec<String> {
        let mut lines = Vec::new();
        for p in &self.analysis {
            lines.extend(crate::display::wrap(p, w.saturating_sub(2).max(10)));
            lines.push(String::new());
        }
        lines
    }
}
