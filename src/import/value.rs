//! The values of an old register's cells: dates in the forms offices type them, Excel's
//! date serials, and ID numbers a spreadsheet turned into numbers.

use chrono::NaiveDate;

use super::read::Value;

/// A date cell: a date cell, an Excel serial (45724), `2025-03-08`, `2025.3.8`,
/// `2025/3/8`, `2025年3月8日`, `20250308`, with any time of day after it read past.
pub fn date(v: &Value) -> Option<NaiveDate> {
    match v {
        Value::Empty => None,
        Value::Date(d) => Some(*d),
        Value::Number(n) => number_date(*n),
        Value::Text(s) => text_date(s.trim()),
    }
}

fn number_date(n: f64) -> Option<NaiveDate> {
    if (19000101.0..=29991231.0).contains(&n) {
        return NaiveDate::parse_from_str(&format!("{n:.0}"), "%Y%m%d").ok();
    }
    // Excel's day 1 is 1900-01-01, counted from 1899-12-30 because of its 1900 leap day.
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let whole = (1.0..2_958_466.0).contains(&n).then_some(n as u64)?;
    epoch.checked_add_days(chrono::Days::new(whole))
}

fn text_date(s: &str) -> Option<NaiveDate> {
    if let Ok(n) = s.parse::<f64>() {
        return number_date(n);
    }
    let day = s.split([' ', 'T']).next().unwrap_or_default();
    let plain: String = day
        .chars()
        .filter_map(|c| match c {
            '年' | '月' | '.' | '/' | '-' | '．' | '／' => Some('-'),
            '日' | '号' => None,
            c => Some(c),
        })
        .collect();
    NaiveDate::parse_from_str(plain.trim_end_matches('-'), "%Y-%m-%d").ok()
}

/// An ID number cell: Err with the text when a spreadsheet stored it as a number and
/// kept only 15 or so of its digits (`3.3010219981223E+17`): they are lost for good.
pub fn id_number(v: &Value) -> Result<Option<String>, String> {
    match v {
        // f64 holds every integer below 2^53 (16 digits): a 15-digit old ID is whole.
        Value::Number(n) if *n < 1e15 && n.fract() == 0.0 => Ok(Some(format!("{n:.0}"))),
        Value::Number(n) => Err(format!("{n:E}")),
        Value::Text(s) if lost_digits(s.trim()) => Err(s.trim().to_owned()),
        v => Ok(Some(v.text()).filter(|s| !s.is_empty())),
    }
}

/// `3.3010219981223E+17`, `3.30102E17`: a number in scientific notation.
fn lost_digits(s: &str) -> bool {
    let upper = s.to_ascii_uppercase();
    upper.contains('E') && upper.parse::<f64>().is_ok()
}

/// A 人数 cell: `12`, `12人`, `１２` (full-width); None for anything else (`abc`, `-3`, 0,
/// a number past any group), which the row then names instead of counting one person (a
/// trial's `12人` came in as 1, and 人次 with it).
pub fn people(s: &str) -> Option<u32> {
    let digits: String = (s.trim().trim_end_matches('人').trim().chars())
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        })
        .collect();
    let n: u32 = digits.parse().ok()?;
    (1..=100_000).contains(&n).then_some(n)
}

/// A phone cell: a number cell's digits (a landline's leading 0 cannot be brought back,
/// the domain's check then names the number).
pub fn phone(v: &Value) -> Option<String> {
    Some(v.text()).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn dates_in_the_forms_offices_type() {
        let t = |s: &str| date(&Value::Text(s.to_owned()));
        assert_eq!(t("2025-03-08"), d(2025, 3, 8));
        assert_eq!(t("2025.3.8"), d(2025, 3, 8));
        assert_eq!(t("2025/3/8"), d(2025, 3, 8));
        assert_eq!(t("2025年3月8日"), d(2025, 3, 8));
        assert_eq!(t("2025-03-08 10:30:00"), d(2025, 3, 8));
        assert_eq!(t("20250308"), d(2025, 3, 8));
        assert_eq!(t("45724"), d(2025, 3, 8));
        assert_eq!(date(&Value::Number(45724.0)), d(2025, 3, 8));
        assert_eq!(date(&Value::Number(45724.4)), d(2025, 3, 8));
        assert_eq!(t("3月8日"), None);
        assert_eq!(t("2025.13.8"), None);
        assert_eq!(t(""), None);
    }

    #[test]
    fn people_as_offices_write_them() {
        assert_eq!(people("12"), Some(12));
        assert_eq!(people("12人"), Some(12));
        assert_eq!(people("１２"), Some(12));
        for bad in ["abc", "-3", "0", "99999999999", "十二"] {
            assert_eq!(people(bad), None, "{bad}");
        }
    }

    #[test]
    fn ids_stored_as_numbers_are_named() {
        assert!(id_number(&Value::Number(330102199812230019.0)).is_err());
        assert!(id_number(&Value::Text("3.3010219981223E+17".into())).is_err());
        assert_eq!(
            id_number(&Value::Number(110105491231002.0)),
            Ok(Some("110105491231002".into()))
        );
        assert_eq!(
            id_number(&Value::Text("11010519491231002X".into())),
            Ok(Some("11010519491231002X".into()))
        );
    }
}
