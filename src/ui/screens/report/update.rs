//! The report screen's keys: scrolling, stepping through the periods,
//! writing the report out.

use super::LoadedReport;
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
        let r = LoadedReport::new(report, lang, policy);
        shown.making = false;
        let last = r.height().saturating_sub(page);
        shown.scroll = shown.scroll.min(last);
        shown.loaded = Some(Box::new(r));
        Vec::new()
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
            Action::NextKind => {
                let kinds = PeriodKind::PRESETS;
                let at = kinds.iter().position(|k| *k == r.period.kind).unwrap_or(0);
                let kind = kinds[(at + 1) % kinds.len()];
                // The new period holds the day the old one was read up to.
                let day = r.period.end.min(self.today);
                return self.show_period(Period::of(kind, day));
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
            _ => {}
        }
        Vec::new()
    }

    fn show_period(&mut self, period: Period) -> Vec<Cmd> {
        if let Some(r) = self.report_mut() {
            r.period = period;
            r.scroll = 0;
            r.making = true;
        }
        vec![Cmd::LoadReport(period)]
    }
}
