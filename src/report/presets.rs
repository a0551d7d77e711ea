//! The county's reports as presets laid out (`domain::presets`): text for the terminal,
//! HTML to print (A4, nothing fetched), CSV for a spreadsheet, JSON as the data is.

use std::fmt::Write as _;

use super::html::escape;
use crate::domain::presets::{SpecialReport, UnitReport, WeeklyReport};
use crate::strings::{Lang, backlog as bwords, labels, presets as words};

/// The preset's forms (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Text,
    Html,
    Csv,
    Json,
}

/// Something a preset lays out.
pub enum Doc<'a> {
    Units(&'a UnitReport),
    Weekly(&'a WeeklyReport),
    Special(&'a SpecialReport),
}

/// `doc` in `form`; None for a form the document has not (the 专报 as CSV).
pub fn render(doc: &Doc, form: Form, lang: Lang) -> Option<String> {
    Some(match (doc, form) {
        (Doc::Units(r), Form::Json) => json(r),
        (Doc::Weekly(r), Form::Json) => json(r),
        (Doc::Special(r), Form::Json) => json(r),
        (Doc::Units(r), Form::Text) => units_text(r, lang),
        (Doc::Units(r), Form::Html) => page(
            lang,
            words::units_title(lang, r.preset, r.kind()),
            &units_html(r, lang),
        ),
        (Doc::Units(r), Form::Csv) => units_csv(r, lang),
        (Doc::Weekly(r), Form::Text) => weekly_text(r, lang),
        (Doc::Weekly(r), Form::Html) => page(
            lang,
            words::title(lang, crate::domain::presets::Preset::Weekly),
            &weekly_html(r, lang),
        ),
        (Doc::Weekly(r), Form::Csv) => weekly_csv(r, lang),
        (Doc::Special(r), Form::Text) => special_text(r, lang),
        (Doc::Special(r), Form::Html) => page(
            lang,
            words::title(lang, crate::domain::presets::Preset::Special),
            &special_html(r, lang),
        ),
        (Doc::Special(_), Form::Csv) => return None,
    })
}

fn json<T: serde::Serialize>(v: &T) -> String {
    // Plain data of strings, numbers and dates: serialising cannot fail.
    serde_json::to_string_pretty(v).map_or_else(|_| "{}".to_owned(), |s| s + "\n")
}

/// A line's case numbers, each with its day, then how many more.
fn cases_of(c: &crate::domain::presets::Counted, lang: Lang) -> String {
    let out: Vec<String> = c
        .cases
        .iter()
        .map(|l| match l.day {
            Some(d) => match lang {
                Lang::Zh => format!("{}（{d}）", l.case_no),
                Lang::En => format!("{} ({d})", l.case_no),
            },
            None => l.case_no.clone(),
        })
        .collect();
    let left = c.count.saturating_sub(c.cases.len() as u64);
    if out.is_empty() {
        // None listed (`--top 0`): the count alone.
        return words::count(lang, c.count);
    }
    let mut text = out.join(lang.pick("、", ", "));
    if left > 0 {
        text.push_str(&words::more(lang, left, c.count));
    }
    text
}

fn units_text(r: &UnitReport, lang: Lang) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "{}", words::units_title(lang, r.preset, r.kind()));
    let _ = writeln!(o, "{}", words::period(lang, r.from, r.to));
    let _ = writeln!(o, "{}\n", words::cutoff(lang, r.cutoff, r.to));
    if r.units.is_empty() {
        let _ = writeln!(o, "{}", words::nothing(lang));
    }
    for u in &r.units {
        let _ = writeln!(o, "【{}】", words::unit(lang, &u.unit));
        for c in &u.lines {
            let _ = writeln!(
                o,
                "  {}{}{}  {}",
                words::line(lang, c.line, r.kind()),
                lang.pick("：", ": "),
                words::count(lang, c.count),
                cases_of(c, lang)
            );
        }
        o.push('\n');
    }
    o
}

fn units_html(r: &UnitReport, lang: Lang) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "<p class=\"meta\">{}<br>{}</p>",
        escape(&words::period(lang, r.from, r.to)),
        escape(&words::cutoff(lang, r.cutoff, r.to))
    );
    if r.units.is_empty() {
        let _ = writeln!(o, "<p>{}</p>", escape(words::nothing(lang)));
    }
    for u in &r.units {
        let _ = writeln!(
            o,
            "<h2>{}</h2>\n<table>",
            escape(&words::unit(lang, &u.unit))
        );
        for c in &u.lines {
            let _ = writeln!(
                o,
                "<tr><th>{}</th><td class=\"n\">{}</td><td>{}</td></tr>",
                escape(words::line(lang, c.line, r.kind())),
                c.count,
                escape(&cases_of(c, lang))
            );
        }
        o.push_str("</table>\n");
    }
    o
}

/// A CSV field, quoted when it must be.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// Rows as CSV for a spreadsheet in China: a BOM, CRLF.
fn csv(rows: &[Vec<String>]) -> String {
    let mut o = String::from('\u{feff}');
    for r in rows {
        let cells: Vec<String> = r.iter().map(|c| field(c)).collect();
        o.push_str(&cells.join(","));
        o.push_str("\r\n");
    }
    o
}

fn units_csv(r: &UnitReport, lang: Lang) -> String {
    let heads = match lang {
        Lang::Zh => ["承办单位", "事项", "件数", "编号"],
        Lang::En => ["unit", "line", "count", "cases"],
    };
    let mut rows = vec![heads.map(str::to_owned).to_vec()];
    for u in &r.units {
        for c in &u.lines {
            rows.push(vec![
                words::unit(lang, &u.unit),
                words::line(lang, c.line, r.kind()).to_owned(),
                c.count.to_string(),
                cases_of(c, lang),
            ]);
        }
    }
    csv(&rows)
}

fn leader_row(l: &crate::domain::presets::LeaderWeek) -> Vec<String> {
    vec![
        l.leader.clone(),
        l.reception_days.to_string(),
        l.batches.to_string(),
        l.person_times.to_string(),
        l.letters_signed.to_string(),
        l.instructions.to_string(),
        l.meetings.to_string(),
    ]
}

fn flag_row(f: &crate::domain::flags::PersonFlag, lang: Lang) -> Vec<String> {
    vec![
        f.name.clone(),
        bwords::flag(lang, f.flag).to_owned(),
        f.reason.clone(),
        f.on.to_string(),
        f.by.clone(),
    ]
}

fn weekly_text(r: &WeeklyReport, lang: Lang) -> String {
    let mut o = String::new();
    let title = words::title(lang, crate::domain::presets::Preset::Weekly);
    let _ = writeln!(o, "{title}\n{}\n", words::period(lang, r.from, r.to));
    let _ = writeln!(o, "{}", words::leader_heads(lang).join(" | "));
    for l in &r.leaders {
        let _ = writeln!(o, "{}", leader_row(l).join(" | "));
    }
    let _ = writeln!(o, "\n{}", words::key_petitioners(lang));
    if r.key_petitioners.is_empty() {
        let _ = writeln!(o, "{}", words::no_flags(lang));
    }
    for f in &r.key_petitioners {
        let _ = writeln!(o, "  {}", flag_row(f, lang).join(" | "));
    }
    let _ = writeln!(o, "\n{}", words::weekly_notes(lang));
    o
}

fn table(heads: &[&str], rows: &[Vec<String>]) -> String {
    let mut o = String::from("<table>\n<tr>");
    for h in heads {
        let _ = write!(o, "<th>{}</th>", escape(h));
    }
    o.push_str("</tr>\n");
    for r in rows {
        o.push_str("<tr>");
        for c in r {
            let _ = write!(o, "<td>{}</td>", escape(c));
        }
        o.push_str("</tr>\n");
    }
    o.push_str("</table>\n");
    o
}

fn weekly_html(r: &WeeklyReport, lang: Lang) -> String {
    let mut o = format!(
        "<p class=\"meta\">{}</p>\n",
        escape(&words::period(lang, r.from, r.to))
    );
    let rows: Vec<Vec<String>> = r.leaders.iter().map(leader_row).collect();
    o.push_str(&table(&words::leader_heads(lang), &rows));
    let _ = writeln!(o, "<h2>{}</h2>", escape(words::key_petitioners(lang)));
    let flags: Vec<Vec<String>> = r
        .key_petitioners
        .iter()
        .map(|f| flag_row(f, lang))
        .collect();
    o.push_str(&table(&words::flag_heads(lang), &flags));
    let _ = writeln!(
        o,
        "<p class=\"note\">{}</p>",
        escape(words::weekly_notes(lang))
    );
    o
}

fn weekly_csv(r: &WeeklyReport, lang: Lang) -> String {
    let mut rows = vec![words::leader_heads(lang).map(str::to_owned).to_vec()];
    rows.extend(r.leaders.iter().map(leader_row));
    csv(&rows)
}

/// The 专报's facts, as label and value.
fn facts(r: &SpecialReport, lang: Lang) -> Vec<(&'static str, String)> {
    let c = &r.case;
    let i = &c.intake;
    let l = words::fact_labels(lang);
    let names: Vec<&str> = i.petitioners.iter().map(|p| p.name.as_str()).collect();
    let handled = c
        .assignment
        .as_ref()
        .map_or_else(String::new, |a| format!("{} {}", a.department, a.handler));
    // The 积案's own 包案领导, else the case's (as in the 积案 line below).
    let owner = (r.backlog.as_ref())
        .and_then(|b| b.file.leader.as_deref())
        .or_else(|| c.assignment.as_ref()?.owner_leader.as_deref());
    vec![
        (
            l[0],
            c.case_no.clone().unwrap_or_else(|| format!("#{}", c.id)),
        ),
        (l[1], i.received_at.date_naive().to_string()),
        (l[2], labels::channel(lang, i.channel).to_owned()),
        (l[3], i.people.to_string()),
        (l[4], names.join(lang.pick("、", ", "))),
        (l[5], i.category.clone()),
        (l[6], i.target.clone().unwrap_or_default()),
        (l[7], i.summary.clone()),
        (l[8], i.request.clone()),
        (l[9], handled),
        (l[10], labels::case_state(lang, c).to_owned()),
        (l[11], owner.unwrap_or("—").to_owned()),
        (l[12], due(r, lang)),
        (l[13], supervised(r, lang)),
    ]
}

/// The clocks still running, each with its due date and days left or overdue.
fn due(r: &SpecialReport, lang: Lang) -> String {
    let shown: Vec<String> = (r.running.iter())
        .map(|(rule, k)| {
            let name = labels::clock_name(lang, rule);
            format!("{name} {} {}", k.due, labels::clock_status(lang, &k.status))
        })
        .collect();
    if shown.is_empty() {
        "—".to_owned()
    } else {
        shown.join(lang.pick("；", "; "))
    }
}

/// How often the case was supervised, and the latest 督办's requirement.
fn supervised(r: &SpecialReport, lang: Lang) -> String {
    let s = &r.case.supervisions;
    let latest = s.last().map(|v| {
        (
            labels::supervise_ground(lang, v.ground),
            v.text.trim(),
            v.feedback_by,
        )
    });
    words::supervised(lang, s.len(), latest)
}

fn timeline(r: &SpecialReport, lang: Lang) -> Vec<String> {
    let codes: Vec<(i64, &str)> = r.timeline.iter().map(|s| (s.seq, s.op.as_str())).collect();
    let verbs = crate::strings::timeline::verbs(lang, &r.case, &codes);
    (r.timeline.iter().zip(verbs))
        .map(|(s, verb)| {
            let at = s.at.get(..16).unwrap_or(&s.at).replace('T', " ");
            format!("{at}  {verb}  {}", s.actor)
        })
        .collect()
}

fn backlog(r: &SpecialReport, lang: Lang) -> String {
    match &r.backlog {
        None => words::not_backlog(lang).to_owned(),
        Some(b) => words::backlog_line(
            lang,
            &bwords::grounds(lang, &b.grounds),
            // The 积案's own 包案领导, else the case's (as the 积案 screen shows them).
            (b.file.leader.as_deref())
                .or_else(|| r.case.assignment.as_ref()?.owner_leader.as_deref())
                .unwrap_or("—"),
            b.file.meetings.len(),
        ),
    }
}

/// A heading's number: 一、 or 1.
fn ordinal(lang: Lang, n: usize) -> String {
    crate::strings::report::ordinal(lang, n - 1)
}

fn special_text(r: &SpecialReport, lang: Lang) -> String {
    let h = words::special_heads(lang);
    let mut o = String::new();
    let title = words::title(lang, crate::domain::presets::Preset::Special);
    let _ = writeln!(o, "{title}\n{}\n", words::period(lang, r.today, r.today));
    let _ = writeln!(o, "{}{}", ordinal(lang, 1), h[0]);
    for (k, v) in facts(r, lang) {
        let _ = writeln!(o, "  {k}{}{v}", lang.pick("：", ": "));
    }
    let _ = writeln!(o, "\n{}{}", ordinal(lang, 2), h[1]);
    for line in timeline(r, lang) {
        let _ = writeln!(o, "  {line}");
    }
    let _ = writeln!(o, "\n{}{}", ordinal(lang, 3), h[2]);
    if r.flags.is_empty() {
        let _ = writeln!(o, "  {}", words::no_flags(lang));
    }
    for f in &r.flags {
        let _ = writeln!(o, "  {}", flag_row(f, lang).join(" | "));
    }
    let _ = writeln!(o, "\n{}{}\n  {}", ordinal(lang, 4), h[3], backlog(r, lang));
    let [sign, date] = words::sign_here(lang);
    let _ = writeln!(
        o,
        "\n{}{}\n  {sign}\n\n\n\n  {date}",
        ordinal(lang, 5),
        h[4]
    );
    o
}

fn special_html(r: &SpecialReport, lang: Lang) -> String {
    let h = words::special_heads(lang);
    let mut o = format!(
        "<p class=\"meta\">{}</p>\n<h2>{}</h2>\n<table>\n",
        escape(&words::period(lang, r.today, r.today)),
        escape(h[0])
    );
    for (k, v) in facts(r, lang) {
        let _ = writeln!(o, "<tr><th>{}</th><td>{}</td></tr>", escape(k), escape(&v));
    }
    let _ = writeln!(o, "</table>\n<h2>{}</h2>\n<ol>", escape(h[1]));
    for line in timeline(r, lang) {
        let _ = writeln!(o, "<li>{}</li>", escape(&line));
    }
    let _ = writeln!(o, "</ol>\n<h2>{}</h2>", escape(h[2]));
    let flags: Vec<Vec<String>> = r.flags.iter().map(|f| flag_row(f, lang)).collect();
    o.push_str(&table(&words::flag_heads(lang), &flags));
    let _ = writeln!(
        o,
        "<h2>{}</h2>\n<p>{}</p>",
        escape(h[3]),
        escape(&backlog(r, lang))
    );
    let [sign, date] = words::sign_here(lang);
    let _ = writeln!(
        o,
        "<h2>{}</h2>\n<div class=\"sign\"><p>{}</p><p class=\"date\">{}</p></div>",
        escape(h[4]),
        escape(sign),
        escape(date)
    );
    o
}

const CSS: &str = "@page { size: A4; margin: 18mm 16mm; } \
body { margin: 0 auto; max-width: 178mm; font-size: 11pt; line-height: 1.5; \
font-family: \"FangSong\", \"STFangsong\", \"SimSun\", \"Noto Serif CJK SC\", serif; } \
h1 { font-size: 18pt; text-align: center; } h2 { font-size: 13pt; margin: 5mm 0 2mm; } \
table { border-collapse: collapse; width: 100%; } \
th, td { border: 1px solid #000; padding: 1mm 2mm; text-align: left; vertical-align: top; } \
td.n { text-align: right; white-space: nowrap; } .note { font-size: 9.5pt; } \
.sign { border: 1px solid #000; min-height: 60mm; padding: 2mm; position: relative; } \
.sign .date { position: absolute; bottom: 2mm; right: 4mm; }";

fn page(lang: Lang, title: &str, body: &str) -> String {
    let html_lang = lang.pick("zh-CN", "en");
    let title = escape(title);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<h1>{title}</h1>\n{body}</body>\n</html>\n"
    )
}

#[cfg(test)]
mod tests {
    use crate::domain::presets::{Counted, Line, Listed};
    use crate::strings::Lang;

    /// 「甲、乙等60件」: 等 and the whole count after the last number listed, no 、 before it.
    #[test]
    fn the_cases_not_listed_are_counted_after_the_last_listed() {
        let listed = |no: &str| Listed {
            case_no: no.to_owned(),
            day: None,
        };
        let c = Counted {
            line: Line::Overdue,
            count: 60,
            cases: vec![listed("2026-0001"), listed("2026-0002")],
        };
        assert_eq!(super::cases_of(&c, Lang::Zh), "2026-0001、2026-0002等60件");
        assert_eq!(
            super::cases_of(&c, Lang::En),
            "2026-0001, 2026-0002, and 58 more"
        );
        let none_listed = Counted {
            cases: Vec::new(),
            ..c
        };
        assert_eq!(super::cases_of(&none_listed, Lang::Zh), "60件");
    }
}
