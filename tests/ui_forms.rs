//! The desk's forms, fed key by key as the clerk types them: each channel's
//! intake, petitioner rows, the repeat panel (link and 重复件), and a case
//! walked from intake to archive through the case screen's action forms.

mod support;

use chrono::{DateTime, FixedOffset};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use support::fixture::*;
use xinfang::domain::command::Command;
use xinfang::domain::types::{Channel, State};
use xinfang::store::{CaseRef, Request, Store};
use xinfang::strings::Lang;
use xinfang::ui::app::{App, Msg, Screen};
use xinfang::ui::form::Form;
use xinfang::ui::runtime;

struct Desk {
    _dir: tempfile::TempDir,
    store: Store,
    app: App,
}

impl Desk {
    /// A ledger with the small office and one earlier case (张三's), and a
    /// desk opened on it as `who`, `days` after T0.
    fn new(who: &str, days: i64) -> Desk {
        let o = Office0::new();
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("l.db"), o.office.clone()).unwrap();
        for op in &o.operators {
            store.put_operator(op).unwrap();
        }
        for d in &o.departments {
            store.put_department(d, true).unwrap();
        }
        store
            .execute(&Request {
                case: None,
                expected_version: None,
                command: Command::Intake(Box::new(intake_input())),
                actor: "李娜".into(),
                at: t(0),
            })
            .unwrap();
        let now = t(days);
        let mut app = App::new(
            Lang::Zh,
            Some(o.who(who)),
            "某区信访局".into(),
            now.date_naive(),
        );
        app.clock = xinfang::clock::Clock::fixed(now);
        runtime::dispatch(&mut store, &mut app, Msg::Resize { rows: 30 });
        for cmd in app.start() {
            let msg = runtime::execute(&mut store, &app, &cmd);
            runtime::dispatch(&mut store, &mut app, msg);
        }
        Desk {
            _dir: dir,
            store,
            app,
        }
    }

    fn at(&mut self, now: DateTime<FixedOffset>) {
        self.app.clock = xinfang::clock::Clock::fixed(now);
        self.app.today = now.date_naive();
    }

    fn send(&mut self, msg: Msg) {
        runtime::dispatch(&mut self.store, &mut self.app, msg);
    }

    fn key(&mut self, code: KeyCode) {
        self.send(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }

    fn ctrl(&mut self, c: char) {
        self.send(Msg::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::CONTROL,
        )));
    }

    fn chars(&mut self, text: &str) {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    fn form(&self) -> &Form {
        match &self.app.screen {
            Screen::Form(f) => f,
            _ => panic!("no form open; message: {:?}", self.app.message),
        }
    }

    /// Tab to field `key` (of petitioner row `row`, if given).
    fn to(&mut self, key: &str, row: Option<usize>) {
        for _ in 0..80 {
            let f = &self.form().fields[self.form().focus];
            if f.key == key && (row.is_none() || f.row == row) {
                return;
            }
            self.key(KeyCode::Tab);
        }
        panic!("no field {key}");
    }

    /// The category (城乡建设, typed to filter) and the summary.
    fn fill_summary(&mut self, text: &str) {
        self.to("category", None);
        self.chars("城");
        self.fill("summary", text);
    }

    fn fill(&mut self, key: &str, text: &str) {
        self.to(key, None);
        self.send(Msg::Paste(text.into()));
    }

    /// Gives `command` on case 1 as `actor`, as another desk would.
    fn step(&mut self, command: Command, actor: &str) {
        self.store
            .execute(&Request {
                case: Some(CaseRef::Id(1)),
                expected_version: None,
                command,
                actor: actor.into(),
                at: t(1),
            })
            .unwrap();
    }

    /// A new desk on the same ledger as `who`, as after a crash.
    fn restart(&self, who: &str) -> App {
        let mut app = App::new(
            Lang::Zh,
            Some(Office0::new().who(who)),
            "某区信访局".into(),
            self.app.today,
        );
        app.clock = self.app.clock;
        let mut store = Store::open(self.store.path(), Office0::new().office).unwrap();
        for cmd in app.start() {
            let msg = runtime::execute(&mut store, &app, &cmd);
            runtime::dispatch(&mut store, &mut app, msg);
        }
        app
    }

    fn case_id(&self) -> i64 {
        match &self.app.screen {
            Screen::Case(c) => c.row.case.id,
            _ => panic!("no case open; message: {:?}", self.app.message),
        }
    }

    fn state(&self) -> State {
        match &self.app.screen {
            Screen::Case(c) => c.row.case.state,
            _ => panic!("no case open; message: {:?}", self.app.message),
        }
    }
}

#[test]
fn an_anonymous_letter_with_its_postmark() {
    let mut d = Desk::new("李娜", 10);
    d.chars("n2");
    assert!(matches!(
        d.form().purpose,
        xinfang::ui::form::Purpose::Intake(Channel::Letter)
    ));
    // Unsigned: no name, but "anonymous" ticked.
    d.fill("received", "");
    for _ in 0..10 {
        d.key(KeyCode::Backspace);
    }
    d.chars("2026-03-10");
    d.fill("postmark", "2026-03-11");
    d.to("anonymous", None);
    d.key(KeyCode::Char(' '));
    d.fill("letter_no", "X-17");
    d.fill_summary("反映学校食堂卫生问题");
    d.ctrl('s');
    // The postmark after the day received is refused, said in words.
    let f = d.form();
    let postmark = f.get("postmark").unwrap();
    assert_eq!(f.fields[f.focus].key, "postmark");
    assert!(postmark.error.as_deref().unwrap().contains("邮戳"));
    assert!(d.app.message.as_deref().unwrap().contains("1 项需要更正"));
    for _ in 0..2 {
        d.key(KeyCode::Backspace);
    }
    d.chars("08");
    d.ctrl('s');
    let id = d.case_id();
    let case = d.store.case(&CaseRef::Id(id), d.app.today).unwrap().case;
    assert_eq!(case.intake.channel, Channel::Letter);
    assert!(case.intake.anonymous);
    assert!(case.intake.petitioners.is_empty());
    assert_eq!(case.intake.postmark, Some(date(2026, 3, 8)));
    assert_eq!(case.intake.letter_no.as_deref(), Some("X-17"));
    assert_eq!(case.intake.received_at.date_naive(), date(2026, 3, 10));
}

#[test]
fn a_group_visit_with_rows_a_main_petitioner_and_too_many_representatives() {
    let mut d = Desk::new("李娜", 1);
    d.chars("n1");
    d.chars("周大山");
    d.to("representative", Some(0));
    d.key(KeyCode::Char(' '));
    for (n, name) in ["钱二", "孙三", "李四", "周五", "吴六"].iter().enumerate() {
        d.ctrl('n');
        assert_eq!(d.form().fields[d.form().focus].row, Some(n + 1));
        d.chars(name);
        d.to("representative", Some(n + 1));
        d.key(KeyCode::Char(' '));
    }
    // Art 20: six representatives is more than five: warned, not refused.
    assert_eq!(d.form().representatives(), 6);
    // The people count followed the rows.
    assert_eq!(d.form().text("people").as_deref(), Some("6"));
    // 孙三 (row 3) is the main petitioner; 吴六 is removed again.
    d.to("name", Some(2));
    d.ctrl('p');
    d.to("name", Some(5));
    // A filled row goes on the second Ctrl-D only.
    d.ctrl('d');
    assert_eq!(d.form().rows(), 6);
    assert!(d.app.message.as_deref().unwrap().contains("再按 Ctrl-D"));
    d.ctrl('d');
    assert_eq!(d.form().rows(), 5);
    d.fill_summary("集体反映小区停车位被占用");
    d.ctrl('s');
    let id = d.case_id();
    let case = d.store.case(&CaseRef::Id(id), d.app.today).unwrap().case;
    let names: Vec<&str> = case
        .intake
        .petitioners
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["周大山", "钱二", "孙三", "李四", "周五"]);
    assert_eq!(case.intake.main_petitioner().unwrap().name, "孙三");
    assert_eq!(case.intake.people, 6);
    assert!(case.intake.petitioners.iter().all(|p| p.representative));
}

#[test]
fn a_phone_call_needs_the_callers_number() {
    let mut d = Desk::new("李娜", 1);
    d.chars("n3");
    d.chars("秦先生");
    d.fill_summary("来电反映噪音");
    d.ctrl('s');
    assert_eq!(d.form().fields[d.form().focus].key, "phone");
    d.send(Msg::Paste("010-6512 3456".into()));
    d.fill("call_time", "08:15");
    d.ctrl('s');
    let id = d.case_id();
    let case = d.store.case(&CaseRef::Id(id), d.app.today).unwrap().case;
    assert_eq!(case.intake.channel, Channel::Phone);
    assert_eq!(case.intake.received_at.format("%H:%M").to_string(), "08:15");
    assert!(case.intake.petitioners[0].phone.is_some());
}

#[test]
fn a_referral_from_above_keeps_its_document() {
    let mut d = Desk::new("李娜", 1);
    d.chars("n6");
    d.chars("郑红");
    d.fill("referral_body", "市信访局");
    d.fill("referral_doc", "市信转〔2026〕12号");
    d.fill("referral_deadline", "2026-04-01");
    d.fill_summary("反映征地补偿");
    d.ctrl('s');
    let id = d.case_id();
    let case = d.store.case(&CaseRef::Id(id), d.app.today).unwrap().case;
    let r = case.intake.referral.unwrap();
    assert_eq!(r.body, "市信访局");
    assert_eq!(r.doc_no.as_deref(), Some("市信转〔2026〕12号"));
    assert_eq!(r.deadline, Some(date(2026, 4, 1)));
}

#[test]
fn the_repeat_panel_links_and_attaches() {
    let mut d = Desk::new("李娜", 3);
    d.chars("n1");
    d.chars("张三");
    // A name alone is a hint only.
    assert!(d.form().repeats.name_only);
    assert_eq!(d.form().repeats.rows.len(), 1);
    d.key(KeyCode::Tab);
    d.send(Msg::Paste("11010519491231002x".into()));
    assert!(
        !d.form().repeats.name_only,
        "the ID number finds the person"
    );
    let earlier = d.form().repeats.rows[0].case.id;
    d.ctrl('l');
    assert_eq!(d.form().links, [earlier]);
    d.fill_summary("再次来访反映补偿款");
    // Attach: the earlier case is still open, so the visit joins it, on
    // the second Ctrl-A (the first says what it will do).
    d.ctrl('a');
    assert!(matches!(d.app.screen, Screen::Form(_)));
    assert!(d.app.message.as_deref().unwrap().contains("再按 Ctrl-A"));
    d.ctrl('a');
    assert_eq!(d.case_id(), earlier);
    let case = d
        .store
        .case(&CaseRef::Id(earlier), d.app.today)
        .unwrap()
        .case;
    assert_eq!(case.attached.len(), 1);
    assert_eq!(case.attached[0].summary, "再次来访反映补偿款");
    assert!(d.store.check().unwrap().ok());
    // No new case was numbered.
    assert_eq!(d.store.all_ids().unwrap(), [earlier]);
}

#[test]
fn a_case_walks_from_intake_to_archive_through_the_action_forms() {
    let mut d = Desk::new("李娜", 1);
    d.chars("n1");
    d.chars("冯七");
    d.fill_summary("反映物业乱收费");
    d.ctrl('s');
    let id = d.case_id();
    // The leader's action, greyed for a clerk, says why.
    d.key(KeyCode::Char('i'));
    assert!(matches!(d.app.screen, Screen::Case(_)));
    assert!(
        d.app.message.as_deref().unwrap().contains("批示"),
        "{:?}",
        d.app.message
    );
    // 受理.
    d.key(KeyCode::Char('d'));
    d.ctrl('s');
    assert_eq!(d.state(), State::Registered);
    // 交办 to 城建科 / 王强.
    d.key(KeyCode::Char('a'));
    d.chars("城建");
    d.key(KeyCode::Tab);
    d.chars("王强");
    d.ctrl('s');
    assert_eq!(d.state(), State::Assigned, "{:?}", d.app.message);
    // The handler's opinion, the leader's instruction.
    d.app.operator = Some(Office0::new().who("王强"));
    d.key(KeyCode::Char('o'));
    d.chars("经核查，物业收费标准符合规定");
    d.key(KeyCode::Enter);
    d.chars("建议解释说明");
    d.ctrl('s');
    d.app.operator = Some(Office0::new().who("赵局长"));
    d.key(KeyCode::Char('i'));
    d.ctrl('s');
    // The reply, prefilled with the approved opinion.
    d.app.operator = Some(Office0::new().who("李娜"));
    d.at(t(20));
    d.key(KeyCode::Char('y'));
    assert!(d.form().text("reply_text").unwrap().contains("物业收费"));
    d.to("outcome", None);
    d.key(KeyCode::Right);
    d.ctrl('s');
    assert_eq!(d.state(), State::Replied, "{:?}", d.app.message);
    d.key(KeyCode::Char('v'));
    d.ctrl('s');
    d.key(KeyCode::Char('g'));
    d.ctrl('s');
    assert_eq!(d.state(), State::Archived, "{:?}", d.app.message);
    let events: Vec<String> = d
        .store
        .events(id)
        .unwrap()
        .into_iter()
        .map(|e| e.op)
        .collect();
    assert_eq!(
        events,
        [
            "intake",
            "register",
            "assign",
            "opinion",
            "instruct",
            "reply",
            "return_visit",
            "archive"
        ]
    );
    assert!(d.store.check().unwrap().ok());
}

#[test]
fn a_stale_edit_is_refused_and_the_form_kept() {
    let mut d = Desk::new("李娜", 1);
    d.chars("n1");
    d.chars("冯七");
    d.fill_summary("反映物业乱收费");
    d.ctrl('s');
    let id = d.case_id();
    d.key(KeyCode::Char('d'));
    // Another desk registers the case meanwhile.
    d.store
        .execute(&Request {
            case: Some(CaseRef::Id(id)),
            expected_version: None,
            command: Command::Register(xinfang::domain::types::Decision::Accept),
            actor: "李娜".into(),
            at: t(1),
        })
        .unwrap();
    d.ctrl('s');
    assert!(
        matches!(d.app.screen, Screen::Form(_)),
        "the form stays open"
    );
    let msg = d.app.message.clone().unwrap_or_default();
    assert!(msg.contains("已被") || msg.contains("他人"), "{msg}");
}

#[test]
fn english_labels_everywhere_in_a_form() {
    let mut d = Desk::new("李娜", 1);
    d.app.lang = Lang::En;
    d.chars("n2");
    d.ctrl('s');
    assert!(d.app.message.as_deref().unwrap().contains("to correct"));
    let f = d.form();
    for field in &f.fields {
        assert!(
            !xinfang::strings::form::label(Lang::En, field.key).is_empty(),
            "{}",
            field.key
        );
    }
}

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
    assert!(!d.app.draft_due);
    // The desk dies; a new one starts on the same ledger.
    let app = d.restart("李娜");
    assert!(app.offered.is_some(), "the draft is offered");
    // Another operator is not offered it.
    assert!(d.restart("赵局长").offered.is_none());
    d.app = app;
    d.key(KeyCode::Enter);
    let f = d.form();
    assert_eq!(f.rows(), 2);
    assert_eq!(f.in_row(1, "name").unwrap().input.value(), "郭十");
    assert_eq!(f.text("summary").as_deref(), Some("反映噪音\n夜间施工"));
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
    assert!(d.app.offered.is_none());
    assert!(matches!(d.app.screen, Screen::Queue));
    assert!(d.store.drafts("李娜").unwrap().is_empty());
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
            .queue
            .rows
            .iter()
            .map(|r| r.case.intake.channel)
            .collect()
    };
    assert_eq!(d.app.queue.rows.len(), 2);
    d.key(KeyCode::Char('c'));
    assert_eq!(d.app.view.channel, Some(Channel::Visit));
    assert_eq!(channels(&d), [Channel::Visit]);
    d.key(KeyCode::Char('c'));
    assert_eq!(channels(&d), [Channel::Letter]);
    for _ in 0..5 {
        d.key(KeyCode::Char('c'));
    }
    assert_eq!(d.app.view.channel, None, "the cycle ends at all channels");
    // Mine, for a clerk: what they took in.
    d.key(KeyCode::Char('m'));
    assert_eq!(channels(&d), [Channel::Visit]);
    d.key(KeyCode::Char('m'));
    // Oldest first.
    let newest = d.app.queue.rows[0].case.id;
    d.key(KeyCode::Char('o'));
    assert_ne!(d.app.queue.rows[0].case.id, newest);
    // By due date: soonest first.
    d.key(KeyCode::Char('o'));
    assert_eq!(d.app.view.sort, xinfang::store::Sort::Due);
    assert_eq!(d.app.queue.rows.len(), 2);
    // The header's "due soon" counts the clocks due within the policy's
    // horizon: none today, both a few days before they run out.
    assert_eq!(d.app.counts.due_soon, 0);
    let due = d.app.queue.rows[1].clocks[0].due;
    d.app.today = due - chrono::Duration::days(1);
    d.key(KeyCode::Char('r'));
    assert_eq!(d.app.counts.due_soon, 2);
}

#[test]
fn the_channel_is_picked_with_arrows_and_enter_or_esc_cancels() {
    let mut d = Desk::new("李娜", 1);
    d.key(KeyCode::Char('n'));
    d.key(KeyCode::Right);
    d.key(KeyCode::Right);
    d.key(KeyCode::Left);
    d.key(KeyCode::Right);
    d.key(KeyCode::Enter);
    assert!(matches!(
        d.form().purpose,
        xinfang::ui::form::Purpose::Intake(Channel::Phone)
    ));
    d.key(KeyCode::Esc);
    assert!(matches!(d.app.screen, Screen::Queue));
    d.key(KeyCode::Char('n'));
    d.key(KeyCode::Esc);
    assert!(matches!(d.app.screen, Screen::Queue));
    assert_eq!(d.app.choosing_channel, None);
}

/// Found by a trial run: a summary with blank lines crashed the queue.
#[test]
fn a_summary_on_several_lines_draws_in_the_queue() {
    let mut d = Desk::new("李娜", 1);
    d.chars("n1");
    d.chars("测试二");
    d.fill_summary("尊敬的领导：我是某某小区居民，\n\n\n\n小区电梯");
    d.ctrl('s');
    d.key(KeyCode::Esc);
    assert!(matches!(d.app.screen, Screen::Queue));
    for (w, h) in [(120, 40), (100, 24), (80, 24)] {
        let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
        term.draw(|f| xinfang::ui::view::draw(&d.app, f)).unwrap();
        let shown = term.backend().to_string();
        assert!(shown.contains("尊敬的领导"), "{shown}");
    }
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
    assert!(d.app.offered.is_some());
    assert_eq!(d.store.drafts("李娜").unwrap().len(), 1);
}

#[test]
fn the_handler_list_follows_the_department() {
    let mut d = Desk::new("李娜", 1);
    d.chars("n1");
    d.chars("冯七");
    d.fill_summary("反映学校收费");
    d.ctrl('s');
    d.key(KeyCode::Char('d'));
    d.ctrl('s');
    d.key(KeyCode::Char('a'));
    d.chars("教育");
    d.key(KeyCode::Tab);
    // 教育科's handler is 刘洋; 王强 (城建科) is not offered, the leader is.
    let f = d.form();
    let handler = f.get("handler").unwrap();
    let offered: Vec<String> = handler
        .offered(f.group_of(f.focus).as_deref())
        .into_iter()
        .map(|i| match &handler.kind {
            xinfang::ui::form::Kind::Choice(o) => o[i].0.clone(),
            _ => String::new(),
        })
        .collect();
    assert_eq!(offered, ["刘洋", "赵局长"]);
    assert_eq!(handler.code(), Some("刘洋"));
    d.chars("王强");
    assert_eq!(
        d.form().get("handler").unwrap().code(),
        Some("刘洋"),
        "王强 is not offered"
    );
}

#[test]
fn a_handler_is_told_at_once_that_intake_is_not_theirs() {
    let mut d = Desk::new("王强", 1);
    d.key(KeyCode::Char('n'));
    assert_eq!(d.app.choosing_channel, None);
    assert!(
        d.app.message.as_deref().unwrap().contains("接待录入"),
        "{:?}",
        d.app.message
    );
}

#[test]
fn typing_replaces_a_value_the_form_filled_in() {
    let mut d = Desk::new("赵局长", 1);
    d.chars("n1");
    d.chars("冯七");
    d.fill_summary("反映学校收费");
    d.ctrl('s');
    d.key(KeyCode::Char('d'));
    d.ctrl('s');
    d.key(KeyCode::Char('a'));
    d.ctrl('s');
    d.key(KeyCode::Char('e'));
    d.chars("20");
    assert_eq!(d.form().text("days").as_deref(), Some("20"));
    // Once edited, keys add to it as usual.
    d.key(KeyCode::Backspace);
    d.chars("5");
    assert_eq!(d.form().text("days").as_deref(), Some("25"));
}

/// The leader's dashboard: the case waiting for an instruction is listed;
/// the leader takes it as theirs (包案) and gives the instruction from
/// the list, without opening it first.
#[test]
fn a_leader_acts_from_the_dashboard() {
    let mut d = Desk::new("李娜", 1);
    let steps = [
        (
            Command::Register(xinfang::domain::types::Decision::Accept),
            "李娜",
        ),
        (assign("城建科", "王强"), "李娜"),
        (
            Command::Opinion {
                text: "已安排维修".into(),
            },
            "王强",
        ),
    ];
    for (command, actor) in steps {
        d.step(command, actor);
    }
    d.app = d.restart("赵局长");
    assert!(
        matches!(d.app.screen, Screen::Dashboard),
        "a leader starts on the dashboard"
    );
    let awaiting = |d: &Desk| d.app.dash.data.awaiting.len();
    assert_eq!(awaiting(&d), 1);
    assert_eq!(d.app.dash.selected_id(), Some(1));
    // 包案 first: a confirmation form, then the case is the leader's.
    d.key(KeyCode::Char('b'));
    d.ctrl('s');
    assert_eq!(d.case_id(), 1);
    d.key(KeyCode::Esc);
    assert!(matches!(d.app.screen, Screen::Dashboard));
    assert_eq!(d.app.dash.data.owned.len(), 1);
    // Then the instruction, from the 待批示 list.
    while d.app.dash.current() != xinfang::ui::screens::dashboard::List::Awaiting {
        d.key(KeyCode::Tab);
    }
    d.key(KeyCode::Char('i'));
    d.ctrl('s');
    d.key(KeyCode::Esc);
    assert_eq!(awaiting(&d), 0);
    let case = d.store.case(&CaseRef::Id(1), d.app.today).unwrap().case;
    assert!(case.approved_opinion().is_some());
    // w switches to the queue and back.
    d.key(KeyCode::Char('w'));
    assert!(matches!(d.app.screen, Screen::Queue));
    d.key(KeyCode::Char('w'));
    assert!(matches!(d.app.screen, Screen::Dashboard));
}

/// 人员和部门: a leader adds a department and a handler in it and changes
/// a role; a clerk may look but not change.
#[test]
fn a_leader_manages_people_and_departments() {
    let mut d = Desk::new("李娜", 1);
    d.key(KeyCode::Char('p'));
    assert!(matches!(d.app.screen, Screen::Settings));
    d.key(KeyCode::Char('n'));
    assert!(
        matches!(d.app.screen, Screen::Settings),
        "a clerk may not add"
    );
    assert!(
        d.app.message.as_deref().unwrap().contains("领导"),
        "{:?}",
        d.app.message
    );
    d.app = d.restart("赵局长");
    d.key(KeyCode::Char('p'));
    d.key(KeyCode::Char('N'));
    d.chars("环保科");
    d.ctrl('s');
    assert!(
        matches!(d.app.screen, Screen::Settings),
        "{:?}",
        d.app.message
    );
    assert!(d.app.directory.departments.contains(&"环保科".to_owned()));
    d.key(KeyCode::Char('n'));
    d.chars("何建华");
    d.key(KeyCode::Tab);
    d.key(KeyCode::Right); // 承办人
    d.key(KeyCode::Tab);
    d.chars("环保");
    d.ctrl('s');
    let ops = d.store.operators().unwrap();
    let he = ops.iter().find(|o| o.name == "何建华").unwrap();
    assert_eq!(he.role, xinfang::domain::types::Role::Handler);
    assert_eq!(he.department.as_deref(), Some("环保科"));
    assert!(he.active);
    // Change 刘洋: no longer active.
    let at = d
        .app
        .directory
        .operators
        .iter()
        .position(|o| o.name == "刘洋")
        .unwrap();
    while d.app.settings_selected < at {
        d.key(KeyCode::Down);
    }
    d.key(KeyCode::Enter);
    d.to("active", None);
    d.key(KeyCode::Char(' '));
    d.ctrl('s');
    let ops = d.store.operators().unwrap();
    assert!(!ops.iter().find(|o| o.name == "刘洋").unwrap().active);
    d.key(KeyCode::Esc);
    assert!(matches!(d.app.screen, Screen::Dashboard));
}

/// 领导接待日: a leader puts a day on the schedule and records a visitor,
/// linked to the case by its number; a clerk may record but not schedule.
#[test]
fn a_reception_day_is_scheduled_and_recorded() {
    let mut d = Desk::new("李娜", 1);
    d.step(
        Command::Register(xinfang::domain::types::Decision::Accept),
        "李娜",
    );
    d.key(KeyCode::Char('h'));
    assert!(matches!(d.app.screen, Screen::Reception));
    d.key(KeyCode::Char('a'));
    assert!(
        matches!(d.app.screen, Screen::Reception),
        "a clerk may not schedule"
    );
    d.app = d.restart("赵局长");
    d.key(KeyCode::Char('h'));
    d.key(KeyCode::Char('a'));
    d.to("place", None);
    d.chars("一楼接待室");
    d.ctrl('s');
    assert!(
        matches!(d.app.screen, Screen::Reception),
        "{:?}",
        d.app.message
    );
    assert_eq!(d.app.reception.0.len(), 1);
    assert_eq!(d.app.reception.0[0].leader, "赵局长");
    d.key(KeyCode::Char('n'));
    d.to("visitor", None);
    d.chars("张三");
    d.key(KeyCode::Tab);
    d.chars("2026-0001");
    d.key(KeyCode::Tab);
    d.chars("补偿款仍未到位");
    d.key(KeyCode::Tab);
    d.chars("责成城建科一周内答复");
    d.ctrl('s');
    assert!(
        matches!(d.app.screen, Screen::Reception),
        "{:?}",
        d.app.message
    );
    let records = &d.app.reception.1;
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].record.case_id, Some(1));
    assert_eq!(records[0].case_name.as_deref(), Some("2026-0001"));
    assert_eq!(records[0].record.decided, "责成城建科一周内答复");
    // A case number that does not exist is refused, the form kept.
    d.key(KeyCode::Char('n'));
    d.to("visitor", None);
    d.chars("李四");
    d.key(KeyCode::Tab);
    d.chars("2026-9999");
    d.key(KeyCode::Tab);
    d.chars("反映噪音");
    d.ctrl('s');
    assert!(matches!(d.app.screen, Screen::Form(_)));
    assert!(
        d.app.message.as_deref().unwrap().contains("2026-9999"),
        "{:?}",
        d.app.message
    );
}

/// The handler asks for the extension with `e`; the leader finds it among
/// the cases waiting for him and grants it with `e` (the days asked filled
/// in) or refuses it with `u`.
#[test]
fn an_extension_is_asked_at_the_desk_and_granted_from_the_dashboard() {
    let mut d = Desk::new("李娜", 1);
    for (command, actor) in [
        (
            Command::Register(xinfang::domain::types::Decision::Accept),
            "李娜",
        ),
        (assign("城建科", "王强"), "李娜"),
    ] {
        d.store
            .execute(&Request {
                case: Some(CaseRef::Id(1)),
                expected_version: None,
                command,
                actor: actor.into(),
                at: t(1),
            })
            .unwrap();
    }
    d.app = d.restart("王强");
    d.key(KeyCode::Enter);
    d.key(KeyCode::Char('e'));
    assert!(
        matches!(&d.app.screen, Screen::Form(f) if matches!(f.purpose, xinfang::ui::form::Purpose::Action { op: "ask_extension", .. })),
        "{:?}",
        d.app.message
    );
    d.chars("20");
    d.key(KeyCode::Tab);
    d.chars("需委托评估");
    d.ctrl('s');
    d.app = d.restart("赵局长");
    assert_eq!(
        d.app.dash.data.awaiting.len(),
        1,
        "the request waits for the leader"
    );
    assert_eq!(d.app.dash.selected_id(), Some(1));
    d.key(KeyCode::Char('e'));
    assert_eq!(d.form().text("days").as_deref(), Some("20"));
    assert_eq!(d.form().text("reason").as_deref(), Some("需委托评估"));
    d.ctrl('s');
    let case = d.store.case(&CaseRef::Id(1), d.app.today).unwrap().case;
    assert_eq!(case.extension_days(), 20);
    d.key(KeyCode::Esc);
    assert_eq!(d.app.dash.data.awaiting.len(), 0);
}
