//! A one-line text field that is correct for Chinese: the cursor moves and
//! deletes by grapheme, and its screen column is the display width of what
//! stands before it (so the input method's candidate window follows it).

use unicode_segmentation::UnicodeSegmentation;

use crate::display::width;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextField {
    value: String,
    /// Cursor position as a byte offset on a grapheme boundary.
    cursor: usize,
}

impl TextField {
    pub fn new(value: &str) -> TextField {
        TextField {
            value: value.to_owned(),
            cursor: value.len(),
        }
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
        let clean: String = text
            .chars()
            .map(|c| {
                if c == '\n' || c == '\r' || c == '\t' {
                    ' '
                } else {
                    c
                }
            })
            .filter(|c| !c.is_control())
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
    fn long_text_scrolls_to_keep_the_cursor_visible() {
        let f = TextField::new("北京市朝阳区幸福里小区三号楼二单元");
        let (shown, col) = f.visible(10);
        assert!(width(&shown) <= 10);
        assert!(col <= 10);
        assert!(shown.ends_with("单元"), "{shown}");
    }
}
