use super::*;
use crate::domain::screening_table::{Tally, month_table};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

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

fn leaders() -> Vec<Operator> {
    vec![
        op("张局长", Role::Leader, None, None),
        op("刘洋", Role::Leader, None, Some("区住建局")),
    ]
}

fn new(unit: &str, found_on: &str, kind: DisputeKind) -> NewScreening {
    NewScreening {
        found_on: d(found_on),
        found_by: "网格员老王".into(),
        unit: unit.into(),
        place: "东街村".into(),
        parties: vec!["村民甲".into(), "区住建局".into()],
        kind,
        risk: RiskLevel::General,
        summary: "围墙越界".into(),
        responsible: "城关镇".into(),
        leader: Some("张局长".into()),
        deadline: None,
    }
}

fn entry(no: i64, found: NewScreening) -> Screening {
    Screening {
        no,
        found,
        state: Resolution::Screening,
        closed_on: None,
        case_id: None,
        note: None,
    }
}

#[test]
fn a_party_is_neither_its_leader_nor_its_responsible_unit() {
    let ok = new("城关镇", "2026-03-02", DisputeKind::Neighbour);
    assert_eq!(check_new(&ok, &leaders()), Ok(()));
    let unit_is_party = NewScreening {
        responsible: "住建局".into(),
        ..ok.clone()
    };
    assert!(matches!(
        check_new(&unit_is_party, &leaders()),
        Err(ScreeningError::PartyInCharge { .. })
    ));
    let leader_is_party = NewScreening {
        leader: Some("刘洋".into()),
        ..ok.clone()
    };
    assert!(matches!(
        check_new(&leader_is_party, &leaders()),
        Err(ScreeningError::PartyInCharge { .. })
    ));
    let not_leader = NewScreening {
        leader: Some("李娜".into()),
        ..ok.clone()
    };
    assert_eq!(
        check_new(&not_leader, &leaders()),
        Err(ScreeningError::NotLeader("李娜".into()))
    );
    let no_parties = NewScreening {
        parties: vec![" ".into()],
        ..ok
    };
    assert_eq!(
        check_new(&no_parties, &leaders()),
        Err(ScreeningError::Empty("parties"))
    );
}

#[test]
fn the_register_moves_forward_only() {
    let e = entry(1, new("城关镇", "2026-03-02", DisputeKind::Land));
    let on = d("2026-03-05");
    let started = apply(
        &e,
        &Change::Start {
            note: "调解".into(),
        },
        on,
        &leaders(),
    )
    .unwrap();
    assert_eq!(started.state, Resolution::Resolving);
    let blank = apply(&e, &Change::Resolve { note: " ".into() }, on, &leaders());
    assert_eq!(blank, Err(ScreeningError::Empty("note")));
    let done = apply(
        &started,
        &Change::Resolve {
            note: "签协议".into(),
        },
        on,
        &leaders(),
    )
    .unwrap();
    assert_eq!(
        (done.state, done.closed_on),
        (Resolution::Resolved, Some(on))
    );
    for change in [
        Change::Start { note: "x".into() },
        Change::Escalate { case_id: 3 },
        Change::Assign {
            leader: None,
            responsible: None,
            deadline: None,
        },
    ] {
        assert!(matches!(
            apply(&done, &change, on, &leaders()),
            Err(ScreeningError::WrongState { .. })
        ));
    }
    let up = apply(&e, &Change::Escalate { case_id: 7 }, on, &leaders()).unwrap();
    assert_eq!((up.state, up.case_id), (Resolution::Escalated, Some(7)));
}

#[test]
fn parties_do_not_see_it_and_handlers_see_their_units() {
    let e = entry(1, new("城关镇", "2026-03-02", DisputeKind::Land));
    assert!(sees(&op("张局长", Role::Leader, None, None), &e));
    assert!(sees(&op("李娜", Role::Clerk, None, None), &e));
    assert!(!sees(&op("刘洋", Role::Leader, None, Some("区住建局")), &e));
    assert!(!sees(&op("陈静", Role::Clerk, None, Some("区住建局")), &e));
    assert!(sees(&op("王强", Role::Handler, Some("城关镇"), None), &e));
    assert!(!sees(&op("赵敏", Role::Handler, Some("教育科"), None), &e));
}

#[test]
fn rounds_are_half_months_weeks_or_months() {
    let r = round_of(d("2026-02-20"), RoundPeriod::HalfMonth);
    assert_eq!((r.start, r.end), (d("2026-02-16"), d("2026-02-28")));
    let r = round_of(d("2026-02-15"), RoundPeriod::HalfMonth);
    assert_eq!((r.start, r.end), (d("2026-02-01"), d("2026-02-15")));
    let r = round_of(d("2026-03-05"), RoundPeriod::Week);
    assert_eq!((r.start, r.end), (d("2026-03-02"), d("2026-03-08")));
    let r = round_of(d("2026-12-31"), RoundPeriod::Month);
    assert_eq!((r.start, r.end), (d("2026-12-01"), d("2026-12-31")));
}

#[test]
fn a_unit_reports_by_an_entry_or_a_zero_report_and_the_rest_are_missing() {
    let units: Vec<String> = ["城关镇", "东城镇", "教育局"].map(String::from).to_vec();
    let round = round_of(d("2026-03-10"), RoundPeriod::HalfMonth);
    let entries = [
        entry(1, new("城关镇", "2026-03-02", DisputeKind::Land)),
        // Last round's: does not count for this one.
        entry(2, new("教育局", "2026-02-27", DisputeKind::Labour)),
    ];
    let zeros = [ZeroReport {
        unit: "东城镇".into(),
        round_start: d("2026-03-01"),
        reported_by: "李娜".into(),
        reported_on: d("2026-03-14"),
    }];
    let s = standing(&units, round, &entries, &zeros);
    let missing: Vec<&str> = s
        .iter()
        .filter(|u| !u.reported())
        .map(|u| u.unit.as_str())
        .collect();
    assert_eq!(missing, ["教育局"]);
    assert_eq!(check_zero(&s[2]), Ok(()));
    assert!(matches!(
        check_zero(&s[0]),
        Err(ScreeningError::ZeroWithEntries { entries: 1, .. })
    ));
    assert_eq!(
        check_zero(&s[1]),
        Err(ScreeningError::ZeroTwice("东城镇".into()))
    );
}

/// March 2026 on a hand-built register; the figures were counted by hand:
/// 1 found Feb 20, resolved Mar 3 → resolved in March, not found in March;
/// 2 found Mar 2, escalated Mar 9; 3 found Mar 5, in hand; 4 found Mar 30, resolved
/// Apr 2 → in hand at March's end; 5 found Apr 1 → not in March at all.
#[test]
fn the_month_table_counts_by_hand() {
    let mut e = vec![
        entry(1, new("城关镇", "2026-02-20", DisputeKind::Land)),
        entry(2, new("城关镇", "2026-03-02", DisputeKind::Labour)),
        entry(3, new("东城镇", "2026-03-05", DisputeKind::Land)),
        entry(4, new("东城镇", "2026-03-30", DisputeKind::Family)),
        entry(5, new("东城镇", "2026-04-01", DisputeKind::Land)),
    ];
    e[0].state = Resolution::Resolved;
    e[0].closed_on = Some(d("2026-03-03"));
    e[1].state = Resolution::Escalated;
    e[1].closed_on = Some(d("2026-03-09"));
    e[2].state = Resolution::Resolving;
    e[3].state = Resolution::Resolved;
    e[3].closed_on = Some(d("2026-04-02"));
    let units = vec![
        "城关镇".to_owned(),
        "东城镇".to_owned(),
        "教育局".to_owned(),
    ];
    let t = month_table(&e, &units, d("2026-03-01"), d("2026-03-31"));
    let tally = |found, resolved, escalated, in_progress| Tally {
        found,
        resolved,
        escalated,
        in_progress,
    };
    assert_eq!(t.total, tally(3, 1, 1, 2));
    let kind = |k: DisputeKind| t.by_kind.iter().find(|(x, _)| *x == k).unwrap().1;
    assert_eq!(kind(DisputeKind::Land), tally(1, 1, 0, 1));
    assert_eq!(kind(DisputeKind::Labour), tally(1, 0, 1, 0));
    assert_eq!(kind(DisputeKind::Family), tally(1, 0, 0, 1));
    assert_eq!(kind(DisputeKind::Medical), tally(0, 0, 0, 0));
    assert_eq!(t.by_unit[0], ("城关镇".to_owned(), tally(1, 1, 1, 0)));
    assert_eq!(t.by_unit[1], ("东城镇".to_owned(), tally(2, 0, 0, 2)));
    assert_eq!(t.by_unit[2], ("教育局".to_owned(), tally(0, 0, 0, 0)));
}
