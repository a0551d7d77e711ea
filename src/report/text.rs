//! The report as plain text, laid out by display width for an 80-column page.

use std::fmt::Write as _;

use super::{ItemList, cells, item_list, left_out, meta_lines, sections};
use crate::display::{cut, fit, width};
use crate::domain::policy::Policy;
use crate::domain::stats::{Report, Section};
use crate::strings::{Lang, report as words};

/// Text reports are laid out for this many columns.
const TEXT_WIDTH: usize = 80;

/// The widest a column of an item list gets (the summary aside).
const ITEM_COLUMN_MAX: usize = 26;

/// Columns of a summary beside its row in an item list; with fewer left, it goes under it.
const SUMMARY_MIN: usize = 30;

/// `s` broken into lines of at most `w` columns: between words in English (a Chinese term
/// in it, such as 交办'd, is a word too), anywhere in Chinese; never before a closing mark.
fn wrap(s: &str, w: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let spaces = s.chars().filter(|c| *c == ' ').count();
    let wide = s.chars().filter(|c| !c.is_ascii()).count();
    let pieces: Vec<String> = if spaces * 4 >= wide {
        let word = |p: &str| match width(p) > w {
            true => cjk_pieces(p).into_iter().chain([" ".to_owned()]).collect(),
            false => vec![format!("{p} ")],
        };
        s.split(' ').flat_map(word).collect()
    } else {
        cjk_pieces(s)
    };
    for piece in pieces {
        let closing = piece.starts_with([
            '，', '。', '、', '；', '：', '）', '”', '’', '》', '」', '』', '】', '！', '？', '÷',
            ')', ',', '.', ';', ':', '!', '?',
        ]);
        if width(&line) + width(piece.trim_end()) > w && !line.is_empty() && !closing {
            lines.push(line.trim_end().to_owned());
            line.clear();
        }
        line.push_str(&piece);
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// Chinese text in pieces to break between: each character, but a run of ASCII (a figure
/// such as `+500.0%`, a case number) whole, so no number is split over two lines.
fn cjk_pieces(s: &str) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::new();
    let mut run = String::new();
    // An opening mark goes with what follows it: no line ends in “ or （ (避头尾).
    let mut opening = String::new();
    let mut push = |piece: String, opening: &mut String| {
        pieces.push(std::mem::take(opening) + &piece);
    };
    for c in s.chars() {
        if c.is_ascii_graphic() && !(c == '(' && run.is_empty()) {
            run.push(c);
            continue;
        }
        if !run.is_empty() {
            push(std::mem::take(&mut run), &mut opening);
        }
        if matches!(c, '“' | '‘' | '（' | '《' | '「' | '『' | '【' | '(') {
            opening.push(c);
        } else {
            push(c.to_string(), &mut opening);
        }
    }
    if !run.is_empty() || !opening.is_empty() {
        push(run, &mut opening);
    }
    pieces
}

fn right(s: &str, w: usize) -> String {
    let pad = w.saturating_sub(width(s));
    format!("{}{s}", " ".repeat(pad))
}

fn centre(s: &str, w: usize) -> String {
    let pad = w.saturating_sub(width(s)) / 2;
    format!("{}{s}", " ".repeat(pad))
}

pub fn render_text(r: &Report, lang: Lang, policy: &Policy) -> String {
    let mut o = String::new();
    heading(&mut o, r, lang);
    // The analysis in words first, for the leader to edit; the tables after it.
    let _ = writeln!(o, "\n{}", crate::strings::analysis_heads::heading(lang));
    for p in super::prose::draft(r, lang, policy) {
        o.push('\n');
        for line in wrap(&p, TEXT_WIDTH) {
            let _ = writeln!(o, "{line}");
        }
    }
    let _ = writeln!(
        o,
        "\n{}",
        crate::strings::analysis_heads::tables_heading(lang)
    );
    let rows: Vec<(Section, Vec<[String; 6]>)> = sections(r)
        .into_iter()
        .map(|(s, fs)| (s, fs.iter().map(|f| cells(f, lang, policy)).collect()))
        .collect();
    let mut w = column_widths(lang, &rows);
    // The label column takes what the figures leave of the 80 columns; a longer label
    // stands on a line of its own above its figures (a trial's tables were 87 wide).
    let figures: usize = (super::shown_columns(r).iter())
        .filter(|&&i| i != 0)
        .map(|&i| w[i] + 2)
        .sum();
    w[0] = w[0].min(TEXT_WIDTH.saturating_sub(2 + figures)).max(10);
    for (n, (section, section_rows)) in rows.iter().enumerate() {
        o.push('\n');
        let _ = writeln!(
            o,
            "{}{}",
            words::ordinal(lang, n),
            words::section(lang, *section, r.top, r.cutoff)
        );
        if section_rows.is_empty() {
            let _ = writeln!(o, "  {}", words::no_items(lang));
            continue;
        }
        let table = Table {
            head: words::columns(lang),
            shown: super::shown_columns(r),
            w: &w,
        };
        table.write(&mut o, section_rows);
        if let Some(list) = item_list(r, *section, lang, policy) {
            items(&mut o, lang, &list);
        }
    }
    if !r.evaluations.is_empty() {
        let _ = writeln!(o, "\n{}", crate::strings::evaluation::title(lang));
        let head = crate::strings::evaluation::headings(lang);
        item_table(&mut o, &head, &super::evaluation_rows(r, lang));
    }
    o.push('\n');
    footer(&mut o, r, lang);
    o
}

/// The title, the kind of report and the lines of its periods.
fn heading(o: &mut String, r: &Report, lang: Lang) {
    let sep = lang.pick("：", ": ");
    let _ = writeln!(o, "{}", centre(&words::title(lang, &r.period), TEXT_WIDTH));
    let kind = words::kind_name(lang, r.period.kind);
    if !kind.is_empty() {
        let kind = match lang {
            Lang::Zh => format!("（{kind}）"),
            Lang::En => format!("({kind})"),
        };
        let _ = writeln!(o, "{}", centre(&kind, TEXT_WIDTH));
    }
    o.push('\n');
    for (k, v) in meta_lines(r, lang) {
        let _ = writeln!(o, "{k}{sep}{v}");
    }
}

/// One set of column widths for the whole report, so the tables line up.
fn column_widths(lang: Lang, rows: &[(Section, Vec<[String; 6]>)]) -> [usize; 6] {
    let head = words::columns(lang);
    let mut w = [0usize; 6];
    for (i, h) in head.iter().enumerate() {
        w[i] = width(h);
    }
    for (_, section_rows) in rows {
        for row in section_rows {
            for (i, c) in row.iter().enumerate() {
                w[i] = w[i].max(width(c));
            }
        }
    }
    w[0] = w[0].clamp(16, 40);
    w
}

/// A figure table's headings, the columns it prints and their widths.
struct Table<'a> {
    head: [&'a str; 6],
    shown: &'a [usize],
    w: &'a [usize; 6],
}

impl Table<'_> {
    /// A section's figures under the column headings.
    fn write(&self, o: &mut String, rows: &[[String; 6]]) {
        let line = |cells: [&str; 6]| {
            let mut l = String::from("  ");
            for &i in self.shown {
                if i == 0 {
                    l.push_str(&fit(cells[0], self.w[0]));
                } else {
                    l.push_str("  ");
                    l.push_str(&right(cells[i], self.w[i]));
                }
            }
            l.trim_end().to_owned()
        };
        let _ = writeln!(o, "{}", line(self.head));
        for row in rows {
            let label = if width(&row[0]) > self.w[0] {
                let _ = writeln!(o, "  {}", row[0]);
                ""
            } else {
                row[0].as_str()
            };
            let _ = writeln!(
                o,
                "{}",
                line([label, &row[1], &row[2], &row[3], &row[4], &row[5]])
            );
        }
    }
}

/// The years without a holiday table and what the figures count.
fn footer(o: &mut String, r: &Report, lang: Lang) {
    if !r.uncovered_years.is_empty() {
        for line in wrap(&words::uncovered(lang, &r.uncovered_years), TEXT_WIDTH - 3) {
            let _ = writeln!(o, "{line}");
        }
    }
    for (i, para) in words::definitions(lang, r.group_visit_min_people)
        .iter()
        .enumerate()
    {
        let indent = if i == 0 { "" } else { "   " };
        for (j, line) in wrap(para, TEXT_WIDTH - 3).iter().enumerate() {
            let _ = writeln!(o, "{}{line}", if j == 0 { "" } else { indent });
        }
    }
}

/// A list under a table: each column as wide as its widest cell (at most
/// [`ITEM_COLUMN_MAX`]), the last one (the summary) cut to what is left of the line.
/// A page of listed cases as the text report lays its lists out (`report --list`).
pub fn list_table(head: &[&str], rows: &[Vec<String>]) -> String {
    let mut o = String::new();
    item_table(&mut o, head, rows);
    o
}

fn item_table(o: &mut String, head: &[&str], rows: &[Vec<String>]) {
    let fixed = head.len().saturating_sub(1);
    let widths: Vec<usize> = (0..fixed)
        .map(|i| {
            rows.iter()
                .map(|r| r.get(i).map_or(0, |c| width(c)))
                .chain([width(head[i])])
                .max()
                .unwrap_or(0)
                .min(ITEM_COLUMN_MAX)
        })
        .collect();
    let used: usize = 2 + widths.iter().map(|w| w + 2).sum::<usize>();
    // The summary gets the rest of the line; where that is less than a useful part of it, a
    // line of its own under the row, so that no line passes the page's 80 columns.
    let below = TEXT_WIDTH.saturating_sub(used) < SUMMARY_MIN;
    let line = |cells: &[String]| {
        let mut l = "  ".to_owned();
        for (c, w) in cells.iter().zip(&widths) {
            l.push_str(&fit(c, *w));
            l.push_str("  ");
        }
        let mut l = l.trim_end().to_owned();
        if let Some(last) = cells.get(fixed) {
            if below {
                l.push_str("\n      ");
                l.push_str(&cut(last, TEXT_WIDTH - 6));
            } else {
                l.push_str("  ");
                l.push_str(&cut(last, TEXT_WIDTH.saturating_sub(used)));
            }
        }
        l.trim_end().to_owned()
    };
    let head: Vec<String> = head.iter().map(|s| (*s).to_owned()).collect();
    let _ = writeln!(o, "{}", line(&head));
    for row in rows {
        let _ = writeln!(o, "{}", line(row));
    }
}

fn items(o: &mut String, lang: Lang, list: &ItemList) {
    if list.rows.is_empty() {
        return;
    }
    o.push('\n');
    item_table(o, &list.head, &list.rows);
    if let Some(n) = left_out(list.total) {
        let _ = writeln!(o, "  {}", words::more_items(lang, n, list.list));
    }
}

#[cfg(test)]
mod wrap_tests {
    use super::*;

    /// Every paragraph of the definitions, in both languages, comes out whole: nothing
    /// dropped, no line over the width, and in English no word broken (a Chinese term in
    /// it, such as 交办'd, included) and no line opening with a closing mark.
    #[test]
    fn the_definitions_wrap_whole() {
        for lang in [Lang::Zh, Lang::En] {
            for para in words::definitions(lang, 5) {
                let lines = wrap(&para, TEXT_WIDTH - 3);
                for l in &lines {
                    // A closing mark hangs past the width rather than open a line.
                    assert!(width(l) < TEXT_WIDTH, "{l}");
                    assert!(!l.starts_with([')', ',', '.', ';', ':']), "{l}\n{para}");
                }
                let words = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
                if lang == Lang::En {
                    assert_eq!(words(&lines.join(" ")), words(&para), "{lines:#?}");
                } else {
                    assert_eq!(lines.concat().replace(' ', ""), para.replace(' ', ""));
                }
            }
        }
    }

    /// 避头尾: no line ends with an opening quote or bracket, at any width.
    #[test]
    fn no_line_ends_with_an_opening_mark() {
        let para = "超期最久的为“2024-0007”、“2024-0038”、“2024-0041”，其中《信访工作条例》第二十二条（三）规定的交办件“社保科”有3件。";
        for w in 10..40 {
            let lines = wrap(para, w);
            for l in &lines {
                assert!(!l.ends_with(['“', '（', '《', '(']), "{w}: {lines:#?}");
                assert!(
                    !l.starts_with(['”', '）', '》', '、', '，', '。']),
                    "{w}: {lines:#?}"
                );
            }
            assert_eq!(lines.concat(), para, "{w}");
        }
    }
}
