//! Art 23 第三款: an item passed down that is not this office's is objected to the body that
//! passed it, with the reasons, within 5 working days (转送交办事项异议函); the petitioner is
//! sent no 不予受理告知书 (two trials found one, citing the wrong paragraph).

mod common;

use common::{Ledger, SETUP, run};

const OFFICE: &str = r#"{"op":"office","name":"某区信访局","prefix":"X信","hotline":"12345","seal":"某区信访局信访专用章","review_organ":"某市信访局"}"#;

/// Received Fri 2026-11-20 from 市信访局, declined Mon 11-23 as not this office's; a visit
/// declined on the same ground the same day.
const CASES: &str = r#"{"op":"intake","actor":"李娜","at":"2026-11-20T10:00:00+08:00","channel":"referral","referral":{"body":"市信访局","doc_no":"市信转〔2026〕30号"},"people":1,"petitioners":[{"name":"张三","main":true}],"category":"劳动社保","handling_type":"claim","summary":"反映工资拖欠","request":"要求支付工资","urgency":"normal"}
{"op":"register","actor":"李娜","case":1,"decision":"decline","reason":"not_competent","route":"属区人力资源和社会保障局职权，应由其依法处理","at":"2026-11-23T09:00:00+08:00"}
{"op":"intake","actor":"李娜","at":"2026-11-23T10:00:00+08:00","channel":"visit","people":1,"petitioners":[{"name":"李四","main":true}],"category":"劳动社保","handling_type":"claim","summary":"反映社保断缴","request":"要求补缴","urgency":"normal"}
{"op":"register","actor":"李娜","case":2,"decision":"decline","reason":"not_competent","route":"向区社会保险事业管理中心反映","at":"2026-11-23T11:00:00+08:00"}
"#;

fn notice(l: &Ledger, case: &str, kind: &str) -> common::Out {
    run(&["notice", "--db", l.db(), "--as", "李娜", case, kind], "")
}

#[test]
fn an_item_passed_down_that_is_not_ours_is_objected_to_not_declined() {
    let l = Ledger::new();
    l.apply_ok(&format!("{SETUP}{OFFICE}\n{CASES}"));
    let refused = notice(&l, "1", "decline");
    assert!(!refused.success(), "{refused:?}");
    assert!(
        refused.stderr.contains("出具异议函") && refused.stderr.contains("第二十三条第三款"),
        "{refused:?}"
    );
    let letter = notice(&l, "1", "objection");
    assert!(letter.success(), "{letter:?}");
    let text = &letter.stdout;
    for part in [
        "转送交办事项异议函",
        "市信访局：",
        "你单位以市信转〔2026〕30号转交本机关的张三反映",
        "属区人力资源和社会保障局职权，应由其依法处理。",
        "第二十三条第三款",
        "（异议期限至2026年11月27日）",
        "X信异〔2026〕1号",
    ] {
        assert!(text.contains(part), "{part}: {text}");
    }
    // The visit declined on the same ground is told, as Art 23 第一款 asks; it has no body
    // to object to.
    assert!(notice(&l, "2", "decline").success());
    let none = notice(&l, "2", "objection");
    assert!(
        !none.success() && none.stderr.contains("异议函只用于"),
        "{none:?}"
    );
}
