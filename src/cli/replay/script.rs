//! The key file of `xinfang replay`: one key a line in the keymap's
//! notation (`j`, `ctrl-s`, `shift-tab`, `pgdn`), `text: 王伟` to type,
//! `paste: …` to paste, `pause` for a pause in typing, `*N` to repeat.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::strings::{Lang, replay as text};
use crate::ui::keymap::Key;

/// What one step feeds the desk.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    Key(KeyEvent),
    Paste(String),
    /// Typing paused: the run loop writes the form's draft then.
    Pause,
}

/// One step, with the line of the key file it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub line: usize,
    /// The line as written (trimmed), to group timings by.
    pub source: String,
    /// How the report names it: the key's spelling, the character typed,
    /// or `paste`.
    pub label: String,
    pub input: Input,
}

/// Reads the key file's text; a mistake names the file, the line and what
/// is wrong.
pub fn parse(src: &str, file: &str, lang: Lang) -> Result<Vec<Step>, String> {
    let mut steps = Vec::new();
    for (i, raw) in src.lines().enumerate() {
        let line = i + 1;
        let fail = |msg: String| format!("{}{msg}", text::at(lang, file, line));
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let trimmed = raw.trim();
        // A lone `#` is the key; `# …` is a comment.
        if trimmed.is_empty() || (trimmed.starts_with('#') && trimmed != "#") {
            continue;
        }
        if let Some(rest) = directive(raw, "text") {
            if rest.is_empty() {
                return Err(fail(text::empty_text(lang, "text")));
            }
            for c in rest.chars() {
                steps.push(Step {
                    line,
                    source: trimmed.to_owned(),
                    label: c.to_string(),
                    input: Input::Key(KeyEvent::from(KeyCode::Char(c))),
                });
            }
            continue;
        }
        if let Some(rest) = directive(raw, "paste") {
            if rest.is_empty() {
                return Err(fail(text::empty_text(lang, "paste")));
            }
            // A pasted letter keeps its line breaks, written `\n`.
            steps.push(Step {
                line,
                source: trimmed.to_owned(),
                label: "paste".to_owned(),
                input: Input::Paste(rest.replace("\\n", "\n")),
            });
            continue;
        }
        if trimmed.eq_ignore_ascii_case("pause") {
            steps.push(Step {
                line,
                source: trimmed.to_owned(),
                label: "pause".to_owned(),
                input: Input::Pause,
            });
            continue;
        }
        let (spec, times) = match trimmed.rsplit_once(" *") {
            Some((spec, n)) => match n.trim().parse::<usize>() {
                Ok(n) if (1..=text::MAX_REPEAT).contains(&n) => (spec.trim(), n),
                _ => return Err(fail(text::bad_repeat(lang, n.trim()))),
            },
            None => (trimmed, 1),
        };
        let key =
            Key::parse(spec).map_err(|hint| fail(text::bad_key(lang, spec, hint.as_deref())))?;
        for _ in 0..times {
            steps.push(Step {
                line,
                source: trimmed.to_owned(),
                label: key.spec(),
                input: Input::Key(KeyEvent::new(key.code, key.modifiers)),
            });
        }
    }
    if steps.is_empty() {
        return Err(text::no_keys(lang, file));
    }
    Ok(steps)
}

/// The text after `name:` (one space after the colon dropped), if the
/// line is that directive.
fn directive<'a>(line: &'a str, name: &str) -> Option<&'a str> {
    let rest = line.trim_start().strip_prefix(name)?.strip_prefix(':')?;
    Some(rest.strip_prefix(' ').unwrap_or(rest))
}

/// `120x40` as (columns, rows).
pub fn size(spec: &str, lang: Lang) -> Result<(u16, u16), String> {
    let parsed = spec
        .trim()
        .split_once(['x', 'X', '×'])
        .and_then(|(w, h)| Some((w.trim().parse::<u16>().ok()?, h.trim().parse::<u16>().ok()?)))
        .filter(|&(w, h)| (1..=1000).contains(&w) && (1..=1000).contains(&h));
    parsed.ok_or_else(|| text::bad_size(lang, spec))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;

    fn keys(src: &str) -> Vec<String> {
        parse(src, "k.txt", Lang::En)
            .unwrap()
            .into_iter()
            .map(|s| s.label)
            .collect()
    }

    #[test]
    fn keys_text_paste_and_repeats() {
        let src =
            "# browse\n\nj\npgdn *3\nshift-tab\n#\ntext: 王伟\npaste: 第一行\\n第二行\npause\n";
        assert_eq!(
            keys(src),
            [
                "j",
                "pgdn",
                "pgdn",
                "pgdn",
                "shift-tab",
                "#",
                "王",
                "伟",
                "paste",
                "pause"
            ]
        );
        let steps = parse(src, "k.txt", Lang::En).unwrap();
        assert_eq!(steps[1].line, 4);
        assert_eq!(
            steps[4].input,
            Input::Key(KeyEvent::new(KeyCode::BackTab, KeyModifiers::NONE))
        );
        assert_eq!(steps[6].line, 7);
        assert_eq!(steps[8].input, Input::Paste("第一行\n第二行".into()));
        let ctrl = parse("ctrl-s", "k", Lang::En).unwrap();
        assert_eq!(
            ctrl[0].input,
            Input::Key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL))
        );
    }

    #[test]
    fn mistakes_name_the_line_and_the_fix() {
        let e = parse("j\nctl-s\n", "keys.txt", Lang::Zh).unwrap_err();
        assert_eq!(
            e,
            "keys.txt 第 2 行：无法识别的按键 \"ctl-s\"，应写作 ctrl-s"
        );
        let e = parse("j\n\nfoo\n", "k", Lang::En).unwrap_err();
        assert!(
            e.starts_with("k line 3: unrecognised key \"foo\"; write one key"),
            "{e}"
        );
        let e = parse("pgdn *0\n", "k", Lang::En).unwrap_err();
        assert!(e.contains("line 1") && e.contains("\"0\""), "{e}");
        let e = parse("text:\n", "k", Lang::Zh).unwrap_err();
        assert!(e.contains("第 1 行") && e.contains("text:"), "{e}");
        let e = parse("# nothing\n", "k", Lang::En).unwrap_err();
        assert!(e.contains("holds no keys"), "{e}");
    }

    #[test]
    fn sizes() {
        assert_eq!(size("120x40", Lang::En), Ok((120, 40)));
        assert_eq!(size("80×24", Lang::En), Ok((80, 24)));
        assert!(size("120", Lang::En).is_err());
        assert!(size("0x40", Lang::Zh).unwrap_err().contains("120x40"));
    }
}
