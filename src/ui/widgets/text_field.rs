//! A one-line text field that is correct for Chinese: the cursor moves and
//! deletes by grapheme, and its screen column is the display width of what
//! stands before it (so the input method's candidate window follows it).
//! A multi-line field keeps line breaks and wraps by display width.

use unicode_segmentation::UnicodeSegmentation;

use crate::display::width;

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
