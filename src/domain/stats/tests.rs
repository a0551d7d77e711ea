//! The engine on hand-made cases: each figure's rule at its edges. The whole pipeline through
//! the ledger and the command line is tested in `tests/report.rs`.

use std::collections::HashSet;

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::*;
use crate::domain::calendar::HolidayCalendar;
use crate::domain::policy::Policy;
use crate::domain::types::SuperviseGround;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn at(day: &str) -> String {
    format!("{day}T10:00:00+08:00")
}

/// A case document under construction: a one-person visit until told otherwise.
struct B(Value);

impl B {
    fn new(id: i64, received: &str) -> B {
        B(json!({
            "id": id,
            "case_no": format!("2026-{id:04}"),
            "state": "intake",
            "intake": {
                "channel": "visit",
                "received_at": at(received),
                "receiver": "李娜",
                "people": 1,
                "category": "城乡建设",
                "summary": format!("事项{id}"),
                "petitioners": [{"name": format!("信访人{id}"), "main": true}],
            }
        }))
    }

    fn intake(mut self, key: &str, v: Value) -> B {
        self.0["intake"][key] = v;
        self
    }

    fn set(mut self, key: &str, v: Value) -> B {
        self.0[key] = v;
        self
    }

    fn decide(self, decision: &str, day: &str) -> B {
        let mut rec = json!({"decision": decision, "by": "李娜", "at": at(day)});
        match decision {
            "decline" => {
                rec["reason"] = json!("not_competent");
                rec["route"] = json!("区法院");
            }
            "pass_on" => rec["to"] = json!("区住建局"),
            _ => {}
        }
        self.set("decision", rec).set("state", json!("registered"))
    }

    fn assign(self, department: &str, day: &str) -> B {
        let a = json!({"department": department, "handler": "王强", "by": "李娜", "at": at(day)});
        self.set("assignment", a).set("state", json!("assigned"))
    }

    fn reply(self, outcome: Option<&str>, served: &str) -> B {
        let mut r = json!({"method": "post", "text": "答复", "served_at": served, "signed": true,
                           "by": "李娜", "at": at(served)});
        if let Some(o) = outcome {
            r["outcome"] = json!(o);
        }
        self.set("reply", r).set("state", json!("replied"))
    }

    fn build(self) -> Case {
        serde_json::from_value(self.0).unwrap()
    }
}

fn run(cases: &[Case], period: &str, today: &str) -> Report {
    let (policy, calendar) = (Policy::builtin(), HolidayCalendar::builtin());
    let rules = Rules {
        policy: &policy,
        calendar: &calendar,
        categories: &[],
        operators: &[],
        departments: &[],
    };
    let earlier = earlier_petitioner_ids(cases);
    let input = Input {
        cases,
        earlier_petitioner: &earlier,
        again: None,
        steps: &[],
    };
    let p = Period::parse(period, d(today)).unwrap();
    report(&input, p, &rules, d(today), DEFAULT_TOP)
}

/// (now, previous, last year) of a count.
fn counts(r: &Report, section: Section, key: &str) -> (u64, u64, u64) {
    let f = by_code(r, section, key).unwrap_or_else(|| panic!("no figure {section:?} {key}"));
    let c = |a: Amount| a.count().unwrap();
    (c(f.value), c(f.previous), c(f.last_year))
}

/// The figure whose key reads `key` (as in JSON).
fn by_code<'r>(r: &'r Report, section: Section, key: &str) -> Option<&'r Figure> {
    r.section(section).find(|f| f.key.code() == key)
}

fn rate(r: &Report, section: Section, key: &str) -> Option<f64> {
    match by_code(r, section, key).unwrap().value {
        Amount::Rate(x) => x,
        Amount::Count(_) => panic!("{key} is a count"),
    }
}

#[test]
fn percent_and_change_round_to_one_decimal_and_say_none_without_a_base() {
    assert_eq!(percent(2, 3), Some(66.7));
    assert_eq!(percent(0, 0), None);
    assert_eq!(change(Amount::Count(12), Amount::Count(10)), Some(20.0));
    assert_eq!(change(Amount::Count(1), Amount::Count(3)), Some(-66.7));
    assert_eq!(change(Amount::Count(5), Amount::Count(0)), None);
    assert_eq!(
        change(Amount::Rate(Some(87.5)), Amount::Rate(Some(85.0))),
        Some(2.5)
    );
    assert_eq!(change(Amount::Rate(Some(87.5)), Amount::Rate(None)), None);
}

#[test]
fn batches_person_times_and_group_visits() {
    let cases = [
        B::new(1, "2026-11-02").intake("people", json!(12)).build(),
        B::new(2, "2026-11-03").intake("people", json!(4)).build(),
        // Five or more people by letter is not a visit.
        B::new(3, "2026-11-04")
            .intake("channel", json!("letter"))
            .intake("people", json!(6))
            .build(),
        B::new(4, "2026-11-05")
            .intake("people", json!(GROUP_VISIT_MIN_PEOPLE))
            .intake("urgency", json!("major"))
            .build(),
        // October: the period before, read on 21 November as 1–21 October (the same
        // stretch of it); the 31st counts once October is compared whole.
        B::new(5, "2026-10-21").build(),
        B::new(6, "2026-10-31").build(),
    ];
    let whole = run(&cases, "2026-11", "2026-12-01");
    assert_eq!(counts(&whole, Section::Intake, "batches"), (4, 2, 0));
    let r = run(&cases, "2026-11", "2026-11-21");
    assert_eq!(counts(&r, Section::Intake, "batches"), (4, 1, 0));
    assert_eq!(counts(&r, Section::Intake, "person_times"), (27, 1, 0));
    assert_eq!(counts(&r, Section::Channel, "visit.batches"), (3, 1, 0));
    assert_eq!(
        counts(&r, Section::Channel, "visit.person_times"),
        (21, 1, 0)
    );
    assert_eq!(
        counts(&r, Section::Channel, "letter.person_times"),
        (6, 0, 0)
    );
    assert_eq!(counts(&r, Section::Focus, "group_visits"), (2, 0, 0));
    assert_eq!(
        counts(&r, Section::Focus, "group_visit_person_times"),
        (17, 0, 0)
    );
    assert_eq!(counts(&r, Section::Focus, "major"), (1, 0, 0));
    let f = r
        .figure(Section::Intake, &FigureKey::Batches.into())
        .unwrap();
    assert_eq!((f.change, f.change_yoy), (Some(300.0), None));
    assert_eq!(r.cutoff, d("2026-11-21"));
}

#[test]
fn repeats_by_person_and_by_link_and_top_units() {
    let same_phone = json!([{"name": "张三", "phone": "13800138000", "main": true}]);
    let cases = [
        B::new(1, "2025-06-01")
            .intake("petitioners", same_phone.clone())
            .intake("target", json!("某街道办事处"))
            .build(),
        B::new(2, "2026-11-02")
            .intake("petitioners", same_phone)
            .intake("target", json!(" 某街道办事处 "))
            .build(),
        B::new(3, "2026-11-03")
            .intake("links", json!([1]))
            .intake("target", json!("区教育局"))
            .build(),
        // Same name, different address: not the same person.
        B::new(4, "2026-11-04")
            .intake(
                "petitioners",
                json!([{"name": "张三", "address": "幸福里", "main": true}]),
            )
            .build(),
    ];
    let r = run(&cases, "2026-11", "2026-11-21");
    assert_eq!(counts(&r, Section::Focus, "repeat"), (2, 0, 0));
    let units: Vec<(&str, u64)> = r
        .section(Section::Target)
        .map(|f| (f.key.name().unwrap(), f.value.count().unwrap()))
        .collect();
    assert_eq!(units, [("区教育局", 1), ("某街道办事处", 1)]);
    let r = run(&cases, "2025-06", "2026-11-21");
    assert_eq!(counts(&r, Section::Focus, "repeat"), (0, 0, 0));
}

#[test]
fn earlier_means_received_earlier_then_smaller_id() {
    let who = json!([{"name": "李四", "id_number": "11010519491231002X", "main": true}]);
    let cases = [
        B::new(7, "2026-11-02")
            .intake("petitioners", who.clone())
            .build(),
        B::new(3, "2026-11-02")
            .intake("petitioners", who.clone())
            .build(),
        B::new(1, "2026-11-05").intake("petitioners", who).build(),
    ];
    let ids = earlier_petitioner_ids(&cases);
    assert_eq!(ids, HashSet::from([7, 1]));
}

#[test]
fn a_case_crossing_the_boundary_counts_in_each_month_by_its_events() {
    // Received Thu 10-29, accepted Fri 10-30, replied 11-03, archived 11-05.
    let case = B::new(1, "2026-10-29")
        .decide("accept", "2026-10-30")
        .assign("城建科", "2026-10-30")
        .reply(Some("explain"), "2026-11-03")
        .set("archived", json!({"by": "李娜", "at": at("2026-11-05")}))
        .set("state", json!("archived"))
        .build();
    // November over: October is compared whole.
    let r = run(&[case], "2026-11", "2026-12-01");
    assert_eq!(counts(&r, Section::Intake, "batches"), (0, 1, 0));
    assert_eq!(counts(&r, Section::Department, "城建科"), (0, 1, 0));
    assert_eq!(counts(&r, Section::Decision, "accept"), (0, 1, 0));
    assert_eq!(counts(&r, Section::Reply, "replied"), (1, 0, 0));
    assert_eq!(counts(&r, Section::Reply, "explain"), (1, 0, 0));
    assert_eq!(counts(&r, Section::Archive, "archived"), (1, 0, 0));
    // The decide clock stopped in October, the handling clock in November, both in time.
    assert_eq!(counts(&r, Section::Timeliness, "decide_ended"), (0, 1, 0));
    assert_eq!(counts(&r, Section::Timeliness, "handle_on_time"), (1, 0, 0));
    assert_eq!(rate(&r, Section::Timeliness, "handle_rate"), Some(100.0));
    assert_eq!(rate(&r, Section::Timeliness, "decide_rate"), None);
    let f = r
        .figure(Section::Timeliness, &FigureKey::DecideRate.into())
        .unwrap();
    assert_eq!(f.previous, Amount::Rate(Some(100.0)));
}

#[test]
fn overdue_at_the_cut_off_ignores_later_events() {
    // Accepted Mon 06-01: handling due 06-01 + 60 = Fri 07-31. Served late on 08-10.
    let case = B::new(1, "2026-06-01")
        .decide("accept", "2026-06-01")
        .assign("城建科", "2026-06-01")
        .reply(Some("support"), "2026-08-10")
        .build();
    let cases = [case];
    // On its due day it is not overdue yet.
    let july = run(&cases, "2026-07", "2026-11-21");
    assert_eq!(counts(&july, Section::Overdue, "total"), (0, 0, 0));
    // 08-01..08-05: still running at the end of 08-05, five days late.
    let r = run(&cases, "2026-08-01..2026-08-05", "2026-11-21");
    assert_eq!(counts(&r, Section::Overdue, "total"), (1, 0, 0));
    assert_eq!(counts(&r, Section::Overdue, "clock.handle"), (1, 0, 0));
    assert_eq!(counts(&r, Section::Overdue, "state.replied"), (1, 0, 0));
    let item = &r.overdue_items[0];
    assert_eq!(
        (item.clock.as_str(), item.due, item.days_overdue),
        ("handle", d("2026-07-31"), 5)
    );
    // The handling clock ended (late) on the day served, in August.
    let aug = run(&cases, "2026-08", "2026-11-21");
    assert_eq!(counts(&aug, Section::Timeliness, "handle_ended"), (1, 0, 0));
    assert_eq!(
        counts(&aug, Section::Timeliness, "handle_on_time"),
        (0, 0, 0)
    );
    assert_eq!(rate(&aug, Section::Timeliness, "handle_rate"), Some(0.0));
    assert_eq!(counts(&aug, Section::Overdue, "total"), (0, 0, 0));
}

#[test]
fn a_clock_still_running_ends_on_its_due_date() {
    // Received Mon 11-02, never decided: decide due 11-17; overdue today (11-21).
    let cases = [B::new(1, "2026-11-02").build()];
    let r = run(&cases, "2026-11", "2026-11-21");
    assert_eq!(counts(&r, Section::Timeliness, "decide_ended"), (1, 0, 0));
    assert_eq!(rate(&r, Section::Timeliness, "decide_rate"), Some(0.0));
    assert_eq!(counts(&r, Section::Overdue, "clock.decide"), (1, 0, 0));
    assert_eq!(counts(&r, Section::Overdue, "state.intake"), (1, 0, 0));
    // Received 11-10: due 11-25, not ended yet.
    let r = run(&[B::new(2, "2026-11-10").build()], "2026-11", "2026-11-21");
    assert_eq!(counts(&r, Section::Timeliness, "decide_ended"), (0, 0, 0));
}

#[test]
fn an_extension_moves_the_handling_due_date() {
    // Accepted 06-01, due 07-31; extended 20 days → 08-20; served 08-18: on time.
    let case = B::new(1, "2026-06-01")
        .decide("accept", "2026-06-01")
        .assign("城建科", "2026-06-01")
        .set(
            "extension",
            json!({"days": 20, "reason": "复杂", "by": "赵局长", "at": at("2026-07-20")}),
        )
        .reply(Some("support"), "2026-08-18")
        .build();
    let r = run(&[case], "2026-08", "2026-11-21");
    assert_eq!(counts(&r, Section::Timeliness, "handle_on_time"), (1, 0, 0));
    assert_eq!(
        counts(&r, Section::Timeliness, "handle_extended"),
        (1, 0, 0)
    );
    assert_eq!(counts(&r, Section::Overdue, "total"), (0, 0, 0));
}

#[test]
fn decisions_satisfaction_and_supervision() {
    let visit = |unit: &str, office: &str| json!({"unit": unit, "office": office, "by": "李娜", "at": at("2026-11-20")});
    let cases = [
        B::new(1, "2026-11-02")
            .decide("accept", "2026-11-02")
            .reply(Some("support"), "2026-11-10")
            .set("return_visit", visit("satisfied", "satisfied"))
            .build(),
        B::new(2, "2026-11-02")
            .decide("accept", "2026-11-02")
            .reply(Some("reject"), "2026-11-11")
            .set("return_visit", visit("unsatisfied", "basic"))
            .build(),
        B::new(3, "2026-11-02")
            .decide("accept", "2026-11-02")
            .reply(Some("explain"), "2026-11-12")
            .build(),
        // A decline notice is a reply, not a handling result to rate.
        B::new(4, "2026-11-02")
            .decide("decline", "2026-11-03")
            .reply(None, "2026-11-04")
            .set("return_visit", visit("satisfied", "satisfied"))
            .build(),
        B::new(5, "2026-11-02").decide("pass_on", "2026-11-03").build(),
        B::new(6, "2026-11-02")
            .decide("accept", "2026-11-03")
            .assign("城建科", "2026-11-03")
            .set(
                "supervisions",
                json!([
                    {"ground": "leader", "text": "", "feedback_by": "2026-11-10", "by": "赵局长", "at": at("2026-10-20")},
                    {"ground": "delay", "text": "", "feedback_by": "2026-11-20", "by": "赵局长", "at": at("2026-11-12")},
                    {"ground": "quality", "text": "", "feedback_by": "2026-11-25", "by": "赵局长", "at": at("2026-11-18")},
                ]),
            )
            .build(),
    ];
    let r = run(&cases, "2026-11", "2026-11-21");
    assert_eq!(counts(&r, Section::Decision, "decided"), (6, 0, 0));
    assert_eq!(counts(&r, Section::Decision, "accept"), (4, 0, 0));
    assert_eq!(counts(&r, Section::Decision, "decline"), (1, 0, 0));
    assert_eq!(counts(&r, Section::Decision, "pass_on"), (1, 0, 0));
    assert_eq!(counts(&r, Section::Reply, "replied"), (4, 0, 0));
    assert_eq!(counts(&r, Section::Satisfaction, "eligible"), (3, 0, 0));
    assert_eq!(counts(&r, Section::Satisfaction, "rated"), (2, 0, 0));
    assert_eq!(
        rate(&r, Section::Satisfaction, "participation_rate"),
        Some(66.7)
    );
    assert_eq!(rate(&r, Section::Satisfaction, "unit_rate"), Some(50.0));
    assert_eq!(rate(&r, Section::Satisfaction, "office_rate"), Some(100.0));
    assert_eq!(counts(&r, Section::Supervision, "orders"), (2, 1, 0));
    assert_eq!(counts(&r, Section::Supervision, "cases"), (1, 1, 0));
    assert_eq!(
        counts(&r, Section::Supervision, "state.assigned"),
        (1, 1, 0)
    );
    let item = &r.supervised_items[0];
    assert_eq!(
        (item.orders, item.supervised, item.ground),
        (2, d("2026-11-18"), SuperviseGround::Quality)
    );
}

#[test]
fn the_report_serialises_with_periods_and_plain_numbers() {
    let r = run(&[B::new(1, "2026-11-02").build()], "2026-11", "2026-11-21");
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(
        v["period"],
        json!({"kind": "month", "code": "2026-11", "start": "2026-11-01", "end": "2026-11-30"})
    );
    // The month is running: the periods before are its stretch of them.
    assert_eq!(
        v["previous"],
        json!({"kind": "range", "code": "2026-10-01..2026-10-21", "start": "2026-10-01", "end": "2026-10-21"})
    );
    assert_eq!(v["last_year"]["code"], "2025-11-01..2025-11-21");
    assert_eq!(v["cutoff"], "2026-11-21");
    let first = &v["figures"][0];
    assert_eq!(
        *first,
        json!({"section": "intake", "key": "batches", "measure": "count", "value": 1,
               "previous": 0, "change": null, "last_year": 0, "change_yoy": null})
    );
    let rate = v["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["key"] == "decide_rate")
        .unwrap();
    assert_eq!(rate["measure"], "rate");
    assert_eq!(rate["value"], json!(0.0));
    assert_eq!(rate["previous"], Value::Null);
}
