//! 更正: what was recorded at the window put right. The domain's rules (what may be
//! corrected, when, by whom, checked as at intake), the `apply` line, `show` and the
//! journal, and the desk's form on the case screen (`E`).

mod common;

use common::desk::{Desk, drawn};
use common::fixture::*;
use common::{Ledger, run};
use ratatui::crossterm::event::KeyCode;
use serde_json::{Value, json};
use xinfang::domain::case::Case;
use xinfang::domain::command::{Command, Correction};
use xinfang::domain::error::{Field, WorkflowError as E};
use xinfang::domain::intake::Petitioner;
use xinfang::domain::op::{Act, Op};
use xinfang::domain::types::*;
use xinfang::domain::workflow::Warning;
use xinfang::strings::form::FieldKey;

fn correction(phone: &str) -> Correction {
    Correction {
        petitioners: Some(vec![Petitioner {
            name: "张三".into(),
            id_number: Some("11010519491231002X".into()),
            phone: Some(phone.into()),
            address: Some("朝阳区某小区1号".into()),
            main: true,
            ..Petitioner::default()
        }]),
        reason: "电话号码录错".into(),
        ..Correction::default()
    }
}

fn correct(o: &Office0, case: &Case, c: Correction, actor: &str) -> Result<Case, E> {
    o.apply(Some(case), &Command::Correct(Box::new(c)), actor, t(8))
        .map(|t| t.case)
}

#[test]
fn a_slip_is_put_right_in_every_state_until_the_case_is_filed() {
    let o = Office0::new();
    for (name, case) in fixtures(&o) {
        let done = correct(&o, &case, correction("13900139000"), "李娜");
        if case.state == State::Archived {
            assert!(
                matches!(done, Err(E::WrongState { .. })),
                "{name}: {done:?}"
            );
            continue;
        }
        let after = done.unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(
            after.intake.petitioners[0].phone.as_deref(),
            Some("13900139000")
        );
        // Nothing else of the case moves: not its state, clocks' start, or the rest.
        assert_eq!(after.state, case.state, "{name}");
        assert_eq!(after.intake.received_at, case.intake.received_at);
        assert_eq!(after.corrections.len(), 1);
        assert_eq!(
            after.corrections[0].petitioners_before,
            case.intake.petitioners
        );
        let mut back = after.clone();
        back.intake.petitioners = case.intake.petitioners.clone();
        back.corrections.clear();
        assert_eq!(back, case, "{name}");
    }
}

#[test]
fn a_correction_is_checked_as_an_intake_is() {
    let o = Office0::new();
    let f = fixtures(&o);
    let registered = &f[1].1;
    // The same record again, or no reason: refused, saying what to do.
    let same = correction("13800138000");
    assert!(matches!(
        correct(&o, registered, same, "李娜"),
        Err(E::NothingToCorrect)
    ));
    let mut silent = correction("13900139000");
    silent.reason = " ".into();
    assert!(matches!(
        correct(&o, registered, silent, "李娜"),
        Err(E::MissingField {
            op: Act::Step(Op::Correct),
            field: Field::Reason
        })
    ));
    // A wrong ID number or phone is refused with the row it is in, as at intake.
    let mut bad = correction("13900139000");
    bad.petitioners.as_mut().unwrap()[0].id_number = Some("110105194912310021".into());
    assert!(matches!(
        correct(&o, registered, bad, "李娜"),
        Err(E::BadIdNumber { index: 1, .. })
    ));
    // More people named than came: the count (人次) is not corrected.
    let mut two = correction("13900139000");
    let mut other = two.petitioners.as_ref().unwrap()[0].clone();
    other.name = "李四".into();
    other.main = false;
    other.id_number = None;
    two.petitioners.as_mut().unwrap().push(other);
    assert!(matches!(
        correct(&o, registered, two, "李娜"),
        Err(E::PeopleFewerThanNamed {
            people: 1,
            named: 2
        })
    ));
    // A blank summary is no summary.
    let blank = Correction {
        summary: Some("  ".into()),
        reason: "摘要有误".into(),
        ..Correction::default()
    };
    assert!(matches!(
        correct(&o, registered, blank, "李娜"),
        Err(E::MissingField {
            field: Field::Summary,
            ..
        })
    ));
    // A handler does not rewrite the office's record.
    assert!(matches!(
        correct(&o, &f[4].1, correction("13900139000"), "王强"),
        Err(E::RoleRequired { .. })
    ));
    // The sex is read from a corrected resident ID number, as at intake.
    let mut id = correction("13800138000");
    id.petitioners.as_mut().unwrap()[0].id_number = Some("110105194912310011".into());
    let fixed = correct(&o, registered, id, "李娜").unwrap();
    assert_eq!(
        fixed.intake.petitioners[0].sex,
        Some(xinfang::domain::identity::Sex::Male)
    );
    // Six representatives named: corrected, with Art 20's warning, as at intake.
    let six: Vec<Petitioner> = ["甲", "乙", "丙", "丁", "戊", "己"]
        .iter()
        .enumerate()
        .map(|(n, name)| Petitioner {
            name: (*name).into(),
            main: n == 0,
            representative: true,
            ..Petitioner::default()
        })
        .collect();
    let group = Correction {
        petitioners: Some(six),
        people: Some(6),
        reason: "代表未全部登记".into(),
        ..Correction::default()
    };
    let done = o
        .apply(
            Some(registered),
            &Command::Correct(Box::new(group)),
            "李娜",
            t(8),
        )
        .unwrap();
    assert!(
        (done.warnings.iter()).any(|w| matches!(w, Warning::TooManyRepresentatives { count: 6 })),
        "{:?}",
        done.warnings
    );
}

/// The `apply` line names only what it corrects; a field that is not correctable (the
/// channel, the time received, the category) is refused by name, never dropped.
#[test]
fn the_apply_line_corrects_what_it_names_and_refuses_the_rest() {
    let l = Ledger::set_up();
    l.apply_ok(&common::intake_lines(1, "反映"));
    let line = |extra: Value| {
        let mut v = json!({"op": "correct", "actor": "李娜", "case": 1,
            "at": "2026-02-01T09:00:00+08:00", "reason": "地点录错"});
        for (k, x) in extra.as_object().unwrap() {
            v[k] = x.clone();
        }
        v.to_string() + "\n"
    };
    let refused = l.apply(&line(json!({"category": "其他"})));
    assert!(!refused.success(), "{refused:?}");
    assert!(refused.stdout.contains("category"), "{refused:?}");
    l.apply_ok(&line(
        json!({"location": "某区某街道", "summary": "反映 0（更正）"}),
    ));
    let out = run(&["show", "--json", "--db", l.db(), "1"], "");
    assert!(out.success(), "{out:?}");
    let shown: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(shown["case"]["intake"]["location"], "某区某街道", "{shown}");
    assert_eq!(shown["case"]["intake"]["summary"], "反映 0（更正）");
    // The petitioners are as taken in: the line did not name them.
    assert_eq!(shown["case"]["intake"]["petitioners"][0]["name"], "张三");
    let text = run(&["show", "--db", l.db(), "1"], "");
    assert!(text.stdout.contains("更正登记信息"), "{}", text.stdout);
    assert!(text.stdout.contains("地点录错"), "{}", text.stdout);
    let check = l.check();
    assert!(check.success(), "{check:?}");
}

/// Two cases of one ID number; the second was the wrong person's number. Corrected, the
/// repeat petitioners' count follows and `check` finds the ledger whole.
#[test]
fn a_corrected_id_number_leaves_the_repeat_counts_as_a_fresh_ledger_would() {
    let l = Ledger::set_up();
    l.apply_ok(&common::intake_lines(2, "反映"));
    let line = json!({"op": "correct", "actor": "李娜", "case": 2,
        "at": "2026-02-01T09:00:00+08:00", "reason": "身份证号码录错",
        "petitioners": [{"name": "张三", "id_number": "110105194912310011",
            "phone": "13800138001", "address": "某小区", "main": true}]});
    l.apply_ok(&(line.to_string() + "\n"));
    let db = common::sqlite(std::path::Path::new(l.db()));
    let counts: Vec<(String, i64)> = db
        .prepare("SELECT id_number, cases FROM person_counts ORDER BY id_number")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        counts,
        [
            ("110105194912310011".to_owned(), 1),
            ("11010519491231002X".to_owned(), 1)
        ]
    );
    let check = l.check();
    assert!(check.success(), "{check:?}");
}

/// At the desk: `E` on the case opens the record as taken in; the clerk puts the phone
/// right, says why and saves; the case shows the number corrected and its timeline the step.
#[test]
fn the_desk_corrects_the_record_from_the_case_screen() {
    let mut d = Desk::new("李娜", 1);
    d.registered_visit("反映物业乱收费");
    d.key(KeyCode::Char('E'));
    let name = d.form().in_row(0, FieldKey::Name).and_then(|f| f.text());
    assert_eq!(name.as_deref(), Some("冯七"));
    assert_eq!(
        d.form().text(FieldKey::Summary).as_deref(),
        Some("反映物业乱收费")
    );
    // Saving without a reason puts the cursor on it.
    d.to(FieldKey::Phone, Some(0));
    d.chars("13912345678");
    d.ctrl('s');
    assert_eq!(d.form().fields[d.form().focus].key, FieldKey::CorrectReason);
    d.chars("电话号码漏记");
    d.ctrl('s');
    let phone = match &d.app.screen {
        xinfang::ui::app::Screen::Case(c) => c.row.case.intake.petitioners[0].phone.clone(),
        _ => panic!("no case open: {:?}", d.app.message),
    };
    assert_eq!(phone.as_deref(), Some("13912345678"));
    // The timeline says what changed and why; the footer offers the key.
    let screen = drawn(&d.app);
    assert!(screen.contains("更正登记信息"), "{screen}");
    assert!(screen.contains("电话—→13912345678"), "{screen}");
    assert!(screen.contains("理由：电话号码漏记"), "{screen}");
    d.app.message = None;
    let screen = drawn(&d.app);
    assert!(screen.contains("E更正"), "{screen}");
}

/// A correction half typed when the terminal dies is offered at the next start and comes
/// back as typed.
#[test]
fn a_correction_half_typed_survives_a_crash() {
    let mut d = Desk::new("李娜", 1);
    d.registered_visit("反映物业乱收费");
    d.key(KeyCode::Char('E'));
    d.to(FieldKey::Phone, Some(0));
    d.chars("13912345678");
    d.to(FieldKey::CorrectReason, None);
    d.chars("电话漏记");
    xinfang::ui::runtime::save_draft(&mut d.store, &mut d.app);
    d.app = d.restart("李娜");
    assert!(d.app.offered().is_some(), "the draft is offered");
    d.key(KeyCode::Enter);
    let phone = d.form().in_row(0, FieldKey::Phone).and_then(|f| f.text());
    assert_eq!(phone.as_deref(), Some("13912345678"));
    assert_eq!(
        d.form().text(FieldKey::CorrectReason).as_deref(),
        Some("电话漏记")
    );
    d.ctrl('s');
    d.case_id();
    assert!(d.store.drafts("李娜").unwrap().is_empty());
}

/// Art 30 第三款: the handler of a confidential case sees it without who the petitioners
/// are. A 更正 keeps who they were recorded as before it (its journal row, the case's
/// record of it): masked too, the old phone and name as the new.
#[test]
fn a_masked_handler_sees_neither_the_record_nor_what_it_was_before() {
    let l = common::accused::ledger();
    // Someone the accusation names may not rewrite it (Art 30 第三款), even by `apply`.
    let accused = json!({"op": "correct", "actor": "孙副局长", "case": "2026-0001",
        "at": "2026-11-22T09:00:00+08:00", "reason": "摘要有误", "summary": "无事"});
    for refused in [
        run(
            &["--db", l.db(), "--as", "孙副局长", "apply", "-"],
            &(accused.to_string() + "\n"),
        ),
        // Entered for them by another: the domain refuses the actor.
        l.apply(&(accused.to_string() + "\n")),
    ] {
        assert!(!refused.stdout.contains("\"ok\":true"), "{refused:?}");
    }
    let line = json!({"op": "correct", "actor": "李娜", "case": "2026-0001",
        "at": "2026-11-22T09:00:00+08:00", "reason": "钱某某电话13900139000录错，应为李某某13800138111",
        "petitioners": [
            {"name": "李某某", "id_type": "resident_id", "id_number": "11010519491231002X",
             "phone": "13800138111", "address": "幸福里3号楼", "main": true},
            {"name": "钱某", "phone": "13900139000", "representative": true}]});
    l.apply_ok(&(line.to_string() + "\n"));
    let masked = run(
        &[
            "--db",
            l.db(),
            "--as",
            "王强",
            "show",
            "2026-0001",
            "--json",
        ],
        "",
    );
    assert!(masked.success(), "{masked:?}");
    for secret in [
        "李某某",
        "钱某某",
        "钱某",
        "13800138000",
        "13800138111",
        "13900139000",
    ] {
        assert!(
            !masked.stdout.contains(secret),
            "{secret}: {}",
            masked.stdout
        );
    }
    let leader = run(&["--db", l.db(), "--as", "赵建国", "show", "2026-0001"], "");
    assert!(leader.stdout.contains("钱某（代表）"), "{leader:?}");
    assert!(leader.stdout.contains("理由：钱某某电话"), "{leader:?}");
    let check = l.check();
    assert!(check.success(), "{check:?}");
}

/// 人数 typed 30 for a visit of 3: corrected, the report's 人次 and 集体访 follow, the
/// dashboard's group visits too, and the plain recount agrees.
#[test]
fn a_corrected_count_of_people_moves_the_person_times_and_the_group_visits() {
    use common::recount::{compare, export};
    use common::report::{report_json, three};
    let l = Ledger::set_up();
    let mut intake: Value = serde_json::from_str(common::intake_lines(1, "集体访").trim()).unwrap();
    intake["people"] = json!(30);
    l.apply_ok(&(intake.to_string() + "\n"));
    let groups = |l: &Ledger| -> i64 {
        common::sqlite(std::path::Path::new(l.db()))
            .query_row("SELECT n FROM case_counts WHERE what = 'groups'", [], |r| {
                r.get(0)
            })
            .unwrap()
    };
    assert_eq!(groups(&l), 1);
    assert_eq!(
        three(&report_json(&l, "2026-01"), "intake", "person_times").0,
        30
    );
    let line = json!({"op": "correct", "actor": "李娜", "case": 1, "people": 3,
        "at": "2026-02-01T09:00:00+08:00", "reason": "人数多打一个0"});
    l.apply_ok(&(line.to_string() + "\n"));
    let r = report_json(&l, "2026-01");
    assert_eq!(three(&r, "intake", "person_times").0, 3);
    assert_eq!(groups(&l), 0);
    assert!(compare(&export(&l), &r) > 50);
    // Fewer than the petitioners named is refused.
    let none = json!({"op": "correct", "actor": "李娜", "case": 1, "people": 0,
        "at": "2026-02-01T09:00:00+08:00", "reason": "r"});
    assert!(!l.apply(&(none.to_string() + "\n")).success());
    let check = l.check();
    assert!(check.success(), "{check:?}");
}

/// A correction's draft comes back as it was typed: a petitioner taken off stays off, one
/// added stays on (the form is made from the case, with its rows, before the draft fills it).
#[test]
fn a_correction_s_draft_keeps_the_rows_as_they_were_typed() {
    use xinfang::ui::form::action::action_form;
    let mut d = Desk::new("李娜", 1);
    let mut two = intake_input();
    two.people = Some(2);
    let mut other = two.petitioners[0].clone();
    other.name = "李四".into();
    other.main = false;
    other.id_number = None;
    two.petitioners.push(other);
    let id = d.intake(two);
    common::desk::open_case(&mut d.store, &mut d.app, id);
    d.key(KeyCode::Char('E'));
    assert_eq!(d.form().rows(), 2);
    d.to(FieldKey::Name, Some(1));
    d.ctrl('d');
    d.ctrl('d');
    assert_eq!(d.form().rows(), 1);
    let draft = d.form().draft();
    let case_row = (d.store)
        .case(&xinfang::store::CaseRef::Id(id), d.app.today)
        .unwrap();
    let mut fresh = action_form(
        Op::Correct,
        &case_row,
        &Default::default(),
        xinfang::strings::Lang::Zh,
        d.app.today,
        d.app.clock.offset(),
    );
    assert_eq!(fresh.rows(), 2);
    fresh.restore(&draft);
    assert_eq!(fresh.rows(), 1);
}

/// An anonymous letter names nobody: its summary is corrected without a name asked for. A
/// letter's petitioners marked 代表 (by `apply` or an import) keep the mark when only the
/// summary is corrected at the desk, and the correction names no petitioner changed.
#[test]
fn the_desk_sends_only_what_was_changed() {
    let mut d = Desk::new("李娜", 1);
    let mut anonymous = intake_input();
    anonymous.channel = Channel::Letter;
    anonymous.anonymous = true;
    anonymous.petitioners.clear();
    let id = d.intake(anonymous);
    let mut letter = intake_input();
    letter.channel = Channel::Letter;
    letter.petitioners[0].representative = true;
    let other = d.intake(letter);
    for id in [id, other] {
        common::desk::open_case(&mut d.store, &mut d.app, id);
        d.key(KeyCode::Char('E'));
        d.to(FieldKey::Summary, None);
        d.chars("（补充）");
        d.to(FieldKey::CorrectReason, None);
        d.chars("摘要漏字");
        d.ctrl('s');
        let case = match &d.app.screen {
            xinfang::ui::app::Screen::Case(c) => c.row.case.clone(),
            _ => panic!("not saved: {:?}", d.app.message),
        };
        assert!(
            case.intake.summary.ends_with("（补充）"),
            "{:?}",
            case.intake.summary
        );
        assert!(case.corrections[0].petitioners_before.is_empty());
        if id == other {
            assert!(case.intake.petitioners[0].representative);
        }
    }
}

/// A correction's draft restored after another desk corrected the case meanwhile is saved
/// against the version it was typed on: refused as changed, never written over the other.
#[test]
fn a_stale_correction_draft_does_not_undo_another_desk_s() {
    let mut d = Desk::new("李娜", 1);
    d.registered_visit("反映物业乱收费");
    let id = d.case_id();
    d.key(KeyCode::Char('E'));
    d.to(FieldKey::CorrectReason, None);
    d.chars("补电话");
    d.to(FieldKey::Phone, Some(0));
    d.chars("13912345678");
    xinfang::ui::runtime::save_draft(&mut d.store, &mut d.app);
    let other = Correction {
        summary: Some("反映物业违规乱收费".into()),
        reason: "摘要不准".into(),
        ..Correction::default()
    };
    d.store
        .execute(&xinfang::store::Request {
            case: Some(xinfang::store::CaseRef::Id(id)),
            expected_version: None,
            command: Command::Correct(Box::new(other)),
            actor: "李娜".into(),
            at: t(1),
        })
        .unwrap();
    d.app = d.restart("李娜");
    d.key(KeyCode::Enter);
    d.ctrl('s');
    let case = d
        .store
        .case(&xinfang::store::CaseRef::Id(id), d.app.today)
        .unwrap()
        .case;
    assert_eq!(case.intake.summary, "反映物业违规乱收费");
    assert!(
        d.app.message.as_deref().is_some_and(|m| m.contains("已被")),
        "{:?}",
        d.app.message
    );
}

/// A missed 保密 tick is put right by a correction: from then the case's handler sees it
/// without who the petitioner is (Art 30 第三款). The protection is never lifted by one.
#[test]
fn a_correction_adds_confidentiality_and_never_lifts_it() {
    let l = common::accused::ledger();
    let handler_sees = || {
        run(
            &[
                "--db",
                l.db(),
                "--as",
                "刘洋",
                "show",
                "2026-0002",
                "--json",
            ],
            "",
        )
    };
    let before = handler_sees();
    assert!(before.stdout.contains("张三"), "{before:?}");
    let line = |on: bool| {
        json!({"op": "correct", "actor": "李娜", "case": "2026-0002", "confidential": on,
            "at": "2026-11-22T09:00:00+08:00", "reason": "漏勾保密"})
        .to_string()
            + "\n"
    };
    l.apply_ok(&line(true));
    let after = handler_sees();
    assert!(after.success(), "{after:?}");
    assert!(!after.stdout.contains("张三"), "{}", after.stdout);
    let lifted = l.apply(&line(false));
    assert!(lifted.stdout.contains("\"ok\":false"), "{lifted:?}");
    let zh = run(&["apply", "--db", l.db(), "-"], &line(false));
    assert!(zh.stdout.contains("第三十条"), "{zh:?}");
    let check = l.check();
    assert!(check.success(), "{check:?}");
}

/// The form shows whom the case accuses. A clerk's change of it is refused saying who may
/// make it, the form kept as typed; a leader's is saved, and only it is sent.
#[test]
fn the_desk_corrects_the_accused_for_a_leader_only() {
    let mut d = Desk::new("李娜", 1);
    let id = d.intake(intake_input());
    for who in ["李娜", "赵局长"] {
        d.app = d.restart(who);
        common::desk::open_case(&mut d.store, &mut d.app, id);
        d.key(KeyCode::Char('E'));
        assert_eq!(
            d.form().text(FieldKey::Target).as_deref(),
            Some("某街道办事处")
        );
        d.to(FieldKey::Target, None);
        d.ctrl('u');
        d.chars("某镇人民政府");
        d.to(FieldKey::CorrectReason, None);
        d.chars("被反映单位录错");
        d.ctrl('s');
        if who == "李娜" {
            let said = format!("{:?}", d.app.message);
            assert!(said.contains("须由领导更正"), "{said}");
            let kept = d.form().text(FieldKey::Target);
            assert_eq!(kept.as_deref(), Some("某镇人民政府"));
        }
    }
    let case = match &d.app.screen {
        xinfang::ui::app::Screen::Case(c) => c.row.case.clone(),
        _ => panic!("not saved: {:?}", d.app.message),
    };
    assert_eq!(case.intake.target.as_deref(), Some("某镇人民政府"));
    assert_eq!(case.corrections.len(), 1);
    assert!(case.corrections[0].petitioners_before.is_empty());
}
