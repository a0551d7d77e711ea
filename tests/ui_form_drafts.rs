//! Around the forms: a draft kept over a crash and offered at the next
//! start, Ctrl-C from a form, and the queue the intakes land in.

mod common;

use common::desk::Desk;
use common::fixture::*;
use ratatui::crossterm::event::KeyCode;
use xinfang::domain::types::Channel;
use xinfang::strings::form::FieldKey;
use xinfang::ui::app::Screen;
use xinfang::ui::runtime;

#[test]
fn a_draft_survives_a_crash_and_is_offered_at_the_next_start() {
    let mut d = Desk::new("李娜", 1);
    d.chars("n1");
    d.chars("郭九");
    d.ctrl('n');
    d.chars("郭十");
    d.fill_summary("反映噪音\n夜间施工");
    // The run loop writes the draft when typing pauses.
    runtime::save_draft(&mut d.store, &mut d.app);
    assert!(!d.app.draft_due());
    // The desk dies; a new one starts on the same ledger.
    let app = d.restart("李娜");
    assert!(app.offered().is_some(), "the draft is offered");
    // Another operator is not offered it.
    assert!(d.restart("赵局长").offered().is_none());
    d.app = app;
    d.key(KeyCode::Enter);
    let f = d.form();
    assert_eq!(f.rows(), 2);
    assert_eq!(f.in_row(1, FieldKey::Name).unwrap().input.value(), "郭十");
    assert_eq!(
        f.text(FieldKey::Summary).as_deref(),
        Some("反映噪音\n夜间施工")
    );
    // Saving the restored form drops the draft.
    d.ctrl('s');
    d.case_id();
    assert!(d.store.drafts("李娜").unwrap().is_empty());
}

#[test]
fn a_dropped_draft_is_gone() {
    let mut d = Desk::new("李娜", 1);
    d.chars("n2");
    d.chars("匿名者");
    runtime::save_draft(&mut d.store, &mut d.app);
    d.app = d.restart("李娜");
    d.key(KeyCode::Esc);
    assert!(d.app.offered().is_none());
    assert!(matches!(d.app.screen, Screen::Queue(_)));
    assert!(d.store.drafts("李娜").unwrap().is_empty());
}

#[test]
fn ctrl_c_quits_from_a_form_and_n_keeps_an_offered_draft() {
    let mut d = Desk::new("李娜", 1);
    d.chars("n1");
    d.chars("郭九");
    d.ctrl('c');
    assert!(d.app.quit, "Ctrl-C quits from a form");
    runtime::save_draft(&mut d.store, &mut d.app);
    d.app = d.restart("李娜");
    // `n` is the next intake's key, not "no": the draft stays offered.
    d.key(KeyCode::Char('n'));
    assert!(d.app.offered().is_some());
    assert_eq!(d.store.drafts("李娜").unwrap().len(), 1);
}

#[test]
fn the_queue_filters_by_channel_mine_and_sorts() {
    let mut d = Desk::new("李娜", 1);
    // A letter taken in by the leader, a visit by the clerk.
    d.app.operator = Some(Office0::new().who("赵局长"));
    d.chars("n2");
    d.chars("甲");
    d.fill_summary("来信一件");
    d.ctrl('s');
    d.key(KeyCode::Esc);
    d.app.operator = Some(Office0::new().who("李娜"));
    let channels = |d: &Desk| -> Vec<Channel> {
        d.app
            .queue()
            .rows
            .iter()
            .map(|r| r.case.intake.channel)
            .collect()
    };
    assert_eq!(d.app.queue().rows.len(), 2);
    d.key(KeyCode::Char('c'));
    assert_eq!(d.app.queue().view.channel, Some(Channel::Visit));
    assert_eq!(channels(&d), [Channel::Visit]);
    d.key(KeyCode::Char('c'));
    assert_eq!(channels(&d), [Channel::Letter]);
    for _ in 0..5 {
        d.key(KeyCode::Char('c'));
    }
    assert_eq!(
        d.app.queue().view.channel,
        None,
        "the cycle ends at all channels"
    );
    // Mine, for a clerk: what they took in.
    d.key(KeyCode::Char('m'));
    assert_eq!(channels(&d), [Channel::Visit]);
    d.key(KeyCode::Char('m'));
    // Oldest first.
    let newest = d.app.queue().rows[0].case.id;
    d.key(KeyCode::Char('o'));
    assert_ne!(d.app.queue().rows[0].case.id, newest);
    // By due date: soonest first.
    d.key(KeyCode::Char('o'));
    assert_eq!(d.app.queue().view.sort, xinfang::store::Sort::Due);
    assert_eq!(d.app.queue().rows.len(), 2);
    // The header's "due soon" counts the clocks due within the policy's
    // horizon: none today, both a few days before they run out.
    assert_eq!(d.app.counts.due_soon, 0);
    let due = d.app.queue().rows[1].clocks[0].due;
    d.app.today = due - chrono::Duration::days(1);
    d.key(KeyCode::Char('r'));
    assert_eq!(d.app.counts.due_soon, 2);
}

#[test]
fn a_summary_on_several_lines_draws_in_the_queue() {
    let mut d = Desk::new("李娜", 1);
    d.chars("n1");
    d.chars("测试二");
    d.fill_summary("尊敬的领导：我是某某小区居民，\n\n\n\n小区电梯");
    d.ctrl('s');
    d.key(KeyCode::Esc);
    assert!(matches!(d.app.screen, Screen::Queue(_)));
    for (w, h) in [(120, 40), (100, 24), (80, 24)] {
        let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
        term.draw(|f| xinfang::ui::view::draw(&d.app, f)).unwrap();
        let shown = term.backend().to_string();
        assert!(shown.contains("尊敬的领导"), "{shown}");
    }
}
