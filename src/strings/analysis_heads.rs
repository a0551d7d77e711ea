//! The words around the report's analysis: its heading, the note that it is a draft, the
//! heading of the tables after it (`analysis.rs` holds its sentences).

use super::Lang;

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

/// As [`draft_note`], on the desk's report screen, where the analysis follows the tables.
pub fn draft_note_below(lang: Lang) -> &'static str {
    lang.pick(
        "（据上列数据起草，请审核修改；x 导出后可在Word中编辑）",
        " (drafted from the figures above; review it, and edit it in Word after x)",
    )
}

/// The heading over the tables that follow.
pub fn tables_heading(lang: Lang) -> &'static str {
    lang.pick("统计数据", "Figures")
}
