//! The superior's deadline (Art 22 (三)) through `apply` and `show`: an extension past it is
//! carried out with a warning that the superior must agree, and `show`'s timeline says so;
//! the 办结报告 is a step of its own.

mod common;

use common::{Ledger, run};

/// A referral received Mon 2026-03-02, due back to 市信访局 by Fri 2026-05-08; accepted Tue
/// 03-03 (handling due 03-03 + 60 = Sat 05-02, 劳动节 05-01..05 → Wed 05-06), assigned.
const REFERRAL: &str = r#"{"op":"intake","actor":"李娜","at":"2026-03-02T09:00:00+08:00","channel":"referral","referral":{"body":"市信访局","doc_no":"市信交〔2026〕12号","deadline":"2026-05-08"},"petitioners":[{"name":"张三","phone":"13800138000","main":true}],"category":"城乡建设","handling_type":"claim","target":"某街道办事处","summary":"反映拆迁补偿款至今未到位","request":"要求尽快支付","urgency":"normal"}
{"op":"register","actor":"李娜","case":1,"decision":"accept","at":"2026-03-03T09:00:00+08:00"}
{"op":"assign","actor":"李娜","case":1,"department":"城建科","handler":"王强","at":"2026-03-04T09:00:00+08:00"}
"#;

#[test]
fn apply_warns_of_an_extension_past_the_superiors_date_and_show_keeps_it() {
    let l = Ledger::set_up();
    let lines = l.apply_ok(REFERRAL);
    assert_eq!(lines[0]["due"]["superior"], "2026-05-08");
    // +10 days: 03-03 + 70 = Tue 05-12, past 05-08: carried out, with the warning.
    let ext = r#"{"op":"extend","actor":"赵局长","case":1,"days":10,"reason":"需现场勘查","at":"2026-03-10T09:00:00+08:00"}"#;
    let out = l.apply_ok(ext);
    assert_eq!(out[0]["due"]["handle"], "2026-05-12");
    let warning = out[0]["warnings"][0].as_str().unwrap_or_default();
    assert!(
        warning.contains("2026-05-12") && warning.contains("2026-05-08"),
        "{out:?}"
    );
    let show = run(&["show", "--db", l.db(), "1"], "");
    assert!(
        show.stdout
            .contains("超过上级要求办结日期2026-05-08，须经交办机关同意"),
        "{}",
        show.stdout
    );
}
