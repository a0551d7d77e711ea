//! Documents: every kind rendered for sample cases (snapshots), the
//! required content refused by name, numbers per kind and year, reprints
//! unchanged after a template changes, the case file and its JSON twin.

mod common;

use chrono::{DateTime, FixedOffset};
use serde_json::{Value, json};
use tempfile::TempDir;
use xinfang::config::Office;
use xinfang::documents::{Extra, Renderer, issue_or_reprint};
use xinfang::domain::command::Command;
use xinfang::domain::documents::{DocKind, OfficeProfile};
use xinfang::domain::rules::Operator;
use xinfang::domain::types::Role;
use xinfang::store::{CaseRef, Request, Store, StoreError};
use xinfang::strings::{Lang, errors};

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

struct Ledger {
    _dir: TempDir,
    store: Store,
    renderer: Renderer,
}

fn ledger() -> Ledger {
    let dir = TempDir::new().unwrap();
    let mut store = Store::open(
        &dir.path().join("l.db"),
        Office::builtin(),
        &xinfang::store::DataKey::from_bytes([7; 32]),
    )
    .unwrap();
    for (name, role, dept) in [
        ("李娜", Role::Clerk, None),
        ("赵局长", Role::Leader, None),
        ("王强", Role::Handler, Some("城建科")),
    ] {
        store
            .put_operator(&Operator {
                name: name.into(),
                role,
                department: dept.map(Into::into),
                active: true,
                unit: None,
                department_wide: false,
            })
            .unwrap();
    }
    store.put_department("城建科", true).unwrap();
    store
        .set_office_profile(&OfficeProfile {
            name: "某区信访局".into(),
            address: "某区人民路1号".into(),
            phone: "010-12345678".into(),
            hotline: "12345".into(),
            prefix: "X信".into(),
            seal: "某区信访局信访专用章".into(),
            review_organ: "某市信访局".into(),
            printer: String::new(),
            ..OfficeProfile::default()
        })
        .unwrap();
    Ledger {
        _dir: dir,
        store,
        renderer: Renderer::builtin().unwrap(),
    }
}

impl Ledger {
    /// Runs one `apply`-shaped command; returns the case number or id.
    fn run(&mut self, case: Option<&str>, actor: &str, when: &str, cmd: Value) -> String {
        let command: Command = serde_json::from_value(cmd.clone()).unwrap();
        let applied = self
            .store
            .execute(&Request {
                case: case.map(CaseRef::parse),
                expected_version: None,
                command,
                actor: actor.into(),
                at: at(when),
            })
            .unwrap_or_else(|e| panic!("{cmd}: {e}"));
        applied.case_no.unwrap_or_else(|| applied.id.to_string())
    }

    fn issue(
        &mut self,
        case: &str,
        kind: DocKind,
        basis: Option<&str>,
        when: &str,
    ) -> Result<(String, String, String), StoreError> {
        let extra = Extra {
            basis: basis.map(Into::into),
            ..Extra::default()
        };
        let out = issue_or_reprint(
            &mut self.store,
            &self.renderer,
            &CaseRef::parse(case),
            kind,
            &extra,
            "李娜",
            at(when),
        )?;
        Ok((out.document.number, out.document.text, out.document.html))
    }
}

fn intake(extra: Value) -> Value {
    let mut v = json!({
        "op": "intake", "channel": "visit", "people": 1,
        "petitioners": [{"name": "张三", "id_number": "11010519491231002X", "phone": "13800138000", "address": "朝阳区幸福里3号楼", "main": true}],
        "category": "城乡建设", "handling_type": "claim", "target": "某街道办事处",
        "summary": "反映拆迁补偿款至今未到位", "request": "要求尽快支付补偿款",
        "received_at": "2026-01-31T10:00:00+08:00"
    });
    if let (Some(base), Value::Object(more)) = (v.as_object_mut(), extra) {
        base.extend(more);
    }
    v
}

/// Accepted, assigned, extended, supervised, answered, archived.
fn full_case(l: &mut Ledger, intake_json: Value) -> String {
    let id = l.run(None, "李娜", "2026-01-31T10:00:00+08:00", intake_json);
    let no = l.run(
        Some(&id),
        "李娜",
        "2026-02-02T09:00:00+08:00",
        json!({"op":"register","decision":"accept"}),
    );
    l.run(
        Some(&no),
        "李娜",
        "2026-02-02T10:00:00+08:00",
        json!({"op":"assign","department":"城建科","handler":"王强","leader":"赵局长"}),
    );
    l.run(
        Some(&no),
        "赵局长",
        "2026-02-03T09:00:00+08:00",
        json!({"op":"extend","days":30,"reason":"需委托第三方评估补偿标准"}),
    );
    l.run(
        Some(&no),
        "赵局长",
        "2026-02-25T09:00:00+08:00",
        json!({"op":"supervise","ground":"leader","text":"请加快办理","feedback_by":"2026-03-10"}),
    );
    l.run(
        Some(&no),
        "王强",
        "2026-03-02T09:00:00+08:00",
        json!({"op":"opinion","text":"经核实，补偿款已列入拨付计划，将于3月20日前拨付到位"}),
    );
    l.run(
        Some(&no),
        "赵局长",
        "2026-03-03T09:00:00+08:00",
        json!({"op":"instruct","approve":true,"text":"同意"}),
    );
    l.run(Some(&no), "李娜", "2026-03-06T15:00:00+08:00", json!({"op":"reply","outcome":"support","method":"post","text":"经核实，补偿款已列入拨付计划，将于3月20日前拨付到位","served_at":"2026-03-06","signed":true}));
    no
}

const BASIS: &str = "《国有土地上房屋征收与补偿条例》第二十七条";

#[test]
fn every_kind_of_an_individual_visit() {
    let mut l = ledger();
    let no = full_case(&mut l, intake(json!({})));
    let mut numbers = Vec::new();
    for (kind, when) in [
        (DocKind::Accept, "2026-02-02T11:00:00+08:00"),
        (DocKind::Transfer, "2026-02-02T11:05:00+08:00"),
        (DocKind::Extension, "2026-02-03T10:00:00+08:00"),
        (DocKind::Supervision, "2026-02-25T10:00:00+08:00"),
        (DocKind::Reply, "2026-03-06T16:00:00+08:00"),
        (DocKind::Closing, "2026-03-07T09:00:00+08:00"),
    ] {
        let (number, text, html) = l.issue(&no, kind, Some(BASIS), when).unwrap();
        insta::assert_snapshot!(format!("individual_{}", kind.code()), text);
        // Print-ready and self-contained: no script, nothing fetched.
        for banned in ["<script", "http", "<link", "@import", "url("] {
            assert!(!html.contains(banned), "{banned} in {html}");
        }
        assert!(html.contains("@page { size: A4"));
        if kind == DocKind::Accept {
            insta::assert_snapshot!("individual_accept_html", html);
        }
        numbers.push(number);
    }
    assert_eq!(numbers[0], "X信告〔2026〕1号");
    assert_eq!(numbers[4], "X信复〔2026〕1号");
    l.run(
        Some(&no),
        "李娜",
        "2026-03-26T10:00:00+08:00",
        json!({"op":"archive"}),
    );
    let (volume, text, html) = l
        .issue(&no, DocKind::CaseFile, None, "2026-03-26T10:05:00+08:00")
        .unwrap();
    assert_eq!(volume, "X信卷〔2026〕1号");
    insta::assert_snapshot!("individual_casefile", text);
    // The case file holds every document as issued, and the timeline.
    for n in &numbers {
        assert!(html.contains(n.as_str()), "{n}");
    }
    assert!(html.contains("办理过程记录") && html.contains("卷内目录"));
    assert!(!html.contains("<script") && !html.contains("http"));
    let check = l.store.check().unwrap();
    assert!(check.ok(), "{check:?}");
}

/// 催办单: the latest 催办, addressed to whom it reminds, numbered 催; refused before any.
#[test]
fn a_reminder_sheet_names_the_latest_reminder() {
    let mut l = ledger();
    let id = l.run(None, "李娜", "2026-01-31T10:00:00+08:00", intake(json!({})));
    let no = l.run(
        Some(&id),
        "李娜",
        "2026-02-02T09:00:00+08:00",
        json!({"op":"register","decision":"accept"}),
    );
    l.run(
        Some(&no),
        "李娜",
        "2026-02-02T10:00:00+08:00",
        json!({"op":"assign","department":"城建科","handler":"王强"}),
    );
    let e = l
        .issue(&no, DocKind::Reminder, None, "2026-02-09T09:00:00+08:00")
        .unwrap_err();
    assert!(errors::store(Lang::Zh, &e).contains("催办"), "{e:?}");
    for (when, ground, by) in [
        ("2026-02-10T09:00:00+08:00", "请反馈办理进展", "2026-02-13"),
        (
            "2026-02-16T09:00:00+08:00",
            "逾期未反馈，再次催办",
            "2026-02-20",
        ),
    ] {
        let remind = json!({"op":"remind","ground":ground,"to":"城建科","reply_by":by});
        l.run(Some(&no), "李娜", when, remind);
    }
    let (number, text, _) = l
        .issue(&no, DocKind::Reminder, None, "2026-02-16T10:00:00+08:00")
        .unwrap();
    assert_eq!(number, "X信催〔2026〕1号");
    for want in [
        "城建科：",
        "承办人王强",
        "催办事由：逾期未反馈，再次催办（第2次催办）",
        "2026年2月20日前",
        "催办人：李娜",
    ] {
        assert!(text.contains(want), "missing {want}:\n{text}");
    }
}

#[test]
fn a_group_visit_is_answered_to_its_representatives() {
    let mut l = ledger();
    let group = intake(json!({
        "people": 12,
        "petitioners": [
            {"name": "周大山", "representative": true, "main": true},
            {"name": "吴秀兰", "representative": true},
            {"name": "郑小明", "representative": true},
        ],
        "summary": "小区供暖长期不达标",
        "request": "要求供热公司整改并退还部分取暖费",
    }));
    let no = full_case(&mut l, group);
    let (_, accept, _) = l
        .issue(&no, DocKind::Accept, None, "2026-02-02T11:00:00+08:00")
        .unwrap();
    insta::assert_snapshot!("group_accept", accept);
    let (_, reply, _) = l
        .issue(
            &no,
            DocKind::Reply,
            Some("《城镇供热管理条例》第十五条"),
            "2026-03-06T16:00:00+08:00",
        )
        .unwrap();
    insta::assert_snapshot!("group_reply", reply);
    assert!(reply.starts_with("某区信访局"));
    assert!(reply.contains("周大山、吴秀兰、郑小明（12人集体信访的代表）："));
}

#[test]
fn an_anonymous_letter_gets_internal_sheets_but_no_notice() {
    let mut l = ledger();
    let letter = intake(json!({
        "channel": "letter", "anonymous": true, "petitioners": [], "people": 1,
        "summary": "举报某工地夜间违规施工扰民", "request": "要求查处",
        "handling_type": "accusation", "target": "某建筑公司",
    }));
    let no = full_case(&mut l, letter);
    let refused = l
        .issue(&no, DocKind::Accept, None, "2026-02-02T11:00:00+08:00")
        .unwrap_err();
    let msg = errors::store(Lang::Zh, &refused);
    assert!(msg.contains("信访人姓名"), "{msg}");
    let (number, transfer, _) = l
        .issue(&no, DocKind::Transfer, None, "2026-02-02T11:00:00+08:00")
        .unwrap();
    // The refusal used no number.
    assert_eq!(number, "X信转〔2026〕1号");
    insta::assert_snapshot!("anonymous_transfer", transfer);
    let (_, closing, _) = l
        .issue(&no, DocKind::Closing, None, "2026-03-07T09:00:00+08:00")
        .unwrap();
    insta::assert_snapshot!("anonymous_closing", closing);
}

/// A confidential 举报's sheets to the handling unit name nobody, as the handler's screen
/// masks the name (a trial's 交办单 and 督办单 named the 举报人).
#[test]
fn a_confidential_item_s_sheets_name_no_petitioner() {
    let mut l = ledger();
    let secret = intake(json!({
        "confidential": true, "handling_type": "accusation",
        "summary": "举报某工地负责人收受贿赂", "request": "要求查处",
    }));
    let no = full_case(&mut l, secret);
    let (_, transfer, _) = l
        .issue(&no, DocKind::Transfer, None, "2026-02-02T11:00:00+08:00")
        .unwrap();
    assert!(
        transfer.contains("现将信访人（姓名保密）于") && !transfer.contains("张三"),
        "{transfer}"
    );
}

#[test]
fn a_declined_case_and_a_passed_on_one() {
    let mut l = ledger();
    let id = l.run(
        None,
        "李娜",
        "2026-01-31T10:00:00+08:00",
        intake(json!({"summary": "不服法院一审判决", "request": "要求改判"})),
    );
    let no = l.run(Some(&id), "李娜", "2026-02-02T09:00:00+08:00", json!({"op":"register","decision":"decline","reason":"legal_procedure","route":"依法向某市中级人民法院提起上诉"}));
    let (number, text, _) = l
        .issue(&no, DocKind::Decline, None, "2026-02-02T09:30:00+08:00")
        .unwrap();
    assert_eq!(number, "X信不受〔2026〕1号");
    insta::assert_snapshot!("declined_decline", text);
    // Not accepted: no acceptance notice, no reply letter.
    let e = l
        .issue(&no, DocKind::Accept, None, "2026-02-02T09:30:00+08:00")
        .unwrap_err();
    assert!(errors::store(Lang::Zh, &e).contains("受理决定"));

    let id = l.run(
        None,
        "李娜",
        "2026-02-03T10:00:00+08:00",
        intake(json!({"summary": "反映某县中学乱收费", "request": "要求退费"})),
    );
    let no = l.run(
        Some(&id),
        "李娜",
        "2026-02-03T11:00:00+08:00",
        json!({"op":"register","decision":"pass_on","to":"某县教育局"}),
    );
    let (_, text, _) = l
        .issue(&no, DocKind::Transfer, None, "2026-02-03T11:30:00+08:00")
        .unwrap();
    insta::assert_snapshot!("passed_on_transfer", text);
}

#[test]
fn a_missing_required_part_is_refused_by_name() {
    let mut l = ledger();
    let no = full_case(&mut l, intake(json!({})));
    // Art 32: the reply must state its legal basis.
    let e = l
        .issue(&no, DocKind::Reply, None, "2026-03-06T16:00:00+08:00")
        .unwrap_err();
    assert_eq!(
        errors::store(Lang::Zh, &e),
        "不能出具信访处理意见书：缺少处理意见的法律法规依据。请填写依据（命令行 --basis，或 apply 的 basis）（第三十二条）"
    );
    assert!(errors::store(Lang::En, &e).contains("the legal basis"));
    // A request never recorded at intake.
    let no2 = full_case(&mut l, intake(json!({"request": ""})));
    let e = l
        .issue(
            &no2,
            DocKind::Reply,
            Some(BASIS),
            "2026-03-06T16:00:00+08:00",
        )
        .unwrap_err();
    assert!(errors::store(Lang::Zh, &e).contains("信访人投诉请求"));
    // Nothing was numbered by the refusals.
    let (number, _, _) = l
        .issue(
            &no,
            DocKind::Reply,
            Some(BASIS),
            "2026-03-06T16:00:00+08:00",
        )
        .unwrap();
    assert_eq!(number, "X信复〔2026〕1号");
    // An extension notice before any extension.
    let id = l.run(None, "李娜", "2026-02-01T10:00:00+08:00", intake(json!({})));
    let no3 = l.run(
        Some(&id),
        "李娜",
        "2026-02-02T09:00:00+08:00",
        json!({"op":"register","decision":"accept"}),
    );
    let e = l
        .issue(&no3, DocKind::Extension, None, "2026-02-02T09:30:00+08:00")
        .unwrap_err();
    assert!(errors::store(Lang::Zh, &e).contains("延期决定"));
}

#[test]
fn a_reprint_is_the_text_as_issued_even_after_the_template_changes() {
    let mut l = ledger();
    let no = full_case(&mut l, intake(json!({})));
    let (number, text, html) = l
        .issue(&no, DocKind::Accept, None, "2026-02-02T11:00:00+08:00")
        .unwrap();
    // An office's override of the acceptance template.
    let dir = TempDir::new().unwrap();
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    std::fs::write(
        dir.path().join("templates/accept.txt"),
        "{{ to }}：\n\n已受理，新模板。\n",
    )
    .unwrap();
    l.renderer = Renderer::load(Some(dir.path())).unwrap();
    let (again, text2, html2) = l
        .issue(&no, DocKind::Accept, None, "2026-02-05T11:00:00+08:00")
        .unwrap();
    assert_eq!((&again, &text2, &html2), (&number, &text, &html));
    // Issued anew, the office's template is used, with the next number.
    let out = issue_or_reprint(
        &mut l.store,
        &l.renderer,
        &CaseRef::parse(&no),
        DocKind::Accept,
        &Extra {
            again: true,
            ..Extra::default()
        },
        "李娜",
        at("2026-02-05T11:00:00+08:00"),
    )
    .unwrap();
    assert_eq!(out.document.number, "X信告〔2026〕2号");
    assert!(out.document.text.contains("已受理，新模板。"));
    // A template that does not compile names its file.
    std::fs::write(dir.path().join("templates/reply.txt"), "{% if %}").unwrap();
    let e = Renderer::load(Some(dir.path())).err().unwrap();
    assert!(e.starts_with("reply.txt"), "{e}");
}

#[test]
fn check_finds_a_kept_document_altered_behind_the_ledgers_back() {
    let mut l = ledger();
    let no = full_case(&mut l, intake(json!({})));
    l.issue(&no, DocKind::Accept, None, "2026-02-02T11:00:00+08:00")
        .unwrap();
    assert!(l.store.check().unwrap().ok());
    let path = l.store.path().to_owned();
    let raw = common::sqlite(&path);
    raw.execute_batch(
        "DROP TRIGGER documents_refuse_update;
         UPDATE documents SET text = replace(text, '60日', '90日');",
    )
    .unwrap();
    let report = l.store.check().unwrap();
    let bad = report
        .first_bad_case
        .expect("the altered document is found");
    assert!(bad.problem.contains("X信告〔2026〕1号"), "{}", bad.problem);
}

#[test]
fn an_office_without_a_name_is_told_how_to_set_one() {
    let dir = TempDir::new().unwrap();
    let mut store = Store::open(
        &dir.path().join("l.db"),
        Office::builtin(),
        &xinfang::store::DataKey::from_bytes([7; 32]),
    )
    .unwrap();
    store
        .put_operator(&Operator {
            name: "李娜".into(),
            role: Role::Clerk,
            department: None,
            active: true,
            unit: None,
            department_wide: false,
        })
        .unwrap();
    let mut l = Ledger {
        _dir: dir,
        store,
        renderer: Renderer::builtin().unwrap(),
    };
    let id = l.run(None, "李娜", "2026-01-31T10:00:00+08:00", intake(json!({})));
    let no = l.run(
        Some(&id),
        "李娜",
        "2026-02-02T09:00:00+08:00",
        json!({"op":"register","decision":"accept"}),
    );
    let e = l
        .issue(&no, DocKind::Accept, None, "2026-02-02T09:30:00+08:00")
        .unwrap_err();
    let msg = errors::store(Lang::Zh, &e);
    assert!(
        msg.contains("缺少单位名称") && msg.contains("按 o"),
        "{msg}"
    );
}

#[test]
fn what_the_petitioner_wrote_is_printed_never_run() {
    let mut l = ledger();
    let id = l.run(
        None,
        "李娜",
        "2026-01-31T10:00:00+08:00",
        intake(
            json!({"summary": "反映<script>alert(1)</script>问题", "request": "要求<script>alert(1)</script>处理"}),
        ),
    );
    let no = l.run(
        Some(&id),
        "李娜",
        "2026-02-02T09:00:00+08:00",
        json!({"op":"register","decision":"accept"}),
    );
    let (_, text, html) = l
        .issue(&no, DocKind::Accept, None, "2026-02-02T09:30:00+08:00")
        .unwrap();
    // The acceptance notice quotes the request (issue 18: the petitioner's words).
    assert!(text.contains("要求<script>alert(1)</script>处理"));
    assert!(
        !html.contains("<script") && html.contains("&lt;script&gt;"),
        "{html}"
    );
}

/// A 不予受理告知书 cites the article its ground rests on, not Art 23 for every ground (a trial
/// found 复核后仍以同一事实和理由 declined under 第二十三条).
#[test]
fn a_decline_notice_cites_its_grounds_article() {
    let mut l = ledger();
    for (reason, article) in [
        ("final_after_re_review", "第三十六条第三款"),
        ("window_missed", "第三十五条、第三十六条"),
        ("in_progress", "第十九条第三款"),
        ("not_competent", "第二十三条"),
    ] {
        let id = l.run(None, "李娜", "2026-01-31T10:00:00+08:00", intake(json!({})));
        let decline = json!({"op":"register","decision":"decline","reason":reason,"route":"向有权处理的机关提出"});
        let no = l.run(Some(&id), "李娜", "2026-02-02T09:00:00+08:00", decline);
        let (_, text, _) = l
            .issue(&no, DocKind::Decline, None, "2026-02-02T09:30:00+08:00")
            .unwrap();
        let cited = format!("（《信访工作条例》{article}）。");
        assert!(text.contains(&cited), "{reason}: {text}");
    }
}

/// The 受理告知书 of a 复查 tells of the 复核 left, not of 复查、复核 both (Art 36).
#[test]
fn a_review_cases_acceptance_notice_tells_of_the_one_step_left() {
    let mut l = ledger();
    let no = full_case(&mut l, intake(json!({})));
    let review = json!({"op":"review","text":"对处理意见不服，请求复查"});
    let id = l.run(Some(&no), "李娜", "2026-03-10T09:00:00+08:00", review);
    let accept = json!({"op":"register","decision":"accept"});
    let review_no = l.run(Some(&id), "李娜", "2026-03-10T10:00:00+08:00", accept);
    let (_, text, _) = l
        .issue(
            &review_no,
            DocKind::Accept,
            None,
            "2026-03-10T10:30:00+08:00",
        )
        .unwrap();
    assert!(!text.contains("请求复查、复核"), "{text}");
    assert!(
        text.contains("对复查意见不服的，可以自收到书面答复之日起30日内请求复核"),
        "{text}"
    );
}

/// A time written in another offset is the office's moment and day: received at 17:00 UTC
/// on 01-31 is 01:00 on 02-01 in the office, and its notice says so (a trial's notice
/// printed the UTC day while its clocks counted from the office's).
#[test]
fn a_time_in_another_offset_is_read_as_the_offices_day() {
    let mut l = ledger();
    let id = l.run(
        None,
        "李娜",
        "2026-02-01T01:30:00+08:00",
        intake(json!({"received_at": "2026-01-31T17:00:00Z"})),
    );
    let accept = json!({"op":"register","decision":"accept"});
    let no = l.run(Some(&id), "李娜", "2026-02-02T09:00:00Z", accept);
    let (_, text, _) = l
        .issue(&no, DocKind::Accept, None, "2026-02-02T10:00:00+08:00")
        .unwrap();
    assert!(text.contains("于2026年2月1日"), "{text}");
    assert!(text.contains("已于2026年2月2日登记受理"), "{text}");
}
