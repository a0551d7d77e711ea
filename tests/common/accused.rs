//! The office of issue 15 (confidentiality): a confidential, named accusation against
//! 区住建局 / 刘洋 and a plain case of 刘洋's own, as `apply` lines, and the same ledger
//! opened in process as one reader.
#![allow(dead_code)]

use xinfang::config::Office;
use xinfang::store::{Store, Viewer};

/// The office of issue 15 as `apply` lines: a confidential, named accusation against
/// 区住建局 / 刘洋 (2026-0001), handled by 王强 of 城建科, and a plain case of 刘洋's own
/// (2026-0002); 孙副局长 comes from 区住建局 too.
pub const OFFICE: &str = r#"{"op":"department","name":"城建科"}
{"op":"department","name":"住建科"}
{"op":"operator","name":"李娜","role":"clerk"}
{"op":"operator","name":"赵建国","role":"leader"}
{"op":"operator","name":"孙副局长","role":"leader","unit":"区住建局"}
{"op":"operator","name":"王强","role":"handler","department":"城建科"}
{"op":"operator","name":"赵敏","role":"handler","department":"城建科"}
{"op":"operator","name":"刘洋","role":"handler","department":"住建科","unit":"区住建局"}
{"op":"intake","actor":"李娜","at":"2026-11-20T10:00:00+08:00","channel":"letter","people":2,"petitioners":[{"name":"李某某","id_type":"resident_id","id_number":"11010519491231002X","phone":"13800138000","address":"幸福里3号楼","main":true},{"name":"钱某某","phone":"13900139000","representative":true}],"confidential":true,"category":"城乡建设","handling_type":"检举控告","target":"区住建局","target_person":"刘洋","summary":"检举违规审批安置房","request":"要求查处","urgency":"major"}
{"op":"register","actor":"李娜","case":1,"decision":"accept","at":"2026-11-20T11:00:00+08:00"}
{"op":"assign","actor":"李娜","case":"2026-0001","department":"城建科","handler":"王强","leader":"赵建国","at":"2026-11-20T12:00:00+08:00"}
{"op":"intake","actor":"李娜","at":"2026-11-21T10:00:00+08:00","channel":"visit","people":1,"petitioners":[{"name":"张三","id_type":"resident_id","id_number":"440524188001010014","main":true}],"category":"城乡建设","handling_type":"申诉求决","target":"某街道办事处","summary":"反映小区路灯损坏","request":"要求修复","urgency":"major"}
{"op":"register","actor":"李娜","case":2,"decision":"accept","at":"2026-11-21T11:00:00+08:00"}
{"op":"assign","actor":"李娜","case":"2026-0002","department":"住建科","handler":"刘洋","leader":"赵建国","at":"2026-11-21T12:00:00+08:00"}
"#;

pub fn ledger() -> super::Ledger {
    let l = super::Ledger::new();
    l.apply_ok(OFFICE);
    l
}

/// The ledger opened in process, read as `who`.
pub fn open_as(l: &super::Ledger, who: &str) -> Store {
    let mut store = Store::open(
        std::path::Path::new(l.db()),
        Office::builtin(),
        &super::key(),
    )
    .expect("open");
    let operator = (store.operators().expect("operators").into_iter())
        .find(|o| o.name == who)
        .expect("operator");
    store.set_viewer(Some(Viewer {
        operator,
        mask: "（保密）".to_owned(),
    }));
    store
}
