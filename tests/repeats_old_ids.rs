//! A petitioner who shows the old 15-digit card is the one who wrote with the new 18-digit
//! number (GB 11643: 19 put before the year, the check character computed): `repeats` and
//! the intake's repeat panel find one from the other (a trial's 陈德 was not found).

mod common;

use common::{Ledger, run};

const INTAKE: &str = r#"{"op":"intake","actor":"李娜","at":"2026-01-31T10:00:00+08:00","channel":"visit","people":1,"petitioners":[{"name":"陈德","id_type":"resident_id","id_number":"320102194702151219","main":true}],"category":"城乡建设","handling_type":"申诉求决","summary":"反映拆迁补偿款未到位","request":"要求支付"}"#;

fn found(l: &Ledger, id: &str) -> String {
    let out = run(&["repeats", "--db", l.db(), "--id", id, "--json"], "");
    assert!(out.success(), "{out:?}");
    out.stdout
}

#[test]
fn the_old_card_finds_the_new_number_and_back() {
    let l = Ledger::set_up();
    l.apply_ok(INTAKE);
    assert!(found(&l, "320102470215121").contains("拆迁补偿款"));
    let old = INTAKE
        .replace("320102194702151219", "320102470215121")
        .replace("拆迁补偿款未到位", "路灯不亮");
    l.apply_ok(&old);
    assert!(found(&l, "320102194702151219").contains("路灯不亮"));
}
