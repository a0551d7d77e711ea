//! The case screen's 积案 part: why the case is 积案 and its file (the leader's mark, 包案领导,
//! 专班, the last 会商, the latest progress), as the 积案 screen shows its selected case, so
//! a leader who opens the case from the queue sees what the office is doing about it.

use ratatui::style::Stylize;
use ratatui::text::Line;

use super::CaseScreen;
use crate::strings::{Lang, backlog as words, backlog_screen as t};

pub(super) fn lines(lang: Lang, screen: &CaseScreen, lines: &mut Vec<Line<'static>>) {
    let Some((grounds, f)) = &screen.backlog else {
        return;
    };
    lines.push(Line::from(""));
    lines.push(Line::from(t::on_case(lang, &words::grounds(lang, grounds))).bold());
    let mut said = Vec::new();
    if let Some(m) = &f.marked {
        said.push(t::marked(lang, &m.by, &m.on.to_string(), &m.note));
    }
    // The 积案's own leader; the case's 包案领导 is on its assignment's line above.
    let case_leader = (screen.row.case.assignment.as_ref()).and_then(|a| a.owner_leader.as_ref());
    if let Some(name) = f.leader.as_ref().filter(|n| Some(*n) != case_leader) {
        said.push(t::leader(lang, name));
    }
    if !f.team.is_empty() {
        said.push(t::team(lang, &f.team.join("、")));
    }
    if let Some(m) = f.meetings.last() {
        let who = m.participants.join("、");
        let on = m.on.to_string();
        said.push(t::meeting(lang, &on, &who, &m.conclusion, f.meetings.len()));
    }
    if let Some(p) = f.progress.last() {
        let on = p.on.to_string();
        said.push(t::progress(lang, &on, &p.by, &p.note, f.progress.len()));
    }
    lines.extend(said.into_iter().map(|s| Line::from(format!("  {s}"))));
}
