//! Issue 15 at the desk: what a reader's own commits do to their counts, the repeat panels,
//! and an accused leader typing the accusation's number (2022《信访工作条例》第三十条第三款).

mod common;

use chrono::{DateTime, FixedOffset, NaiveDate};
use common::accused::{ledger, open_as};
use xinfang::domain::command::Command;
use xinfang::domain::types::State;
use xinfang::store::{CaseRef, Request, StateCounts, Store};

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn today() -> NaiveDate {
    at("2026-11-25T09:00:00+08:00").date_naive()
}

/// What the queue's header and tabs show: open cases by state, and the open total.
fn header(c: &StateCounts) -> (Vec<(State, i64)>, i64) {
    (c.by_state.clone(), c.open)
}

/// The counts `store` keeps, and the same counted afresh for its reader.
fn kept_and_fresh(l: &common::Ledger, store: &Store, who: &str) -> [(Vec<(State, i64)>, i64); 2] {
    let kept = header(&store.desk_counts(today()).unwrap());
    let fresh = header(&open_as(l, who).desk_counts(today()).unwrap());
    [kept, fresh]
}

fn step(store: &mut Store, case: i64, command: Command, actor: &str) {
    store
        .execute(&Request {
            case: Some(CaseRef::Id(case)),
            expected_version: None,
            command,
            actor: actor.into(),
            at: at("2026-11-25T10:00:00+08:00"),
        })
        .unwrap();
}

/// A handler's own step that takes a case out of their sight (回避) leaves it out of their
/// counts too, where the kept counts used to move it to its new state as if still theirs;
/// another desk's commit of a case they may not see changes nothing they are shown.
#[test]
fn a_readers_own_commit_keeps_their_counts_to_what_they_see() {
    let l = ledger();
    let mut wang = open_as(&l, "王强");
    let [kept, fresh] = kept_and_fresh(&l, &wang, "王强");
    assert_eq!(kept, (vec![(State::Assigned, 1)], 1));
    assert_eq!(kept, fresh);
    let recuse = Command::Recuse {
        handler: "王强".into(),
        reason: "与检举人系亲属".into(),
    };
    step(&mut wang, 1, recuse, "王强");
    let [kept, fresh] = kept_and_fresh(&l, &wang, "王强");
    assert_eq!(kept, (vec![], 0));
    assert_eq!(kept, fresh);

    // 刘洋's own case moves with his step; the clerk's re-assignment of the accusation
    // against him, on another desk, is not his to count.
    let mut liu = open_as(&l, "刘洋");
    let before = header(&liu.desk_counts(today()).unwrap());
    assert_eq!(before, (vec![(State::Assigned, 1)], 1));
    let mut clerk = open_as(&l, "李娜");
    let again = Command::Assign {
        department: "城建科".into(),
        handler: "赵敏".into(),
        leader: Some("赵建国".into()),
    };
    step(&mut clerk, 1, again, "李娜");
    let [kept, fresh] = kept_and_fresh(&l, &liu, "刘洋");
    assert_eq!(kept, before);
    assert_eq!(kept, fresh);
    let opinion = Command::Opinion {
        text: "已修复路灯".into(),
    };
    step(&mut liu, 2, opinion, "刘洋");
    let [kept, fresh] = kept_and_fresh(&l, &liu, "刘洋");
    assert_eq!(kept, fresh);
    assert_eq!(kept.1, 1);
    // The clerk's counts, kept through her own commit, are hers counted afresh.
    let [kept, fresh] = kept_and_fresh(&l, &clerk, "李娜");
    assert_eq!(kept, fresh);
}

/// 李某某, the accuser of 2026-0001, comes again twice with plain matters: 2026-0003 for
/// 刘洋 (the accused), 2026-0004 for 王强 (the accusation's handler); 陈静 is a clerk of the
/// accused unit.
const AGAIN: &str = r#"{"op":"operator","name":"陈静","role":"clerk","unit":"区住建局"}
{"op":"intake","actor":"李娜","at":"2026-11-22T10:00:00+08:00","channel":"visit","people":1,"petitioners":[{"name":"李某某","id_type":"resident_id","id_number":"11010519491231002X","phone":"13800138000","main":true}],"category":"城乡建设","handling_type":"申诉求决","target":"某街道办事处","summary":"反映楼道漏水","request":"要求维修","urgency":"normal"}
{"op":"register","actor":"李娜","case":3,"decision":"accept","at":"2026-11-22T11:00:00+08:00"}
{"op":"assign","actor":"李娜","case":"2026-0003","department":"住建科","handler":"刘洋","leader":"赵建国","at":"2026-11-22T12:00:00+08:00"}
{"op":"intake","actor":"李娜","at":"2026-11-23T10:00:00+08:00","channel":"visit","people":1,"petitioners":[{"name":"李某某","id_type":"resident_id","id_number":"11010519491231002X","phone":"13800138000","main":true}],"category":"城乡建设","handling_type":"申诉求决","target":"某街道办事处","summary":"反映路面破损","request":"要求修复","urgency":"normal"}
{"op":"register","actor":"李娜","case":4,"decision":"accept","at":"2026-11-23T11:00:00+08:00"}
{"op":"assign","actor":"李娜","case":"2026-0004","department":"城建科","handler":"王强","leader":"赵建国","at":"2026-11-23T12:00:00+08:00"}
"#;

/// A row of 重复信访人: name, ID number, cases, the newest case's id.
type Repeat = (&'static str, &'static str, i64, i64);

/// The case numbers of rows, newest first.
fn numbers(rows: &[xinfang::store::CaseRow]) -> Vec<String> {
    (rows.iter())
        .map(|r| r.case.case_no.clone().unwrap_or_default())
        .collect()
}

/// The dashboard's 重复信访人 and the intake's repeat panel count and list only the cases
/// the reader may see: the accused (in person, by unit, a leader) never learn that the
/// petitioner before them accused them; the accusation's handler sees them as 「（保密）」.
#[test]
fn the_repeat_panels_list_what_the_reader_may_see() {
    let l = ledger();
    l.apply_ok(AGAIN);
    let id = "11010519491231002X";
    let key = xinfang::domain::repeat::PetitionerKey::new(Some(id), None, None, None, today());
    // (reader, repeaters as (name, ID, cases, newest), the repeat panel by ID and by name)
    let expected: [(&str, Option<Repeat>, &[&str]); 5] = [
        (
            "赵建国",
            Some(("李某某", id, 3, 4)),
            &["2026-0004", "2026-0003", "2026-0001"],
        ),
        (
            "陈静",
            Some(("李某某", id, 2, 4)),
            &["2026-0004", "2026-0003"],
        ),
        (
            "孙副局长",
            Some(("李某某", id, 2, 4)),
            &["2026-0004", "2026-0003"],
        ),
        ("刘洋", None, &["2026-0003"]),
        (
            "王强",
            Some(("（保密）", "（保密）", 2, 4)),
            &["2026-0004", "2026-0001"],
        ),
    ];
    for (who, repeater, panel) in expected {
        let store = open_as(&l, who);
        let got = store.leader_dashboard(who, today(), 8).unwrap().repeaters;
        let got: Vec<_> = (got.iter())
            .map(|r| (r.name.as_str(), r.id_number.as_str(), r.cases, r.latest))
            .collect();
        assert_eq!(got, Vec::from_iter(repeater), "{who}");
        let by_id = store.earlier_cases(&key, 8, today()).unwrap();
        assert_eq!(numbers(&by_id), panel, "{who}");
        let by_name = store.cases_by_name("李某某", 8, today()).unwrap();
        assert_eq!(numbers(&by_name), numbers(&by_id), "{who}");
        for row in by_id.iter().chain(&by_name) {
            let names: Vec<&str> = (row.case.intake.petitioners.iter())
                .map(|p| p.name.as_str())
                .collect();
            let masked = who == "王强" && row.case.id == 1;
            assert_eq!(
                names[0],
                if masked { "（保密）" } else { "李某某" },
                "{who}"
            );
        }
    }
}

/// The desk of `who` on `l`, its first screen loaded, as `xinfang --as WHO` opens it.
fn desk(l: &common::Ledger, who: &str) -> (Store, xinfang::ui::app::App) {
    let mut store = open_as(l, who);
    let operator = store.viewer().unwrap().clone();
    let clock = xinfang::clock::Clock::fixed(at("2026-11-25T09:00:00+08:00"));
    let app =
        xinfang::ui::open_app(&mut store, xinfang::strings::Lang::Zh, operator, clock, 30).unwrap();
    (store, app)
}

fn press(store: &mut Store, app: &mut xinfang::ui::app::App, c: char) {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    xinfang::ui::runtime::dispatch(store, app, xinfang::ui::app::Msg::Key(key));
}

fn screen(app: &xinfang::ui::app::App) -> String {
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    term.draw(|f| xinfang::ui::view::draw(app, f)).unwrap();
    term.backend().to_string()
}

/// An accused leader who types the accusation's number at the desk is told to step aside,
/// as `show` tells them, and shown nothing of it; the accused handler typing it finds
/// nothing, as of a number that does not exist.
#[test]
fn an_accused_leader_typing_the_number_finds_nothing() {
    let l = ledger();
    for who in ["孙副局长", "刘洋"] {
        let (mut store, mut app) = desk(&l, who);
        if who == "孙副局长" {
            // From the dashboard to the queue.
            press(&mut store, &mut app, 'w');
        }
        for c in "/2026-0001".chars() {
            press(&mut store, &mut app, c);
        }
        let shown = screen(&app);
        assert!(shown.contains("检索: 2026-0001"), "{shown}");
        // Art 30 第三款: not told that an accusation exists.
        assert!(!shown.contains("已回避"), "{who}: {shown}");
        assert!(shown.contains("没有符合条件的信访事项"), "{who}: {shown}");
        for secret in ["李某某", "违规审批", "13800138000"] {
            assert!(!shown.contains(secret), "{who} sees {secret}: {shown}");
        }
    }
    // A case linking it names it to whoever may see it, and to the accused not at all.
    let linking = r#"{"op":"intake","actor":"李娜","at":"2026-11-22T10:00:00+08:00","channel":"visit","people":1,"petitioners":[{"name":"王五","main":true}],"category":"城乡建设","handling_type":"申诉求决","target":"某街道办事处","summary":"反映噪音扰民","request":"要求处理","urgency":"normal","links":[1,2]}"#;
    l.apply_ok(linking);
    for (who, named) in [("孙副局长", false), ("赵建国", true), ("李娜", true)] {
        let (mut store, mut app) = desk(&l, who);
        let cmd = xinfang::ui::app::Cmd::OpenCase(3);
        let msg = xinfang::ui::runtime::execute(&mut store, &app, &cmd);
        xinfang::ui::runtime::dispatch(&mut store, &mut app, msg);
        let shown = screen(&app);
        assert!(shown.contains("2026-0002"), "{who}: {shown}");
        assert!(!shown.contains("已回避"), "{who}: {shown}");
        assert_eq!(shown.contains("2026-0001"), named, "{who}: {shown}");
        assert!(!shown.contains("违规审批"), "{who}: {shown}");
    }
    // The command line's search finds nothing for the accused leader either.
    let mut all = vec!["--db", l.db(), "--as", "孙副局长", "search", "2026-0001"];
    let out = common::run(&all, "");
    assert!(
        !out.stdout.contains("2026-0001") && !out.stderr.contains("已回避"),
        "{out:?}"
    );
    all[3] = "赵建国";
    assert!(common::run(&all, "").stdout.contains("2026-0001"));
}

/// An intake as `apply` writes it, by 陈静 and confidential or not.
fn intake(confidential: bool) -> Command {
    serde_json::from_value(serde_json::json!({
        "op": "intake", "channel": "visit", "people": 1, "confidential": confidential,
        "petitioners": [{"name": "周某", "phone": "13700137000", "main": true}],
        "category": "城乡建设", "handling_type": "申诉求决", "target": "某街道办事处",
        "summary": "反映路面破损", "request": "要求修复", "urgency": "normal"
    }))
    .unwrap()
}

/// The overdue and due-soon counts, less others' confidential cases, are kept between a
/// clerk's saves (migration 0038) and are still, after every kind of write, the counts made
/// afresh: her own ordinary case, another desk's confidential one (not hers to count), and
/// her own confidential one. Kept stale, the other desk's case would be counted as hers.
#[test]
fn due_counts_less_others_confidential_cases_follow_every_write() {
    let l = ledger();
    l.apply_ok(r#"{"op":"operator","name":"陈静","role":"clerk"}"#);
    // A day when every clock of these cases has run out, and one when none has.
    let days = [today(), at("2027-06-01T09:00:00+08:00").date_naive()];
    let due = |s: &Store| -> Vec<(i64, i64, i64)> {
        days.iter()
            .map(|d| s.desk_counts(*d).unwrap())
            .map(|c| (c.overdue, c.due_soon, c.open))
            .collect()
    };
    let mut chen = open_as(&l, "陈静");
    let kept_is_fresh = |chen: &Store| {
        let kept = due(chen);
        assert_eq!(kept, due(&open_as(&l, "陈静")));
        kept
    };
    let start = kept_is_fresh(&chen);
    // Case 1 is 李娜's confidential accusation: 陈静 counts case 2 only.
    assert_eq!(start[1], (1, 0, 1));
    let own = |chen: &mut Store, confidential: bool| {
        chen.execute(&Request {
            case: None,
            expected_version: None,
            command: intake(confidential),
            actor: "陈静".into(),
            at: at("2026-11-25T10:00:00+08:00"),
        })
        .unwrap();
    };
    own(&mut chen, false);
    let after_own = kept_is_fresh(&chen);
    assert_eq!(after_own[1], (2, 0, 2));
    l.apply_ok(
        r#"{"op":"intake","actor":"李娜","at":"2026-11-25T11:00:00+08:00","channel":"visit","people":1,"confidential":true,"petitioners":[{"name":"吴某","phone":"13600136000","main":true}],"category":"城乡建设","handling_type":"检举控告","target":"区住建局","summary":"检举违规","request":"要求查处","urgency":"normal"}"#,
    );
    assert_eq!(kept_is_fresh(&chen), after_own);
    own(&mut chen, true);
    assert_eq!(kept_is_fresh(&chen)[1], (3, 0, 3));
}

/// A leader reading a confidential case sees who saw it, when and where, the place said
/// in words (it showed the recorded code, `case_screen`).
#[test]
fn who_saw_a_confidential_case_is_said_in_words() {
    let l = ledger();
    let (mut store, mut app) = desk(&l, "赵建国");
    // The second opening shows the first (each is recorded once the case is read).
    for _ in 0..2 {
        let msg =
            xinfang::ui::runtime::execute(&mut store, &app, &xinfang::ui::app::Cmd::OpenCase(1));
        xinfang::ui::runtime::dispatch(&mut store, &mut app, msg);
    }
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 60)).unwrap();
    term.draw(|f| xinfang::ui::view::draw(&app, f)).unwrap();
    let shown = term.backend().to_string();
    assert!(shown.contains("查阅记录（保密件，1次）"), "{shown}");
    assert!(shown.contains("赵建国  案件页"), "{shown}");
    assert!(!shown.contains("case_screen"), "{shown}");
}

/// The ids a reader's queue lists (its first page) and its open total.
fn listed(store: &Store) -> (Vec<i64>, i64) {
    let filter = xinfang::store::ListFilter {
        limit: 50,
        ..Default::default()
    };
    let mut ids: Vec<i64> = (store.list(&filter, today()).unwrap().into_iter())
        .map(|(row, _)| row.case.id)
        .collect();
    ids.sort_unstable();
    (ids, store.desk_counts(today()).unwrap().open)
}

/// An `apply` line of 更正 on `case` by `actor`, changing `fields`.
fn correction(case: i64, actor: &str, fields: serde_json::Value) -> String {
    let mut line = serde_json::json!({"op": "correct", "actor": actor, "case": case,
        "at": "2026-11-25T10:00:00+08:00", "reason": "被反映对象登记有误"});
    for (k, v) in fields.as_object().unwrap() {
        line[k] = v.clone();
    }
    line.to_string() + "\n"
}

/// 更正 of whom a case accuses, by a leader at another desk (another process): the newly
/// accused no longer sees the case on a desk already open, and the one no longer accused
/// does (2022 Art 30 第三款). Each desk kept its hidden cases as new cases came in; a
/// correction adds none, so the kept list went stale and the accused went on seeing it.
#[test]
fn a_corrected_accused_moves_the_case_out_of_an_open_desk_s_sight() {
    let l = ledger();
    // 孙副局长 is of 区住建局, which case 1 accuses; case 2 (路灯) he sees.
    let sun = open_as(&l, "孙副局长");
    assert_eq!(listed(&sun), (vec![2], 1));
    l.apply_ok(&correction(
        2,
        "赵建国",
        serde_json::json!({"target_person": "孙副局长"}),
    ));
    assert_eq!(listed(&sun), (vec![], 0));
    assert!(sun.search("路灯", 20, today()).unwrap().is_empty());
    assert_eq!(listed(&open_as(&l, "孙副局长")), (vec![], 0));
    // Case 1 put right: it accuses 区城管局, not 区住建局 nor 刘洋 (cleared).
    l.apply_ok(&correction(
        1,
        "赵建国",
        serde_json::json!({"target": "区城管局", "target_person": ""}),
    ));
    assert_eq!(listed(&sun), (vec![1], 1));
    let shown = xinfang::store::CaseRef::Id(1);
    assert!(sun.case(&shown, today()).is_ok());
    // The journal says what changed; the rows, the rollups and the search index agree.
    let out = common::run(&["show", "--db", l.db(), "1"], "");
    assert!(
        out.stdout.contains("被反映单位 区住建局→区城管局"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("被反映人 刘洋→—"), "{}", out.stdout);
    let check = l.check();
    assert!(check.success(), "{check:?}");
}

/// Whom a case accuses is corrected by a leader only, never to name whoever holds the case
/// (it must be assigned elsewhere first) nor the leader correcting it; each refusal says why.
#[test]
fn only_a_leader_corrects_the_accused_and_never_onto_the_holder() {
    let l = ledger();
    let refused = |line: String, says: &str| {
        let out = l.apply(&line);
        assert!(!out.stdout.contains("\"ok\":true"), "{out:?}");
        assert!(out.stdout.contains(says), "{says}: {}", out.stdout);
    };
    refused(
        correction(2, "李娜", serde_json::json!({"target": "区城管局"})),
        "only a leader corrects the accused",
    );
    // Case 2 is handled by 刘洋, of 区住建局.
    refused(
        correction(2, "赵建国", serde_json::json!({"target": "区住建局"})),
        "Assign it to another department",
    );
    refused(
        correction(
            2,
            "孙副局长",
            serde_json::json!({"target_person": "孙副局长"}),
        ),
        "is the accused",
    );
    // The rest of the record a clerk still corrects.
    l.apply_ok(&correction(
        2,
        "李娜",
        serde_json::json!({"location": "幸福里"}),
    ));
}

/// A name typed with spaces or joining marks (刘　洋, 区 住建局, 区-住建局) is the name: the
/// accusation is neither passed on nor assigned to them, nor shown to them.
#[test]
fn an_accused_typed_with_spaces_is_still_the_accused() {
    let l = ledger();
    l.apply_ok(
        r#"{"op":"intake","actor":"李娜","at":"2026-11-22T10:00:00+08:00","channel":"visit","people":1,"petitioners":[{"name":"吴某","phone":"13600136000","main":true}],"category":"城乡建设","handling_type":"检举控告","target":"区　住建局","target_person":"刘 洋","summary":"检举违规发证","request":"要求查处","urgency":"normal"}"#,
    );
    let refused = |line: &str| {
        let out = l.apply(&format!("{line}\n"));
        assert!(!out.stdout.contains("\"ok\":true"), "{line}: {out:?}");
    };
    refused(
        r#"{"op":"register","actor":"李娜","case":3,"decision":"pass_on","to":"区-住建局","at":"2026-11-22T11:00:00+08:00"}"#,
    );
    l.apply_ok(
        r#"{"op":"register","actor":"李娜","case":3,"decision":"accept","at":"2026-11-22T11:00:00+08:00"}"#,
    );
    refused(
        r#"{"op":"assign","actor":"李娜","case":3,"department":"住建科","handler":"刘洋","at":"2026-11-22T12:00:00+08:00"}"#,
    );
    for who in ["刘洋", "孙副局长"] {
        let (ids, _) = listed(&open_as(&l, who));
        assert!(!ids.contains(&3), "{who}: {ids:?}");
    }
}

/// The 领导接待日 screen's records of a day leave out one on a case the reader may not
/// see: what the visitor said there is the accusation.
#[test]
fn a_reception_record_on_a_hidden_case_is_not_shown() {
    let l = ledger();
    l.apply_ok(
        r#"{"op":"reception","actor":"李娜","at":"2026-11-25T09:30:00+08:00","leader":"赵建国","visitor":"李某某","said":"当面检举刘洋违规审批","decided":"转城建科核查","case":"2026-0001"}
{"op":"reception","actor":"李娜","at":"2026-11-25T10:30:00+08:00","leader":"赵建国","visitor":"张三","said":"路灯仍未修复","decided":"督促住建科","case":"2026-0002"}"#,
    );
    let said = |who: &str| -> Vec<String> {
        (open_as(&l, who)
            .reception_records(today())
            .unwrap()
            .into_iter())
        .map(|r| r.record.said)
        .collect()
    };
    assert_eq!(said("赵建国").len(), 2);
    assert_eq!(said("孙副局长"), ["路灯仍未修复"]);
    assert_eq!(said("刘洋"), ["路灯仍未修复"]);
}

/// A 重复件 is joined to its case only if it accuses no one the case does not: the case's
/// sight follows its own accused, so an item against its handler was shown to them.
#[test]
fn a_repeat_item_accusing_another_is_a_case_of_its_own() {
    let l = ledger();
    let attach = |target: &str| {
        format!(
            r#"{{"op":"attach","actor":"李娜","case":2,"at":"2026-11-23T10:00:00+08:00","channel":"letter","people":1,"petitioners":[{{"name":"张三","id_type":"resident_id","id_number":"440524188001010014","main":true}}],"category":"城乡建设","handling_type":"申诉求决",{target}"summary":"再次反映路灯损坏","request":"要求修复","urgency":"normal"}}"#
        ) + "\n"
    };
    // Case 2 is 刘洋's: an item accusing him is refused, saying what to do.
    let out = l.apply(&attach(r#""target_person":"刘 洋","#));
    assert!(!out.stdout.contains("\"ok\":true"), "{out:?}");
    assert!(
        out.stdout.contains("Register it as a new case"),
        "{}",
        out.stdout
    );
    // Longer, it may name another beside the case's own.
    let out = l.apply(&attach(r#""target":"某街道办事处、刘洋","#));
    assert!(!out.stdout.contains("\"ok\":true"), "{out:?}");
    l.apply_ok(&attach(r#""target":"某街道办事处","#));
    l.apply_ok(&attach(r#""target":"街道办事处","#));
    l.apply_ok(&attach(""));
}

/// A ledger from before migration 45 kept the accused columns as typed: opened, they are
/// squeezed as the lists' SQL compares them, and `check` finds the rows as written anew.
#[test]
fn an_older_ledger_s_accused_columns_are_squeezed_on_opening() {
    let l = ledger();
    l.apply_ok(
        r#"{"op":"intake","actor":"李娜","at":"2026-11-22T10:00:00+08:00","channel":"visit","people":1,"petitioners":[{"name":"吴某","phone":"13600136000","main":true}],"category":"城乡建设","handling_type":"检举控告","target":"区　住建局","target_person":"刘 洋","summary":"检举违规发证","request":"要求查处","urgency":"normal"}"#,
    );
    let columns = || -> (String, String) {
        let db = common::sqlite(std::path::Path::new(l.db()));
        db.query_row(
            "SELECT target, target_person FROM cases WHERE id = 3",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
    };
    assert_eq!(columns(), ("区住建局".to_owned(), "刘洋".to_owned()));
    let db = common::sqlite(std::path::Path::new(l.db()));
    db.execute_batch(
        "UPDATE cases SET target = '区　住建局', target_person = '刘 洋' WHERE id = 3;
         PRAGMA user_version = 44;",
    )
    .unwrap();
    drop(db);
    let (ids, _) = listed(&open_as(&l, "孙副局长"));
    assert!(!ids.contains(&3), "{ids:?}");
    assert_eq!(columns(), ("区住建局".to_owned(), "刘洋".to_owned()));
    let check = l.check();
    assert!(check.success(), "{check:?}");
}

/// A desk showing a case that another desk's 更正 now keeps from its reader closes it on
/// the next reload, rather than leave what it showed on the screen.
#[test]
fn an_open_case_corrected_to_accuse_the_reader_is_closed() {
    use xinfang::ui::app::{Cmd, Msg, Screen};
    let l = ledger();
    let (mut store, mut app) = desk(&l, "孙副局长");
    let msg = xinfang::ui::runtime::execute(&mut store, &app, &Cmd::OpenCase(2));
    xinfang::ui::runtime::dispatch(&mut store, &mut app, msg);
    assert!(matches!(app.screen, Screen::Case(_)), "{:?}", app.message);
    l.apply_ok(&correction(
        2,
        "赵建国",
        serde_json::json!({"target_person": "孙副局长"}),
    ));
    xinfang::ui::runtime::dispatch(&mut store, &mut app, Msg::Changed);
    assert!(!matches!(app.screen, Screen::Case(_)));
    let shown = screen(&app);
    assert!(!shown.contains("路灯"), "{shown}");
    assert!(shown.contains("不在您的查看范围"), "{shown}");
}

/// A 更正 may not make the case accuse its 积案's 包案领导, as putting them on it is refused.
#[test]
fn a_correction_does_not_accuse_the_backlog_s_leader() {
    let l = ledger();
    let backlog = |args: &[&str]| {
        let mut all = vec!["--lang", "en", "backlog"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--db", l.db()]);
        let out = common::run(&all, "");
        assert!(out.success(), "{out:?}");
    };
    backlog(&["mark", "2026-0002", "--reason", "久拖未决"]);
    backlog(&["leader", "2026-0002", "--name", "孙副局长"]);
    let out = l.apply(&correction(
        2,
        "赵建国",
        serde_json::json!({"target_person": "孙副局长"}),
    ));
    assert!(!out.stdout.contains("\"ok\":true"), "{out:?}");
    assert!(
        out.stdout.contains("Assign it to another"),
        "{}",
        out.stdout
    );
}
