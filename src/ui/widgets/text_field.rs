//! The one text field of the desk (forms, setup, the pick list's filter,
//! the queue's search line, the reply's basis), correct for Chinese: the
//! cursor moves and deletes by grapheme, and its screen column is the
//! display width of what stands before it (so the input method's candidate
//! window follows it). A multi-line field keeps line breaks and wraps by
//! display width. `TextField::key` is the one place that knows the editing
//! keys; a screen handles its own keys first and hands it the rest.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_segmentation::UnicodeSegmentation;

use crate::display::width;

/// What an editing key does to a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    /// Enter in a multi-line field.
    Newline,
    Backspace,
    Delete,
    Left,
    Right,
    /// Ctrl-← or Alt-b: to the start of this or the previous word.
    WordLeft,
    /// Ctrl-→ or Alt-f: to the end of this or the next word.
    WordRight,
    Home,
    End,
    /// Ctrl-U: the field's whole text.
    Clear,
}

impl Edit {
    /// The edit `key` stands for in a field, if it is an editing key.
    /// Ctrl with a letter is a command (Ctrl-S saves), except Ctrl-U;
    /// Ctrl+Alt is AltGr on Windows and still types a character.
    pub fn of(key: &KeyEvent, multiline: bool) -> Option<Edit> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        let word = ctrl || alt;
        Some(match key.code {
            KeyCode::Char('u') if ctrl && !alt => Edit::Clear,
            KeyCode::Char('b') if alt && !ctrl => Edit::WordLeft,
            KeyCode::Char('f') if alt && !ctrl => Edit::WordRight,
            KeyCode::Char(c) if !ctrl || alt => Edit::Insert(c),
            KeyCode::Enter if multiline && key.modifiers.is_empty() => Edit::Newline,
            KeyCode::Backspace => Edit::Backspace,
            KeyCode::Delete => Edit::Delete,
            KeyCode::Left if word => Edit::WordLeft,
            KeyCode::Right if word => Edit::WordRight,
            KeyCode::Left => Edit::Left,
            KeyCode::Right => Edit::Right,
            KeyCode::Home => Edit::Home,
            KeyCode::End => Edit::End,
            _ => return None,
        })
    }

    /// Whether the edit may change the text (else it moves the cursor).
    pub fn changes_text(self) -> bool {
        match self {
            Edit::Insert(_) | Edit::Newline | Edit::Backspace | Edit::Delete | Edit::Clear => true,
            Edit::Left
            | Edit::Right
            | Edit::WordLeft
            | Edit::WordRight
            | Edit::Home
            | Edit::End => false,
        }
    }
}

/// A word is a run of letters, digits (Chinese characters count as
/// letters) and `_`; spaces and punctuation (，。 too) separate words.
fn is_word(grapheme: &str) -> bool {
    grapheme
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '_')
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextField {
    value: String,
    /// Cursor position as a byte offset on a grapheme boundary.
    cursor: usize,
    multiline: bool,
}

impl TextField {
    pub fn new(value: &str) -> TextField {
        TextField {
            value: value.to_owned(),
            cursor: value.len(),
            multiline: false,
        }
    }

    /// A field for a summary or a letter: line breaks are kept.
    pub fn multiline(value: &str) -> TextField {
        TextField {
            multiline: true,
            ..TextField::new(value)
        }
    }

    pub fn is_multiline(&self) -> bool {
        self.multiline
    }

    pub fn value(&self) -> &str {
        &self.value
    }

    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }

    /// Inserts typed or pasted text at the cursor as one edit; line breaks
    /// of a pasted address become spaces in a one-line field.
    pub fn insert(&mut self, text: &str) {
        let mut text = text.replace("\r\n", "\n").replace('\r', "\n");
        // A pasted letter keeps its paragraphs but not runs of blank lines
        // (terminals turn a Windows CRLF into two breaks).
        while text.contains("\n\n\n") {
            text = text.replace("\n\n\n", "\n\n");
        }
        let multiline = self.multiline;
        let clean: String = text
            .chars()
            .map(|c| match c {
                '\n' if multiline => '\n',
                '\n' | '\t' => ' ',
                c => c,
            })
            .filter(|c| *c == '\n' || !c.is_control())
            .collect();
        self.value.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
    }

    fn prev_boundary(&self) -> Option<usize> {
        self.value[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map(|(i, _)| i)
    }

    fn next_boundary(&self) -> Option<usize> {
        self.value[self.cursor..]
            .graphemes(true)
            .next()
            .map(|g| self.cursor + g.len())
    }

    pub fn backspace(&mut self) {
        if let Some(i) = self.prev_boundary() {
            self.value.replace_range(i..self.cursor, "");
            self.cursor = i;
        }
    }

    pub fn delete(&mut self) {
        if let Some(j) = self.next_boundary() {
            self.value.replace_range(self.cursor..j, "");
        }
    }

    pub fn left(&mut self) {
        if let Some(i) = self.prev_boundary() {
            self.cursor = i;
        }
    }

    pub fn right(&mut self) {
        if let Some(j) = self.next_boundary() {
            self.cursor = j;
        }
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.value.len();
    }

    pub fn clear(&mut self) {
        self.value.clear();
        self.cursor = 0;
    }

    /// To the start of the word at or before the cursor.
    pub fn word_left(&mut self) {
        let before: Vec<(usize, &str)> = self.value[..self.cursor].grapheme_indices(true).collect();
        let mut at = before.len();
        while at > 0 && !is_word(before[at - 1].1) {
            at -= 1;
        }
        while at > 0 && is_word(before[at - 1].1) {
            at -= 1;
        }
        self.cursor = before.get(at).map_or(0, |(i, _)| *i);
    }

    /// To the end of the word at or after the cursor.
    pub fn word_right(&mut self) {
        let mut gs = self.value[self.cursor..].graphemes(true).peekable();
        let mut at = self.cursor;
        while let Some(g) = gs.next_if(|g| !is_word(g)) {
            at += g.len();
        }
        while let Some(g) = gs.next_if(|g| is_word(g)) {
            at += g.len();
        }
        self.cursor = at;
    }

    /// Does `edit`.
    pub fn apply(&mut self, edit: Edit) {
        match edit {
            Edit::Insert(c) => self.insert(c.encode_utf8(&mut [0; 4])),
            Edit::Newline => self.insert("\n"),
            Edit::Backspace => self.backspace(),
            Edit::Delete => self.delete(),
            Edit::Left => self.left(),
            Edit::Right => self.right(),
            Edit::WordLeft => self.word_left(),
            Edit::WordRight => self.word_right(),
            Edit::Home => self.home(),
            Edit::End => self.end(),
            Edit::Clear => self.clear(),
        }
    }

    /// `key` on a value filled in for the user (`filled`: today's date, 30 days): text typed
    /// replaces it rather than adding to it, as the forms do.
    pub fn key_over(&mut self, key: &KeyEvent, filled: bool) -> Option<Edit> {
        if filled && matches!(Edit::of(key, self.is_multiline()), Some(Edit::Insert(_))) {
            self.clear();
        }
        self.key(key)
    }

    /// Handles an editing key: the edit done, or None when `key` is not an
    /// editing key (the caller's to handle).
    pub fn key(&mut self, key: &KeyEvent) -> Option<Edit> {
        let edit = Edit::of(key, self.multiline)?;
        self.apply(edit);
        Some(edit)
    }

    /// The text wrapped to `cols` columns (by grapheme and display width,
    /// at line breaks too), and the cursor's (line, column) in it.
    pub fn wrapped(&self, cols: usize) -> (Vec<String>, (usize, usize)) {
        let cols = cols.max(2);
        let mut lines = vec![String::new()];
        let mut col = 0;
        let mut cursor = (0, 0);
        for (i, g) in self.value.grapheme_indices(true) {
            if i == self.cursor {
                cursor = (lines.len() - 1, col);
            }
            if g == "\n" {
                lines.push(String::new());
                col = 0;
                continue;
            }
            let w = width(g);
            if col + w > cols {
                lines.push(String::new());
                col = 0;
                if i == self.cursor {
                    cursor = (lines.len() - 1, 0);
                }
            }
            if let Some(last) = lines.last_mut() {
                last.push_str(g);
            }
            col += w;
        }
        if self.cursor >= self.value.len() {
            // The cursor after a full line wraps to the start of the next.
            if col >= cols {
                lines.push(String::new());
                col = 0;
            }
            cursor = (lines.len() - 1, col);
        }
        (lines, cursor)
    }

    /// Display column of the cursor from the start of the text.
    pub fn cursor_column(&self) -> usize {
        width(&self.value[..self.cursor])
    }

    /// What fits in `cols` columns with the cursor visible, and the cursor's
    /// column within it (horizontal scrolling for long input).
    pub fn visible(&self, cols: usize) -> (String, usize) {
        let cursor_col = self.cursor_column();
        if width(&self.value) < cols || cursor_col < cols {
            let shown = crate::display::cut_plain(&self.value, cols);
            return (shown, cursor_col);
        }
        // Scroll so that the cursor sits at the right edge.
        let mut start = 0;
        for (i, _) in self.value.grapheme_indices(true) {
            if width(&self.value[i..self.cursor]) < cols {
                start = i;
                break;
            }
        }
        let shown = crate::display::cut_plain(&self.value[start..], cols);
        (shown, width(&self.value[start..self.cursor]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(f: &mut TextField, code: KeyCode, mods: KeyModifiers) -> Option<Edit> {
        f.key(&KeyEvent::new(code, mods))
    }

    fn typed(f: &mut TextField, text: &str) {
        for c in text.chars() {
            press(f, KeyCode::Char(c), KeyModifiers::NONE);
        }
    }

    #[test]
    fn keys_type_and_move_by_display_column() {
        let none = KeyModifiers::NONE;
        let mut f = TextField::default();
        typed(&mut f, "张三");
        assert_eq!((f.value(), f.cursor_column()), ("张三", 4));
        press(&mut f, KeyCode::Left, none);
        assert_eq!(f.cursor_column(), 2);
        typed(&mut f, "小");
        assert_eq!(f.value(), "张小三");
        press(&mut f, KeyCode::Home, none);
        assert_eq!(f.cursor_column(), 0);
        press(&mut f, KeyCode::Delete, none);
        assert_eq!(f.value(), "小三");
        press(&mut f, KeyCode::End, none);
        assert_eq!(f.cursor_column(), 4);
        assert_eq!(
            press(&mut f, KeyCode::Backspace, none),
            Some(Edit::Backspace)
        );
        press(&mut f, KeyCode::Right, none);
        assert_eq!((f.value(), f.cursor_column()), ("小", 2));
        // AltGr (Ctrl+Alt on Windows) still types.
        press(
            &mut f,
            KeyCode::Char('@'),
            KeyModifiers::CONTROL | KeyModifiers::ALT,
        );
        assert_eq!(f.value(), "小@");
    }

    #[test]
    fn ctrl_u_clears_and_commands_are_left_alone() {
        let mut f = TextField::new("北京市朝阳区");
        f.left();
        let ctrl = KeyModifiers::CONTROL;
        // Ctrl-S saves, Ctrl-A attaches, Ctrl-N adds a row, Tab moves on:
        // not the field's keys.
        for code in ['s', 'a', 'n', 'd', 'p', 'l'].map(KeyCode::Char) {
            assert_eq!(press(&mut f, code, ctrl), None);
        }
        assert_eq!(press(&mut f, KeyCode::Tab, KeyModifiers::NONE), None);
        assert_eq!(press(&mut f, KeyCode::Enter, KeyModifiers::NONE), None);
        assert_eq!(f.value(), "北京市朝阳区");
        let edit = press(&mut f, KeyCode::Char('u'), ctrl);
        assert_eq!(edit, Some(Edit::Clear));
        assert!(edit.is_some_and(Edit::changes_text));
        assert_eq!((f.value(), f.cursor_column()), ("", 0));
    }

    #[test]
    fn word_moves_stop_at_spaces_and_chinese_punctuation() {
        let mut f = TextField::new("幸福里 3号楼，二单元");
        let (ctrl, alt) = (KeyModifiers::CONTROL, KeyModifiers::ALT);
        let edit = press(&mut f, KeyCode::Left, ctrl);
        assert_eq!(edit, Some(Edit::WordLeft));
        assert!(edit.is_some_and(|e| !e.changes_text()));
        assert_eq!(&f.value()[f.cursor..], "二单元");
        press(&mut f, KeyCode::Char('b'), alt);
        assert_eq!(&f.value()[f.cursor..], "3号楼，二单元");
        press(&mut f, KeyCode::Left, alt);
        assert_eq!(f.cursor_column(), 0);
        press(&mut f, KeyCode::Left, ctrl);
        assert_eq!(f.cursor_column(), 0);
        press(&mut f, KeyCode::Right, ctrl);
        assert_eq!(&f.value()[..f.cursor], "幸福里");
        press(&mut f, KeyCode::Char('f'), alt);
        assert_eq!(&f.value()[..f.cursor], "幸福里 3号楼");
        assert_eq!(f.cursor_column(), width("幸福里 3号楼"));
        press(&mut f, KeyCode::Right, ctrl);
        press(&mut f, KeyCode::Right, ctrl);
        assert_eq!(f.cursor, f.value().len());
        assert_eq!(f.value(), "幸福里 3号楼，二单元");
    }

    #[test]
    fn enter_breaks_the_line_only_in_a_multiline_field() {
        let mut f = TextField::multiline("");
        typed(&mut f, "尊敬的领导");
        assert_eq!(
            press(&mut f, KeyCode::Enter, KeyModifiers::NONE),
            Some(Edit::Newline)
        );
        typed(&mut f, "我");
        assert_eq!(f.value(), "尊敬的领导\n我");
        assert_eq!(f.wrapped(20).1, (1, 2));
        // A paste is one edit, its line breaks kept.
        f.insert("是\n居民");
        assert_eq!(f.value(), "尊敬的领导\n我是\n居民");
        assert_eq!(press(&mut f, KeyCode::Enter, KeyModifiers::SHIFT), None);
    }

    #[test]
    fn edits_by_grapheme_and_measures_by_column() {
        let mut f = TextField::default();
        f.insert("张三");
        assert_eq!(f.cursor_column(), 4);
        f.left();
        assert_eq!(f.cursor_column(), 2);
        f.insert("小");
        assert_eq!(f.value(), "张小三");
        f.backspace();
        f.backspace();
        assert_eq!(f.value(), "三");
        assert_eq!(f.cursor_column(), 0);
        f.end();
        f.insert("e\u{301}"); // e + combining acute: one grapheme
        f.backspace();
        assert_eq!(f.value(), "三");
        f.home();
        f.delete();
        assert!(f.is_empty());
    }

    #[test]
    fn paste_is_one_line() {
        let mut f = TextField::default();
        f.insert("北京市朝阳区\n幸福里3号\t楼");
        assert_eq!(f.value(), "北京市朝阳区 幸福里3号 楼");
    }

    #[test]
    fn multiline_keeps_breaks_and_wraps_by_width() {
        let mut f = TextField::multiline("");
        f.insert("一二三四五\r\n六");
        assert_eq!(f.value(), "一二三四五\n六");
        let (lines, cursor) = f.wrapped(6);
        assert_eq!(lines, ["一二三", "四五", "六"]);
        assert_eq!(cursor, (2, 2));
        f.home();
        assert_eq!(f.wrapped(6).1, (0, 0));
        f.end();
        f.backspace();
        f.backspace();
        assert_eq!(f.value(), "一二三四五");
        // A full last line puts the cursor at the start of the next.
        let mut pasted = TextField::multiline("");
        pasted.insert("尊敬的领导：\r\r我是居民\r\n\r\n\r\n小区");
        assert_eq!(pasted.value(), "尊敬的领导：\n\n我是居民\n\n小区");
        let (lines, cursor) = TextField::multiline("一二三").wrapped(6);
        assert_eq!((lines.len(), cursor), (2, (1, 0)));
    }

    #[test]
    fn long_text_scrolls_to_keep_the_cursor_visible() {
        let f = TextField::new("北京市朝阳区幸福里小区三号楼二单元");
        let (shown, col) = f.visible(10);
        assert!(width(&shown) <= 10);
        assert!(col <= 10);
        assert!(shown.ends_with("单元"), "{shown}");
    }
}
