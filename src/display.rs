//! Display width of text in a terminal: CJK characters take two columns.
//! Layout, truncation and cursor columns use this, never `len()`.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Columns `s` takes.
pub fn width(s: &str) -> usize {
    s.width()
}

/// `s` on one line: line breaks and tabs become spaces, other control
/// characters go. A summary typed on several lines is shown in a list
/// cell this way.
pub fn one_line(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// `s` on one line, cut to at most `max` columns; a cut ends in ASCII ".."
/// (the "…" sign is ambiguous-width and takes two columns in CJK
/// terminals, which would shift every column after it).
pub fn cut(s: &str, max: usize) -> String {
    let s = one_line(s);
    if s.width() <= max {
        return s;
    }
    let mut out = cut_plain(&s, max.saturating_sub(2));
    let room = max.saturating_sub(out.width());
    out.extend("..".chars().take(room));
    out
}

/// `s` cut to `width` columns and padded with spaces to exactly `width`.
pub fn fit(s: &str, width: usize) -> String {
    let mut out = cut(s, width);
    let pad = width.saturating_sub(out.width());
    out.extend(std::iter::repeat_n(' ', pad));
    out
}

/// `s` cut to at most `max` columns without a marker (for input fields,
/// where ".." would look like typed text).
pub fn cut_plain(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn several_lines_are_cut_as_one() {
        // A summary with blank lines once made the queue panic here.
        let s = "尊敬的领导：我是某某小区居民，\n\n\n\n小区电梯";
        for max in 0..40 {
            assert!(width(&cut(s, max)) <= max, "{max}");
            assert_eq!(width(&fit(s, max)), max);
        }
        assert_eq!(cut("一\r\n二\t三\u{7}", 20), "一  二 三");
    }

    #[test]
    fn cuts_by_columns_not_bytes() {
        assert_eq!(fit("王伟", 6), "王伟  ");
        assert_eq!(cut("反映拆迁补偿款未到位", 10), "反映拆迁..");
        assert_eq!(width(&cut("反映拆迁补偿款未到位", 9)), 8);
        assert_eq!(fit("反映拆迁补偿款未到位", 9), "反映拆.. ");
        assert_eq!(cut("abc", 1), ".");
        assert_eq!(cut("", 0), "");
        assert_eq!(width(&fit("张三abc", 7)), 7);
    }
}
