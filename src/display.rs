//! Display width of text in a terminal: CJK characters take two columns.
//! Layout, truncation and cursor columns use this, never `len()`.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Columns `s` takes.
pub fn width(s: &str) -> usize {
    s.width()
}

/// `s` made safe to print to a terminal: escape sequences (CSI `ESC [ … J`, OSC
/// `ESC ] 0 ; … BEL` and `ESC ] 52` that retitle the window or write the clipboard, DCS,
/// their C1 forms U+009B/U+009D/…) go whole, and so does every other control character
/// (bare ESC, BEL, NUL, a CR not ending a line, DEL, C1) but the line break and the tab. Every surface that
/// prints stored text goes through this: the desk, and the CLI's text, CSV and notices on
/// stdout. Files keep the text exactly.
pub fn safe(s: &str) -> String {
    clean(s, false)
}

/// `s` on one line: line breaks and tabs become spaces, escape sequences and other
/// control characters go (as [`safe`]). A summary typed on several lines is shown in a
/// list cell this way.
pub fn one_line(s: &str) -> String {
    clean(s, true)
}

/// Serialised JSON made safe for a terminal and still the same value: DEL and the C1
/// controls (U+007F–U+009F), which serde_json writes raw, become `\u` escapes (it escapes
/// C0 ones itself).
pub fn json_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if ('\u{7f}'..='\u{9f}').contains(&c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// A writer to standard output: each line goes through [`safe`] (text, CSV) or
/// [`json_safe`] (JSON) before it reaches `inner`, so stored text never carries an
/// escape sequence to a terminal.
pub struct Terminal<W: std::io::Write> {
    inner: W,
    line: Vec<u8>,
    json: bool,
}

impl<W: std::io::Write> Terminal<W> {
    pub fn text(inner: W) -> Self {
        Terminal {
            inner,
            line: Vec::new(),
            json: false,
        }
    }

    pub fn json(inner: W) -> Self {
        Terminal {
            inner,
            line: Vec::new(),
            json: true,
        }
    }

    fn emit(&mut self) -> std::io::Result<()> {
        if self.line.is_empty() {
            return Ok(());
        }
        let text = String::from_utf8_lossy(&self.line);
        let clean = if self.json {
            json_safe(&text)
        } else {
            safe(&text)
        };
        self.line.clear();
        self.inner.write_all(clean.as_bytes())
    }
}

impl<W: std::io::Write> std::io::Write for Terminal<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        // Whole lines only: a sequence cut between two writes is still seen whole.
        for part in buf.split_inclusive(|b| *b == b'\n') {
            self.line.extend_from_slice(part);
            if part.ends_with(b"\n") {
                self.emit()?;
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.emit()?;
        self.inner.flush()
    }
}

impl<W: std::io::Write> Drop for Terminal<W> {
    fn drop(&mut self) {
        // As `BufWriter`: what is left goes out; an error here has no one to tell.
        let _ = std::io::Write::flush(self);
    }
}

/// What a terminal would read as the start of a sequence, and how it ends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sequence {
    /// CSI: parameters and intermediates, then one final byte `@`..`~`.
    Control,
    /// OSC, DCS, SOS, PM, APC: any text up to BEL (OSC's) or the string terminator.
    Text,
}

fn sequence_after_esc(c: char) -> Option<Sequence> {
    match c {
        '[' => Some(Sequence::Control),
        ']' | 'P' | 'X' | '^' | '_' => Some(Sequence::Text),
        _ => None,
    }
}

fn c1_sequence(c: char) -> Option<Sequence> {
    match c {
        '\u{9b}' => Some(Sequence::Control),
        '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => Some(Sequence::Text),
        _ => None,
    }
}

fn clean(s: &str, flat: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let seq = match c {
            '\n' | '\t' if flat => {
                out.push(' ');
                continue;
            }
            '\r' if flat => {
                out.push(' ');
                continue;
            }
            // A CSV's line ends (RFC 4180) stay; a bare CR, which would let text
            // overwrite the line, goes.
            '\r' if chars.peek() == Some(&'\n') => {
                out.push(c);
                continue;
            }
            '\n' | '\t' => {
                out.push(c);
                continue;
            }
            '\u{1b}' => match chars.peek().copied() {
                Some(next) if sequence_after_esc(next).is_some() => {
                    chars.next();
                    sequence_after_esc(next)
                }
                // A two-character escape (ESC 7, ESC c …): both go.
                Some(next) if (' '..='~').contains(&next) => {
                    chars.next();
                    None
                }
                _ => None,
            },
            c if c.is_control() => c1_sequence(c),
            c => {
                out.push(c);
                continue;
            }
        };
        match seq {
            Some(Sequence::Control) => skip_control(&mut chars),
            Some(Sequence::Text) => skip_text(&mut chars),
            None => {}
        }
    }
    out
}

/// Past a CSI's parameters and intermediates and its final byte; a character that cannot
/// be part of one ends it unconsumed.
fn skip_control(chars: &mut std::iter::Peekable<std::str::Chars>) {
    while let Some(&c) = chars.peek() {
        match c {
            '\u{20}'..='\u{3f}' => {
                chars.next();
            }
            '\u{40}'..='\u{7e}' => {
                chars.next();
                return;
            }
            _ => return,
        }
    }
}

/// Past a string sequence's text and its end: BEL, ESC \\ or ST (U+009C). A line break ends
/// it too (terminals abandon it there), and is kept.
fn skip_text(chars: &mut std::iter::Peekable<std::str::Chars>) {
    while let Some(&c) = chars.peek() {
        match c {
            '\u{7}' | '\u{9c}' => {
                chars.next();
                return;
            }
            '\u{1b}' => {
                chars.next();
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            '\n' => return,
            _ => {
                chars.next();
            }
        }
    }
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

/// Closing punctuation a Chinese line does not begin with (避头点).
const NO_LINE_START: &[char] = &[
    '、', '，', '。', '；', '：', '！', '？', '）', '」', '』', '》', '】', '…',
];

/// Where to break `rest` instead of `at` so that the next line does not begin with closing
/// punctuation: the characters before it go down with it (the line keeps at least one).
fn off_line_start(rest: &str, mut at: usize) -> usize {
    for _ in 0..3 {
        let starts = rest[at..].trim_start().chars().next();
        if !starts.is_some_and(|c| NO_LINE_START.contains(&c)) {
            break;
        }
        match rest[..at].trim_end().char_indices().last() {
            Some((i, _)) if i > 0 => at = i,
            _ => break,
        }
    }
    at
}

/// A break at `at` moved back to the start of the figure it would cut (参评率13⏎.3%, a case
/// number at its hyphen), unless the figure begins the line.
fn off_number(rest: &str, at: usize) -> usize {
    let glued = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '%' | '-' | '/' | ':');
    let before = rest[..at].chars().next_back();
    let after = rest[at..].chars().next();
    if !(before.is_some_and(glued) && after.is_some_and(glued)) {
        return at;
    }
    let start = (rest[..at].char_indices().rev())
        .take_while(|(_, c)| glued(*c))
        .last()
        .map_or(at, |(i, _)| i);
    if start == 0 { at } else { start }
}

/// `s` on one line, broken into pieces of at most `max` columns (at a
/// space where there is one in the last third of a piece): a warning that
/// wraps instead of being cut.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let s = one_line(s);
    let mut out = Vec::new();
    let mut rest: &str = &s;
    while max > 0 && rest.width() > max {
        let piece = cut_plain(rest, max);
        let word_ends = rest[piece.len()..].starts_with(' ');
        let at = match piece.rfind(' ') {
            _ if word_ends => piece.len(),
            Some(i) if piece[..i].width() * 3 >= max * 2 => i + 1,
            Some(_) | None => piece.len(),
        };
        // A character wider than `max` still moves on.
        let at = if at == 0 {
            rest.chars().next().map_or(rest.len(), char::len_utf8)
        } else {
            off_number(rest, off_line_start(rest, at))
        };
        out.push(rest[..at].trim_end().to_owned());
        rest = rest[at..].trim_start();
    }
    if !rest.is_empty() || out.is_empty() {
        out.push(rest.to_owned());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_is_not_cut() {
        // From the width of the longest figure on.
        for max in 9..24 {
            let text = "参评率13.3%，满意率12.0%，超期件2024-0072未办结。";
            let lines = wrap(text, max);
            assert_eq!(lines.concat(), text, "{max}");
            for figure in ["13.3%", "12.0%", "2024-0072"] {
                assert!(lines.iter().any(|l| l.contains(figure)), "{max}: {lines:?}");
            }
        }
    }

    #[test]
    fn no_line_begins_with_closing_punctuation() {
        assert_eq!(wrap("一二三，四五", 6), ["一二", "三，四", "五"]);
        assert_eq!(wrap("一二三。」四", 6), ["一二", "三。」", "四"]);
        // From three characters a line: a line of one keeps its character.
        for max in 6..30 {
            let text = "信访人反映：小区电梯长期停运，物业不予维修、业主委员会亦未处理。";
            for line in wrap(text, max).iter().skip(1) {
                let first = line.chars().next();
                assert!(
                    !first.is_some_and(|c| NO_LINE_START.contains(&c)),
                    "{max}: {line}"
                );
            }
            assert_eq!(wrap(text, max).concat(), text);
        }
    }

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
    fn escape_sequences_go_whole_and_text_stays() {
        let cases = [
            ("标题\u{1b}]0;pwned\u{7}后", "标题后"),
            ("剪贴板\u{1b}]52;c;ZXZpbA==\u{1b}\\后", "剪贴板后"),
            ("清屏\u{1b}[2J\u{1b}[1;31m红\u{1b}[0m", "清屏红"),
            ("C1\u{9b}2J\u{9d}0;t\u{9c}后\u{85}", "C1后"),
            ("bare\u{1b}", "bare"),
            ("ESC c\u{1b}c!", "ESC c!"),
            ("NUL\0BEL\u{7}DEL\u{7f}CR\r.", "NULBELDELCR."),
            ("DCS\u{1b}Pq#0;2;0;0;0\u{1b}\\.", "DCS."),
            ("行一\n\t行二", "行一\n\t行二"),
            ("a,b\r\nc,d\r\n", "a,b\r\nc,d\r\n"),
            (
                "OSC without end\u{1b}]0;x\n下一行",
                "OSC without end\n下一行",
            ),
        ];
        for (raw, shown) in cases {
            assert_eq!(safe(raw), shown, "{raw:?}");
            assert!(
                !safe(raw)
                    .chars()
                    .any(|c| c.is_control() && !"\n\t\r".contains(c))
            );
        }
        assert_eq!(one_line("行一\r\n行二\u{1b}[2J"), "行一  行二");
    }

    #[test]
    fn json_keeps_its_value_and_a_writer_cleans_whole_lines() {
        let v = serde_json::json!({"s": "a\u{1b}]0;t\u{7}b\u{9b}2J\u{7f}"});
        let raw = serde_json::to_string(&v).unwrap();
        let shown = json_safe(&raw);
        assert!(!shown.chars().any(char::is_control), "{shown}");
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&shown).unwrap(),
            v
        );
        let mut out = Vec::new();
        {
            let mut t = Terminal::text(&mut out);
            use std::io::Write;
            // An escape cut across two writes.
            t.write_all(b"x\x1b").unwrap();
            t.write_all(b"[2Jy\nz\x07").unwrap();
        }
        assert_eq!(String::from_utf8(out).unwrap(), "xy\nz");
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
