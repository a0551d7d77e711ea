//! The recovery key, shown once when the desk creates a ledger: written down
//! and put in the office safe. Leaving needs a deliberate act — the key's last
//! group typed back, then Enter — so that nobody passes it with a stray key.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Color, Stylize};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use zeroize::Zeroizing;

use crate::strings::Lang;
use crate::strings::signin_screen::recovery as words;
use crate::ui::widgets::text_field::TextField;

#[derive(Debug, Clone)]
pub struct RecoveryNotice {
    key: Zeroizing<String>,
    pub typed: TextField,
    pub wrong: bool,
}

impl RecoveryNotice {
    pub fn new(key: Zeroizing<String>) -> RecoveryNotice {
        RecoveryNotice {
            key,
            typed: TextField::default(),
            wrong: false,
        }
    }

    /// The key's last group, typed back to leave.
    fn last_group(&self) -> &str {
        self.key.rsplit('-').next().unwrap_or_default()
    }

    /// True when the operator may leave (the last group typed back, Enter).
    pub fn key(&mut self, key: KeyEvent) -> bool {
        if key.kind != KeyEventKind::Press {
            return false;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            // Even Ctrl-C does not pass it: the ledger exists now, and without
            // this key a lost passphrase loses the ledger.
            KeyCode::Char('c') if ctrl => false,
            KeyCode::Enter => {
                let ok = self
                    .typed
                    .value()
                    .trim()
                    .eq_ignore_ascii_case(self.last_group());
                self.wrong = !ok;
                self.typed.clear();
                ok
            }
            _ => {
                self.typed.key(&key);
                false
            }
        }
    }

    pub fn draw(&self, lang: Lang, frame: &mut Frame, area: Rect) {
        let w = words(lang);
        crate::ui::view::parts::clear(frame, area);
        let mut lines = vec![
            Line::from(w.intro).bold(),
            Line::default(),
            Line::from(format!("    {}", self.key.as_str()))
                .bold()
                .fg(Color::Yellow),
            Line::default(),
        ];
        lines.extend(w.body.iter().map(|l| Line::from(*l)));
        lines.push(Line::default());
        lines.push(Line::from(format!("{}{}", w.confirm, self.typed.value())));
        if self.wrong {
            lines.push(Line::from(w.wrong).fg(Color::Red));
        }
        let block = Block::default()
            .borders(Borders::ALL)
            .title(format!(" {} ", w.title));
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .wrap(Wrap { trim: false }),
            area,
        );
    }
}
