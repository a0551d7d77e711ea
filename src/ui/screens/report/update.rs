//! The report screen's keys: scrolling, stepping through the periods,
//! writing the report out.

use super::{ListPage, LoadedReport};
use crate::domain::policy::Policy;
use crate::domain::stats::{Period, PeriodKind, Report, YEARS};
use crate::strings::report_screen as say;
use crate::ui::app::{App, Cmd, Kept, Screen};
use crate::ui::keymap::Action;

impl App {
    /// A report loaded; one for a period no longer asked for (keys pressed
    /// while it was made) is dropped.
    pub(crate) fn on_report(&mut self, report: Report, policy: &Policy) -> Vec<Cmd> {
        let (lang, page) = (self.lang, self.page_size.max(1));
        let Some(shown) = self.report_mut() else {
            return Vec::new();
        };
        if report.period != shown.period {
            return Vec::new();
        }
        // Every label and cell worked out once, here: drawing only lays them out.
        let mut r = LoadedReport::new(report, lang, policy);
        r.mark(lang, shown.supervised_list);
        shown.making = false;
        let last = r.height().saturating_sub(page);
        shown.scroll = shown.scroll.min(last);
        shown.loaded = Some(Box::new(r));
        Vec::new()
    }

    /// A page of a list loaded: it takes the place of the one shown (one for a period no
    /// longer shown is dropped).
    pub(crate) fn on_report_list(&mut self, got: ListPage) -> Vec<Cmd> {
        let (lang, height) = (self.lang, self.page_size.max(1));
        let Some(shown) = self.report_mut() else {
            return Vec::new();
        };
        let chosen = shown.supervised_list;
        let Some(loaded) = shown.loaded.as_mut().filter(|_| got.period == shown.period) else {
            return Vec::new();
        };
        if let Some(block) = loaded.list_block(got.supervised) {
            block.items = got.rows;
            block.total = got.total;
            block.page = got.page;
            block.note(lang, got.supervised == chosen);
        }
        let last = loaded.height().saturating_sub(height);
        shown.scroll = shown.scroll.min(last);
        Vec::new()
    }

    /// `<` `>` and `l`: the page of the list chosen, or the other list chosen.
    fn report_list_key(&mut self, action: Action) -> Vec<Cmd> {
        let lang = self.lang;
        let Screen::Report(r) = &mut self.screen else {
            return Vec::new();
        };
        let supervised = r.supervised_list;
        let period = r.period;
        let Some(loaded) = r.loaded.as_mut() else {
            return Vec::new();
        };
        if action == Action::ListSwitch {
            r.supervised_list = !supervised;
            loaded.mark(lang, !supervised);
            let chosen = loaded.list_block(!supervised).map(|b| (b.total, b.pages()));
            if let Some((total, pages)) = chosen {
                self.message = Some(say::list_chosen(lang, !supervised, total, pages));
            }
            return Vec::new();
        }
        let Some(block) = loaded.list_block(supervised) else {
            return Vec::new();
        };
        let page = match action {
            Action::ListNext if block.page + 1 < block.pages() => block.page + 1,
            Action::ListPrev if block.page > 0 => block.page - 1,
            _ => return Vec::new(),
        };
        vec![Cmd::LoadReportList {
            period,
            supervised,
            page,
        }]
    }

    /// y (月报): the report screen, on the period last shown (this month's at first).
    pub(crate) fn open_report(&mut self) -> Vec<Cmd> {
        self.bring(Kept::Report);
        let Some(r) = self.report_mut() else {
            return Vec::new();
        };
        r.making = true;
        vec![Cmd::LoadReport(r.period)]
    }

    pub(crate) fn report_key(&mut self, action: Action) -> Vec<Cmd> {
        let page = self.page_size.max(1);
        let Screen::Report(r) = &mut self.screen else {
            return Vec::new();
        };
        let last = r
            .loaded
            .as_ref()
            .map_or(0, |l| l.height().saturating_sub(page));
        match action {
            Action::Down => r.scroll = (r.scroll + 1).min(last),
            Action::Up => r.scroll = r.scroll.saturating_sub(1),
            Action::PageDown => r.scroll = (r.scroll + page).min(last),
            Action::PageUp => r.scroll = r.scroll.saturating_sub(page),
            Action::First => r.scroll = 0,
            Action::Last => r.scroll = last,
            Action::NextKind | Action::PrevKind => {
                let kinds = PeriodKind::PRESETS;
                let at = kinds.iter().position(|k| *k == r.period.kind).unwrap_or(0);
                // Shift-Tab steps back round the same ring.
                let step = if action == Action::NextKind {
                    1
                } else {
                    kinds.len() - 1
                };
                let kind = kinds[(at + step) % kinds.len()];
                // The new period holds the day the first of these kinds was read up to.
                let day = r.anchor.unwrap_or(r.period.end.min(self.today));
                let cmds = self.show_period(Period::of(kind, day));
                if let Some(r) = self.report_mut() {
                    r.anchor = Some(day);
                }
                return cmds;
            }
            Action::PrevPeriod => {
                let before = r.period.previous();
                if !YEARS.contains(&chrono::Datelike::year(&before.start)) {
                    self.message = Some(say::no_earlier(self.lang).to_owned());
                    return Vec::new();
                }
                return self.show_period(before);
            }
            Action::NextPeriod => {
                let after = r.period.next();
                if after.start > self.today {
                    self.message = Some(say::no_next(self.lang, &after));
                    return Vec::new();
                }
                return self.show_period(after);
            }
            Action::Export if r.loaded.is_some() => return vec![Cmd::WriteReport],
            Action::Presets => return vec![Cmd::WritePresets(r.period)],
            Action::Refresh => {
                r.making = true;
                return vec![Cmd::LoadReport(r.period)];
            }
            Action::Charts => {
                self.show(Screen::Charts(Box::default()));
                return vec![Cmd::LoadCharts];
            }
            Action::Back => return self.go_home(),
            Action::ListNext | Action::ListPrev | Action::ListSwitch => {
                return self.report_list_key(action);
            }
            _ => {}
        }
        Vec::new()
    }

    fn show_period(&mut self, period: Period) -> Vec<Cmd> {
        if let Some(r) = self.report_mut() {
            r.period = period;
            r.scroll = 0;
            r.making = true;
            r.anchor = None;
        }
        vec![Cmd::LoadReport(period)]
    }
}
