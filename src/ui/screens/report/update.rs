//! The report screen's keys: scrolling, stepping through the periods,
//! writing the report out.

use super::LoadedReport;
use crate::domain::policy::Policy;
use crate::domain::stats::{Period, PeriodKind, Report, YEARS};
use crate::strings::report_screen as say;
use crate::ui::app::{App, Cmd, Screen};
use crate::ui::keymap::Action;

impl App {
    /// A report loaded; one for a period no longer asked for (keys pressed
    /// while it was made) is dropped.
    pub(crate) fn on_report(&mut self, report: Report, policy: &Policy) -> Vec<Cmd> {
        if report.period != self.report.period {
            return Vec::new();
        }
        // Every label and cell worked out once, here: drawing only lays them out.
        let r = LoadedReport::new(report, self.lang, policy);
        self.report.making = false;
        let last = r.height().saturating_sub(self.page_size.max(1));
        self.report.scroll = self.report.scroll.min(last);
        self.report.loaded = Some(Box::new(r));
        Vec::new()
    }

    /// y (月报): the report screen, on the period last shown (this month's at first).
    pub(crate) fn open_report(&mut self) -> Vec<Cmd> {
        self.screen = Screen::Report;
        self.report.making = true;
        vec![Cmd::LoadReport(self.report.period)]
    }

    pub(crate) fn report_key(&mut self, action: Action) -> Vec<Cmd> {
        let r = &mut self.report;
        let page = self.page_size.max(1);
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
            Action::Refresh => {
                r.making = true;
                return vec![Cmd::LoadReport(r.period)];
            }
            Action::Charts => {
                self.screen = Screen::Charts(Box::default());
                return vec![Cmd::LoadCharts];
            }
            Action::Back => return self.go_home(),
            _ => {}
        }
        Vec::new()
    }

    fn show_period(&mut self, period: Period) -> Vec<Cmd> {
        self.report.period = period;
        self.report.scroll = 0;
        self.report.making = true;
        vec![Cmd::LoadReport(period)]
    }
}
