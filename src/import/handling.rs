//! The register's handling cells read back: 延期 (`15天（需现场核实）`), 督办
//! (`逾期未办结（2026-03-20前反馈）、领导交办（…）`), 回访满意度 (`承办单位：满意；信访部门：
//! 基本满意`, or one word for both) and the 告知途径 a 不予受理 carries in 受理情况. Each
//! reads what `sheet::register` writes, in either language, and the shorter forms offices
//! type by hand.

use chrono::NaiveDate;

use super::read::Value;
use super::value;
use crate::domain::types::{Satisfaction, SuperviseGround};
use crate::strings::{Lang, labels};

/// What marks the route told with a 不予受理 in the 受理情况 cell, in each language.
pub const ROUTE_MARKS: [&str; 4] = ["告知途径：", "告知途径:", "; route: ", ";route:"];

/// `15天（理由）`, `15 days (reason)`, `延期15天，理由`: the days and the reason.
pub fn extension(s: &str) -> Option<(u32, String)> {
    let s = s.trim().trim_start_matches("延期");
    let digits: String = s
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let days = digits.parse().ok()?;
    let rest = s.trim_start()[digits.len()..].trim_start();
    let rest = ["天", "日", "days", "day"]
        .iter()
        .find_map(|u| rest.strip_prefix(u))
        .unwrap_or(rest);
    let reason = rest
        .trim()
        .trim_start_matches(['（', '(', '，', ',', '：', ':'])
        .trim_end_matches(['）', ')'])
        .trim();
    Some((days, reason.to_owned()))
}

/// The 督办 cell: each order's ground and feedback day; Err with the part not understood.
pub fn supervisions(s: &str) -> Result<Vec<(SuperviseGround, NaiveDate)>, String> {
    let mut out = Vec::new();
    for part in split(s, &['、', ';', '；']) {
        let (ground, inner) = match part.split_once(['（', '(']) {
            Some((g, rest)) => (g.trim(), rest.trim_end_matches(['）', ')'])),
            None => return Err(part.to_owned()),
        };
        let ground = named(&SuperviseGround::ALL, ground, labels::supervise_ground)
            .ok_or_else(|| part.to_owned())?;
        let day = inner
            .replace("前反馈", "")
            .replace("feedback by", "")
            .trim()
            .to_owned();
        let day = value::date(&Value::Text(day)).ok_or_else(|| part.to_owned())?;
        out.push((ground, day));
    }
    Ok(out)
}

/// The 回访满意度 cell: (with the unit, with the office); one word stands for both.
pub fn satisfaction(s: &str) -> Option<(Satisfaction, Satisfaction)> {
    let pick = |w: &str| named(&Satisfaction::ALL, w, labels::satisfaction);
    let parts = split(s, &['；', ';']);
    let after = |p: &str| -> String {
        match p.split_once(['：', ':']) {
            Some((_, v)) => v.trim().to_owned(),
            None => p.trim().to_owned(),
        }
    };
    match parts.as_slice() {
        [one] => pick(&after(one)).map(|v| (v, v)),
        [unit, office] => Some((pick(&after(unit))?, pick(&after(office))?)),
        _ => None,
    }
}

/// The 受理情况 cell split from the route told with it: (`不予受理（…）`, route).
pub fn split_route(cell: &str) -> (&str, Option<&str>) {
    for mark in ROUTE_MARKS {
        if let Some((head, route)) = cell.split_once(mark) {
            let head = head.trim_end_matches(['，', ',', ' ']);
            return (head, Some(route.trim()).filter(|r| !r.is_empty()));
        }
    }
    (cell, None)
}

fn split<'a>(s: &'a str, seps: &[char]) -> Vec<&'a str> {
    s.split(seps)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// A closed set's member named by its label in either language.
pub fn named<T: Copy>(all: &[T], s: &str, name: impl Fn(Lang, T) -> &'static str) -> Option<T> {
    let s = s.trim();
    (all.iter().copied())
        .find(|&v| name(Lang::Zh, v) == s || name(Lang::En, v).eq_ignore_ascii_case(s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strings::sheet;

    #[test]
    fn what_the_register_writes_reads_back_in_both_languages() {
        for lang in [Lang::Zh, Lang::En] {
            let e = sheet::extension(lang, 15, "需现场核实");
            assert_eq!(extension(&e), Some((15, "需现场核实".to_owned())), "{e}");
            let d = NaiveDate::from_ymd_opt(2026, 3, 20).unwrap();
            let ground = labels::supervise_ground(lang, SuperviseGround::Leader);
            let one = sheet::supervision(lang, ground, d);
            let two = [one.clone(), one].join(sheet::list_sep(lang));
            assert_eq!(
                supervisions(&two),
                Ok(vec![
                    (SuperviseGround::Leader, d),
                    (SuperviseGround::Leader, d)
                ])
            );
            let s = sheet::satisfaction(lang, Satisfaction::Satisfied, Satisfaction::Basic);
            assert_eq!(
                satisfaction(&s),
                Some((Satisfaction::Satisfied, Satisfaction::Basic)),
                "{s}"
            );
        }
    }

    #[test]
    fn hand_typed_forms_are_read_and_nonsense_is_not() {
        assert_eq!(
            extension("延期30天，需调查"),
            Some((30, "需调查".to_owned()))
        );
        assert_eq!(extension("30"), Some((30, String::new())));
        assert_eq!(extension("待定"), None);
        assert_eq!(
            satisfaction("满意"),
            Some((Satisfaction::Satisfied, Satisfaction::Satisfied))
        );
        assert_eq!(satisfaction("还行"), None);
        assert_eq!(supervisions("督办"), Err("督办".to_owned()));
        assert_eq!(supervisions(""), Ok(vec![]));
        assert_eq!(
            split_route("不予受理（已经或者依法应当通过诉讼解决）告知途径：向法院起诉"),
            (
                "不予受理（已经或者依法应当通过诉讼解决）",
                Some("向法院起诉")
            )
        );
        assert_eq!(split_route("受理"), ("受理", None));
    }
}
