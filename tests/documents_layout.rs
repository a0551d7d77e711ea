//! Every notice on ONE A4 page, by measured layout rules (no browser here to print with):
//! GB/T 9704's text block of 156mm × 225mm, the body at 16pt on 28pt lines (27 full-width
//! characters to a line), the header, the seal's 42mm and the footer at the heights
//! `assets/templates/style.css` gives them. Each kind is issued for a case carrying the
//! longest texts of the demo's topics (assets/demo/topics.txt) with the longest names the
//! demo and a county office use, and its HTML measured. Also: the seal's place is blank
//! unless an electronic seal is set; a set one that cannot be read is refused by name.

mod common;

use chrono::{DateTime, FixedOffset};
use serde_json::{Value, json};
use tempfile::TempDir;
use xinfang::config::Office;
use xinfang::documents::{Extra, Renderer, issue_or_reprint};
use xinfang::domain::command::Command;
use xinfang::domain::documents::{DocKind, OfficeProfile};
use xinfang::domain::flags::{KeyFlag, PersonFlag};
use xinfang::domain::rules::Operator;
use xinfang::domain::types::Role;
use xinfang::store::{CaseRef, Request, Store, StoreError};

// The text block and the type (GB/T 9704; style.css).
const PT_PER_MM: f64 = 72.0 / 25.4;
const BLOCK_W_MM: f64 = 156.0;
const BLOCK_H_MM: f64 = 225.0;
const BODY_PT: f64 = 16.0;
const LINE_PT: f64 = 28.0;
// A sheet to a unit (交办单, 督办单, 催办单, 办结报告, 函): 14pt on 24pt lines.
const SHEET_PT: f64 = 14.0;
const SHEET_LINE: f64 = 24.0;
// style.css: header (office 24pt line, title 30pt lines, number 24pt, 4pt under), the seal's
// room, the footer (4pt + 1pt rule + 3pt, 11pt lines at 9pt).
const OFFICE_LINE: f64 = 24.0;
const TITLE_PT: f64 = 22.0;
const TITLE_LINE: f64 = 30.0;
const NUMBER_LINE: f64 = 24.0;
const HEADER_GAP: f64 = 4.0;
const SEAL_MM: f64 = 42.0;
const FOOTER_PT: f64 = 9.0;
const FOOTER_LINE: f64 = 11.0;
const FOOTER_GAP: f64 = 8.0;

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

/// Width in ems at the type's size: CJK and full-width forms one, the rest (digits,
/// Latin, half-width punctuation) a half.
fn ems(s: &str) -> f64 {
    s.chars()
        .map(|c| if (c as u32) < 0x2E80 { 0.5 } else { 1.0 })
        .sum()
}

/// Lines a paragraph takes in `width_pt` at `size_pt`, after `indent` ems: whole characters
/// only, as a browser breaks CJK text.
fn lines(text: &str, indent: f64, size_pt: f64, width_pt: f64) -> usize {
    let per_line = (width_pt / size_pt).floor();
    ((indent + ems(text)) / per_line).ceil().max(1.0) as usize
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#x2f;", "/")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The text between `open`'s end and the next `close`, each time.
fn between<'a>(html: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(open) {
        let after = &rest[i + open.len()..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let body = &after[tag_end + 1..];
        let Some(j) = body.find(close) else { break };
        out.push(&body[..j]);
        rest = &body[j..];
    }
    out
}

/// What a notice's HTML takes of the text block, in pt, and its body lines.
struct Measure {
    total: f64,
    body_lines: usize,
}

fn measure(html: &str) -> Measure {
    let width = BLOCK_W_MM * PT_PER_MM;
    let title = unescape(between(html, "<h1", "</h1>")[0]);
    let header = OFFICE_LINE
        + TITLE_LINE * lines(&title, 0.0, TITLE_PT, width) as f64
        + NUMBER_LINE
        + HEADER_GAP;
    let sheet = html.contains("class=\"doc sheet\"");
    let (size, line) = if sheet {
        (SHEET_PT, SHEET_LINE)
    } else {
        (BODY_PT, LINE_PT)
    };
    let mut body_lines = 0;
    for p in between(html, "<p", "</p>") {
        let indent = if html.contains(&format!("<p class=\"to\">{p}</p>")) {
            0.0
        } else {
            2.0
        };
        body_lines += lines(&unescape(p), indent, size, width);
    }
    let footer = between(html, "<footer", "</footer>")
        .first()
        .map_or(0.0, |f| {
            let spans: Vec<String> = between(f, "<span", "</span>")
                .iter()
                .map(|s| unescape(s))
                .collect();
            // 1.5em between the spans.
            let text = spans.join("　　");
            FOOTER_GAP + FOOTER_LINE * lines(&text, 0.0, FOOTER_PT, width) as f64
        });
    Measure {
        total: header + line * body_lines as f64 + SEAL_MM * PT_PER_MM + footer,
        body_lines,
    }
}

struct Ledger {
    _dir: TempDir,
    store: Store,
    renderer: Renderer,
}

/// A county office with a long name and address, its staff with long names.
fn ledger() -> Ledger {
    let dir = TempDir::new().unwrap();
    let key = xinfang::store::DataKey::from_bytes([7; 32]);
    let mut store = Store::open(&dir.path().join("l.db"), Office::builtin(), &key).unwrap();
    for (name, role, dept) in [
        ("李娜", Role::Clerk, None),
        ("司马建国", Role::Leader, None),
        ("欧阳晓明", Role::Handler, Some(DEPT)),
    ] {
        let op = Operator {
            name: name.into(),
            role,
            department: dept.map(Into::into),
            active: true,
            unit: None,
            department_wide: false,
        };
        store.put_operator(&op).unwrap();
    }
    store.put_department(DEPT, true).unwrap();
    let mut phones = std::collections::BTreeMap::new();
    phones.insert("司马建国".to_owned(), "0558-12345678".to_owned());
    phones.insert("欧阳晓明".to_owned(), "0558-87654321".to_owned());
    store
        .set_office_profile(&OfficeProfile {
            name: "某某市某某区人民政府信访局".into(),
            address: "某某省某某市某某区人民路100号行政服务中心3楼".into(),
            phone: "0558-1234567".into(),
            hotline: "0558-12345".into(),
            prefix: "某信".into(),
            review_organ: "某某市人民政府信访局".into(),
            phones,
            ..OfficeProfile::default()
        })
        .unwrap();
    Ledger {
        _dir: dir,
        store,
        renderer: Renderer::builtin().unwrap(),
    }
}

const DEPT: &str = "区人力资源和社会保障局";

/// The longest line of `tag` in the demo's topics, its blanks filled in with the
/// longest words the demo puts there.
fn longest(tag: &str) -> String {
    let topics = include_str!("../assets/demo/topics.txt");
    let line = topics
        .lines()
        .filter_map(|l| l.strip_prefix(tag))
        .max_by_key(|l| l.chars().count())
        .unwrap();
    let mut out = String::new();
    let mut rest = line.trim();
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let j = rest[i..].find('}').unwrap() + i;
        out.push_str("某某某某某");
        rest = &rest[j + 1..];
    }
    out.push_str(rest);
    out
}

impl Ledger {
    fn run(&mut self, case: Option<&str>, actor: &str, when: &str, cmd: Value) -> String {
        let command: Command = serde_json::from_value(cmd.clone()).unwrap();
        let req = Request {
            case: case.map(CaseRef::parse),
            expected_version: None,
            command,
            actor: actor.into(),
            at: at(when),
        };
        let applied = self
            .store
            .execute(&req)
            .unwrap_or_else(|e| panic!("{cmd}: {e}"));
        applied.case_no.unwrap_or_else(|| applied.id.to_string())
    }

    fn issue(
        &mut self,
        case: &str,
        kind: DocKind,
        actor: &str,
        when: &str,
    ) -> Result<(String, String), StoreError> {
        let extra = Extra {
            basis: Some("《国有土地上房屋征收与补偿条例》第十九条、第二十五条，《某某省国有土地上房屋征收与补偿办法》第三十一条".into()),
            advice: Some(format!("{}建议你单位对同类问题开展一次集中排查，完善政策解释口径和办理流程，建立问题台账，明确责任人和办结时限，并于每月底前将整改进展书面报送本机关。", "针对近期群众反映集中的问题，")),
            ..Extra::default()
        };
        let out = issue_or_reprint(
            &mut self.store,
            &self.renderer,
            &CaseRef::parse(case),
            kind,
            &extra,
            actor,
            at(when),
        )?;
        Ok((out.document.text, out.document.html))
    }

    /// Taken in with the longest texts, accepted, assigned with a 包案领导, extended,
    /// supervised, reminded, answered.
    fn long_case(&mut self) -> String {
        let summary = format!(
            "信访人通过网上信访平台反映：信访人曾于2025年12月就同一问题反映（见关联件），{}{}{}",
            longest("S:"),
            "该问题已持续较长时间，严重影响信访人及家人的正常生活。",
            "信访人称此前已向有关部门反映，但一直没有得到明确答复。"
        );
        let intake = json!({
            "op": "intake", "channel": "online", "people": 1,
            "petitioners": [{"name": "欧阳某某", "id_number": "11010519491231002X", "phone": "13800138000", "address": "某某区某某街道某某小区3号楼", "main": true}],
            "category": "城乡建设", "handling_type": "claim", "target": "某某区房屋征收事务中心",
            "summary": summary, "request": format!("信访人{}", longest("R:")),
            "received_at": "2026-01-31T10:00:00+08:00"
        });
        let id = self.run(None, "李娜", "2026-01-31T10:00:00+08:00", intake);
        let no = self.run(
            Some(&id),
            "李娜",
            "2026-02-02T09:00:00+08:00",
            json!({"op":"register","decision":"accept"}),
        );
        let steps = [
            (
                "李娜",
                "2026-02-02T10:00:00+08:00",
                json!({"op":"assign","department":DEPT,"handler":"欧阳晓明","leader":"司马建国"}),
            ),
            (
                "司马建国",
                "2026-02-03T09:00:00+08:00",
                json!({"op":"extend","days":30,"reason":"需委托有资质的第三方评估机构对补偿标准重新评估，并征求相关部门意见"}),
            ),
            (
                "司马建国",
                "2026-02-25T09:00:00+08:00",
                json!({"op":"supervise","ground":"leader","text":"请加快办理进度，逐项核实信访人反映的问题，按期书面反馈办理情况，防止矛盾激化","feedback_by":"2026-03-10"}),
            ),
            (
                "李娜",
                "2026-03-30T09:00:00+08:00",
                json!({"op":"remind","ground":"该事项即将到期，至今未报送办理进展，请抓紧办理并按期答复信访人","to":DEPT,"reply_by":"2026-04-02"}),
            ),
            (
                "欧阳晓明",
                "2026-03-31T09:00:00+08:00",
                json!({"op":"opinion","text":REPLY}),
            ),
            (
                "司马建国",
                "2026-04-01T09:00:00+08:00",
                json!({"op":"instruct","approve":true,"text":"同意"}),
            ),
        ];
        for (who, when, cmd) in steps {
            self.run(Some(&no), who, when, cmd);
        }
        self.run(Some(&no), "李娜", "2026-04-02T15:00:00+08:00", json!({"op":"reply","outcome":"support","method":"post","text":REPLY,"served_at":"2026-04-02","signed":true}));
        no
    }
}

/// The demo's longest reply, with the 复查 sentence it ends on.
const REPLY: &str = "关于您反映的拆迁补偿问题，经调查核实，您的诉求符合政策规定，予以支持，相关单位将于30日内落实。如对本处理意见不服，可自收到本意见书之日起30日内向上一级行政机关请求复查。";

fn fits(kind: DocKind, html: &str) {
    let m = measure(html);
    let page = BLOCK_H_MM * PT_PER_MM;
    // Half a line to spare for a character pushed down by line-breaking rules.
    assert!(
        m.total + LINE_PT / 2.0 <= page,
        "{kind:?} takes {:.0}pt of {page:.0}pt ({} body lines):\n{html}",
        m.total,
        m.body_lines
    );
    // No imitation seal: only an image the office set is drawn there.
    assert!(!html.contains("class=\"seal\""), "{kind:?}");
}

#[test]
fn every_notice_with_the_longest_texts_keeps_to_one_page() {
    let mut l = ledger();
    let no = l.long_case();
    let issued = [
        (DocKind::Accept, "李娜", "2026-02-02T11:00:00+08:00"),
        (DocKind::Transfer, "李娜", "2026-02-02T11:05:00+08:00"),
        (DocKind::Extension, "李娜", "2026-02-03T10:00:00+08:00"),
        (DocKind::Supervision, "李娜", "2026-02-25T10:00:00+08:00"),
        (DocKind::Reminder, "李娜", "2026-03-30T10:00:00+08:00"),
        (DocKind::Reply, "李娜", "2026-04-02T16:00:00+08:00"),
        (DocKind::Closing, "李娜", "2026-04-03T09:00:00+08:00"),
        (DocKind::Advice, "司马建国", "2026-04-03T10:00:00+08:00"),
    ];
    for (kind, who, when) in issued {
        let (_, html) = l
            .issue(&no, kind, who, when)
            .unwrap_or_else(|e| panic!("{kind:?}: {e}"));
        fits(kind, &html);
        insta::assert_snapshot!(format!("long_{}_html", kind.code()), html);
    }
    // The flag on the petitioner: the 预警稳控提醒函 to the unit.
    let flag = PersonFlag {
        no: 0,
        name: "欧阳某某".into(),
        id_number: Some("11010519491231002X".into()),
        phone: None,
        address: None,
        flag: KeyFlag::Beijing,
        reason: "曾于2025年12月赴京上访，并在网络平台扬言如问题得不到解决将再次进京，情绪较为激动"
            .into(),
        on: chrono::NaiveDate::from_ymd_opt(2026, 2, 1).unwrap(),
        by: "司马建国".into(),
    };
    l.store
        .set_flag("司马建国", at("2026-02-01T09:00:00+08:00"), &flag)
        .unwrap();
    let (_, html) = l
        .issue(&no, DocKind::Warning, "李娜", "2026-04-03T11:00:00+08:00")
        .unwrap();
    fits(DocKind::Warning, &html);
    insta::assert_snapshot!("long_warning_html", html);
}

#[test]
fn a_declined_and_a_passed_on_case_keep_to_one_page() {
    let mut l = ledger();
    let intake = |request: &str| {
        json!({
            "op": "intake", "channel": "visit", "people": 1,
            "petitioners": [{"name": "欧阳某某", "phone": "13800138000", "main": true}],
            "category": "劳动社保", "summary": format!("信访人来访反映：{}", longest("S:")),
            "request": request, "received_at": "2026-01-31T10:00:00+08:00"
        })
    };
    let id = l.run(
        None,
        "李娜",
        "2026-01-31T10:00:00+08:00",
        intake(&longest("R:")),
    );
    let decline = json!({"op":"register","decision":"decline","reason":"legal_procedure",
        "route":"该事项属于劳动争议，请依法向区劳动人事争议仲裁委员会申请劳动仲裁",
        "note":"您反映的拖欠工资问题属于劳动争议，依法应当通过劳动仲裁途径解决。"});
    let no = l.run(Some(&id), "李娜", "2026-02-02T09:00:00+08:00", decline);
    let (text, html) = l
        .issue(&no, DocKind::Decline, "李娜", "2026-02-02T10:00:00+08:00")
        .unwrap();
    fits(DocKind::Decline, &html);
    assert!(
        text.contains("请您依法向区劳动人事争议仲裁委员会申请劳动仲裁"),
        "{text}"
    );
    insta::assert_snapshot!("long_decline_html", html);

    let id = l.run(None, "李娜", "2026-01-31T10:00:00+08:00", intake(""));
    let pass = json!({"op":"register","decision":"pass_on","to":"某某市自然资源和规划局某某分局","assign":true});
    let no = l.run(Some(&id), "李娜", "2026-02-02T09:00:00+08:00", pass);
    let (_, html) = l
        .issue(
            &no,
            DocKind::Whereabouts,
            "李娜",
            "2026-02-02T10:00:00+08:00",
        )
        .unwrap();
    fits(DocKind::Whereabouts, &html);
    insta::assert_snapshot!("long_whereabouts_html", html);
}

/// The 不再受理告知书 (Art 36 第三款) at the end of the longest chain: the long case replied,
/// its 复查 and its 复核 handled with the longest reply, and a request after the 复核 quoting
/// the demo's longest request.
#[test]
fn the_notice_not_to_accept_again_keeps_to_one_page() {
    let mut l = ledger();
    let mut no = l.long_case();
    let days = [
        ("2026-04-10", "2026-04-13", "2026-04-30"),
        ("2026-05-08", "2026-05-11", "2026-05-29"),
    ];
    for (asked, handled, served) in days {
        let review = json!({"op":"review","text":format!("对处理意见不服，{}", longest("R:"))});
        no = l.run(
            Some(&no),
            "李娜",
            &format!("{asked}T09:00:00+08:00"),
            review,
        );
        let at = |t: &str| format!("{handled}T{t}:00+08:00");
        l.run(
            Some(&no),
            "李娜",
            &at("09:00"),
            json!({"op":"register","decision":"accept"}),
        );
        let assign = json!({"op":"assign","department":DEPT,"handler":"欧阳晓明"});
        l.run(Some(&no), "李娜", &at("09:10"), assign);
        l.run(
            Some(&no),
            "欧阳晓明",
            &at("09:20"),
            json!({"op":"opinion","text":REPLY}),
        );
        let yes = json!({"op":"instruct","approve":true});
        l.run(Some(&no), "司马建国", &at("09:30"), yes);
        let reply = json!({"op":"reply","outcome":"reject","method":"post","text":REPLY,
            "served_at":served,"signed":true});
        l.run(
            Some(&no),
            "李娜",
            &format!("{served}T15:00:00+08:00"),
            reply,
        );
    }
    let again = json!({"op":"no_further","text":format!("仍以同一事实和理由要求：{}", longest("R:")),
        "received_on":"2026-06-05"});
    l.run(Some(&no), "李娜", "2026-06-05T09:00:00+08:00", again);
    let (text, html) = l
        .issue(&no, DocKind::NoFurther, "李娜", "2026-06-05T10:00:00+08:00")
        .unwrap_or_else(|e| panic!("no_further: {e}"));
    assert!(text.contains("第三十六条第三款"), "{text}");
    fits(DocKind::NoFurther, &html);
}

#[test]
fn an_electronic_seal_is_put_over_the_signature_and_a_bad_one_is_named() {
    let mut l = ledger();
    let no = l.long_case();
    let seal = l._dir.path().join("seal.png");
    std::fs::write(&seal, b"\x89PNG\r\n\x1a\n-not-a-real-seal-").unwrap();
    let set = |l: &mut Ledger, path: &str| {
        l.store
            .set_office_profile(&OfficeProfile {
                seal_image: path.into(),
                ..OfficeProfile::default()
            })
            .unwrap();
    };
    set(&mut l, &seal.to_string_lossy());
    let (_, html) = l
        .issue(&no, DocKind::Accept, "李娜", "2026-02-02T11:00:00+08:00")
        .unwrap();
    assert!(
        html.contains("<img class=\"seal\" alt=\"\" src=\"data:image&#x2f;png;base64,iVBORw0KGgo"),
        "{html}"
    );
    // Set, but gone: refused, naming the setting and the file; nothing is issued.
    set(&mut l, "/nonexistent/seal.png");
    let e = l
        .issue(&no, DocKind::Transfer, "李娜", "2026-02-02T11:05:00+08:00")
        .unwrap_err();
    let said = xinfang::strings::errors::store(xinfang::strings::Lang::Zh, &e);
    assert!(
        said.contains("seal_image") && said.contains("/nonexistent/seal.png"),
        "{said}"
    );
}

#[test]
fn the_suggestion_letter_is_a_leaders_and_the_warning_needs_a_flag() {
    let mut l = ledger();
    let no = l.long_case();
    let e = l
        .issue(&no, DocKind::Advice, "李娜", "2026-04-03T10:00:00+08:00")
        .unwrap_err();
    assert!(e.to_string().contains("Leader"), "{e}");
    let e = l
        .issue(&no, DocKind::Warning, "李娜", "2026-04-03T10:00:00+08:00")
        .unwrap_err();
    let said = xinfang::strings::errors::store(xinfang::strings::Lang::Zh, &e);
    assert!(said.contains("重点信访人"), "{said}");
}
