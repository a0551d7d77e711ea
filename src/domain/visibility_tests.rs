use super::*;

fn op(name: &str, role: Role, department: Option<&str>, unit: Option<&str>) -> Operator {
    Operator {
        name: name.to_owned(),
        role,
        department: department.map(str::to_owned),
        active: true,
        unit: unit.map(str::to_owned),
        department_wide: false,
    }
}

/// The office: a leader, the clerk who received every case and another clerk, the
/// handler of 城建科 every case is assigned to and their 科长 (who sees the department's
/// cases), a handler elsewhere, the accused 刘洋 (a deputy leader of 区住建局) and a clerk
/// seconded from that same unit.
fn viewers() -> Vec<Operator> {
    let head = Operator {
        department_wide: true,
        ..op("孙丽", Role::Handler, Some("城建科"), None)
    };
    vec![
        op("张局长", Role::Leader, None, None),
        op("李娜", Role::Clerk, None, None),
        op("周红", Role::Clerk, None, None),
        op("王强", Role::Handler, Some("城建科"), None),
        head,
        op("赵敏", Role::Handler, Some("教育科"), None),
        op("刘洋", Role::Leader, None, Some("区住建局")),
        op("陈静", Role::Clerk, None, Some("区住建局")),
    ]
}

fn assigned<'a>() -> Exposure<'a> {
    Exposure {
        receiver: "李娜",
        department: Some("城建科"),
        handler: Some("王强"),
        ..Exposure::default()
    }
}

/// The cases, each received by 李娜.
fn cases<'a>() -> Vec<(&'static str, Exposure<'a>)> {
    vec![
        ("plain", assigned()),
        (
            "names a person",
            Exposure {
                target_person: Some("刘洋"),
                ..assigned()
            },
        ),
        (
            "names a unit",
            Exposure {
                target: Some("住建局"),
                ..assigned()
            },
        ),
        (
            "confidential",
            Exposure {
                target_person: Some("某村干部"),
                confidential: true,
                ..assigned()
            },
        ),
        (
            "confidential, unmasked",
            Exposure {
                confidential: true,
                unmasked: true,
                ..assigned()
            },
        ),
        // Anonymous: nobody is named, so nothing to mask; seen as a plain case.
        ("anonymous", assigned()),
        (
            // Assigned before the refusal existed: its handler is the accused.
            "names its handler",
            Exposure {
                target_person: Some("王强"),
                ..assigned()
            },
        ),
        (
            "names the department, unassigned",
            Exposure {
                target: Some("区城建科"),
                receiver: "李娜",
                ..Exposure::default()
            },
        ),
    ]
}

use Sight::{Full as F, Hidden as H, Masked as M};

/// Rows: the viewers in the order of `viewers()`; columns: the cases of `cases()`.
#[rustfmt::skip]
const EXPECTED: [[Sight; 8]; 8] = [
    //  plain person unit conf  unmask anon  handler dept
    [   F,    F,     F,   F,    F,     F,    F,      F], // 张局长 leader
    [   F,    F,     F,   F,    F,     F,    F,      F], // 李娜 the receiving clerk
    [   F,    F,     F,   H,    H,     F,    F,      F], // 周红 another clerk
    [   F,    F,     F,   M,    F,     F,    H,      H], // 王强 the assigned handler
    [   F,    F,     F,   H,    H,     F,    F,      H], // 孙丽 科长 of 城建科
    [   H,    H,     H,   H,    H,     H,    H,      H], // 赵敏 handler elsewhere
    [   F,    H,     H,   F,    F,     F,    F,      F], // 刘洋 the accused leader
    [   F,    F,     H,   H,    H,     F,    F,      F], // 陈静 clerk of the accused unit
];

#[test]
fn who_sees_what() {
    let (viewers, cases) = (viewers(), cases());
    for (v, row) in viewers.iter().zip(EXPECTED) {
        for ((what, case), want) in cases.iter().zip(row) {
            assert_eq!(
                sight(v, case),
                want,
                "{} looking at the case {what}",
                v.name
            );
        }
    }
}

/// Names are matched loosely, either way round, as an assignment is refused.
#[test]
fn the_accused_is_matched_loosely() {
    let liu = op("刘洋", Role::Handler, Some("住建科"), Some("区住建局"));
    assert!(accuses(&liu, Some("区住建局城建股"), None));
    assert!(accuses(&liu, None, Some("住建局刘洋")));
    assert!(accuses(&liu, Some("住建科"), None));
    assert!(!accuses(&liu, Some("教育局"), Some("刘某")));
    // One character is too little to match inside a longer name.
    assert!(!accuses(
        &op("洋", Role::Handler, None, None),
        None,
        Some("刘洋")
    ));
}

/// Masking covers every petitioner, the attached items' too, and the contact.
#[test]
fn masking_covers_every_petitioner() {
    let text = r#"{"id":1,"state":"intake","intake":{"channel":"phone","received_at":"2026-03-01T09:00:00+08:00","receiver":"李娜","contact":"13800000000","petitioners":[{"name":"张三","id_number":"11010519491231002X","phone":"13900000000","address":"某路1号","main":true},{"name":"李四","sex":"male","id_type":"passport","id_number":"E12345678","representative":true}],"people":2,"category":"城建","summary":"s"},"attached":[{"channel":"letter","received_at":"2026-03-05T09:00:00+08:00","petitioners":[{"name":"王五","phone":"137"}],"summary":"again","by":"李娜","at":"2026-03-05T09:00:00+08:00"}]}"#;
    let mut case: Case = serde_json::from_str(text).unwrap();
    mask(&mut case, "（保密）");
    let shown = serde_json::to_string(&case).unwrap();
    for secret in [
        "张三", "李四", "王五", "1101", "1380", "1390", "137", "某路", "E123",
        // Sex and the kind of document narrow who it is in a small unit.
        "male", "passport",
    ] {
        assert!(!shown.contains(secret), "{secret} left in {shown}");
    }
    assert_eq!(case.intake.petitioners[1].phone, None);
}
