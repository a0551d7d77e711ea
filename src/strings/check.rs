//! What `xinfang check` says of the differences it found.

use super::Lang;
use crate::store::{Difference, Table};

/// A table's name for the office, with its SQL name beside it.
pub fn table(lang: Lang, t: Table) -> &'static str {
    match t {
        Table::Cases => lang.pick("信访事项", "case"),
        Table::Petitioners => lang.pick("信访人", "petitioner"),
        Table::CaseFacts => lang.pick("统计行", "report row"),
        Table::CaseSummaries => lang.pick("主要问题摘要", "summary"),
        Table::CaseSearch => lang.pick("检索索引", "search index"),
        Table::CaseCounters => lang.pick("编号计数器", "case-number counter"),
        Table::Documents => lang.pick("已出具文书", "issued document"),
        Table::DocumentCounters => lang.pick("文书编号计数器", "document-number counter"),
        Table::PersonCounts => lang.pick("重复信访人统计", "repeat-petitioner count"),
        Table::Drafts => lang.pick("草稿", "draft"),
        Table::Operators => lang.pick("操作员", "operator"),
        Table::Departments => lang.pick("承办部门", "department"),
        Table::OfficeProfile => lang.pick("单位信息", "office profile"),
        Table::ReceptionDays => lang.pick("接待日安排", "reception schedule"),
        Table::ReceptionRecords => lang.pick("接待记录", "reception record"),
        Table::Events => lang.pick("办理记录", "journal"),
        Table::ReportRollup => lang.pick("统计汇总", "report rollup"),
        Table::ReportRollupMonths => lang.pick("统计月汇总", "report rollup by month"),
        Table::Screenings => lang.pick("矛盾纠纷排查台账", "dispute screening register"),
        Table::ScreeningZeroReports => lang.pick("排查零报告", "screening zero report"),
        Table::BacklogFiles => lang.pick("积案登记", "backlog file"),
        Table::PersonFlags => lang.pick("重点信访人", "key petitioner flag"),
        Table::AttachmentBytes => lang.pick("附件内容", "attachment bytes"),
        Table::CaseEvaluations => lang.pick("评查", "case evaluation"),
        Table::ReportOverdue => lang.pick("统计逾期存量", "report overdue spans"),
        Table::ReportSupervisionDays => lang.pick("统计督办逐日计数", "report supervision by day"),
        Table::ReportOverdueDays => lang.pick("统计逾期逐日变动", "report overdue day changes"),
        Table::ReportSupervision => lang.pick("统计督办存量", "report supervision orders"),
        Table::FactsDays => lang.pick(
            "初信初访和重复信访逐日计数",
            "first-time and repeat counts by day",
        ),
        Table::DashboardCounts => lang.pick("首页计数", "dashboard count"),
        Table::DepartmentTallies => lang.pick("逾期按部门计数", "overdue-by-department tally"),
        Table::LettersHours => lang.pick(
            "来信按时计数（领导阅批率）",
            "letters-by-hour tally (领导阅批率)",
        ),
        Table::CaseTallies => lang.pick("待办计数", "open-case tally"),
        Table::AccusedNames => lang.pick("被反映对象名录", "accused-name list"),
    }
}

/// One difference: table, key, column, what the journal makes of it and what is stored.
pub fn difference(lang: Lang, d: &Difference) -> String {
    let name = table(lang, d.table);
    let sql = d.table.sql();
    match lang {
        Lang::Zh => format!(
            "与办理记录不一致：{name}（{sql}）{} 的 {}：应为 {}，实为 {}",
            d.key, d.column, d.expected, d.found
        ),
        Lang::En => format!(
            "differs from the journal: {name} ({sql}) {} {}: expected {}, found {}",
            d.key, d.column, d.expected, d.found
        ),
    }
}

/// Differences found beyond those listed.
pub fn more(lang: Lang, n: u64) -> String {
    match lang {
        Lang::Zh => format!("另有{n}处不一致未列出"),
        Lang::En => format!("and {n} more differences"),
    }
}

/// The last line of a quick check that found nothing wrong.
pub fn quick_intact(lang: Lang, cases: i64, events: i64, tail: i64) -> String {
    match lang {
        Lang::Zh => format!(
            "快速检查通过：{cases}件，{events}条办理记录；已核对最近{tail}条记录的哈希链和各表行数、编号计数器（完整检查请去掉 --quick）"
        ),
        Lang::En => format!(
            "quick check passed: {cases} cases, {events} journal events; the newest {tail} events' hash chain, every table's row count and the number counters agree (run without --quick for the full check)"
        ),
    }
}
