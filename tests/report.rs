//! `xinfang report` on a hand-built ledger with every figure written down by hand. The four
//! formats are in report_formats.rs, the errors in report_errors.rs, a demo ledger recounted
//! by plain counting in report_recount.rs.

mod common;

use common::recount::recount_and_compare;
use common::report::{figure, hand_built, rates, report_json, three};
use serde_json::Value;

#[test]
fn the_hand_built_ledger_gives_the_figures_worked_out_by_hand() {
    let l = hand_built();
    let r = report_json(&l, "2025-11");
    assert_eq!(r["period"]["start"], "2025-11-01");
    assert_eq!(r["previous"]["code"], "2025-10");
    assert_eq!(r["last_year"]["code"], "2024-11");
    assert_eq!(r["cutoff"], "2025-11-30");
    assert_eq!(r["group_visit_min_people"], 5);

    // Received in November: cases 1 (visit, 12 people), 3 (phone), 5 (visit), 6 (letter, 2),
    // 7 (visit), 10 (visit). October: case 2 (letter). November 2024: case 9 (visit).
    let t = |s, k| three(&r, s, k);
    assert_eq!(t("intake", "batches"), (6, 1, 1));
    assert_eq!(t("intake", "person_times"), (18, 1, 1));
    let f = figure(&r, "intake", "batches");
    assert_eq!(
        (f["change"].as_f64(), f["change_yoy"].as_f64()),
        (Some(500.0), Some(500.0))
    );
    assert_eq!(t("channel", "visit.batches"), (4, 0, 1));
    assert_eq!(t("channel", "visit.person_times"), (15, 0, 1));
    assert_eq!(t("channel", "letter.batches"), (1, 1, 0));
    assert_eq!(t("channel", "letter.person_times"), (2, 1, 0));
    assert_eq!(t("channel", "phone.batches"), (1, 0, 0));
    assert_eq!(
        t("channel", "online.batches"),
        (0, 0, 0),
        "case 4 came in August"
    );
    assert_eq!(
        figure(&r, "channel", "visit.batches")["change"],
        Value::Null
    );
    assert_eq!(t("category", "城乡建设"), (3, 0, 1));
    assert_eq!(t("category", "劳动社保"), (1, 1, 0));
    assert_eq!(t("category", "教育"), (1, 0, 0));
    assert_eq!(t("category", "民政"), (1, 0, 0));
    let targets: Vec<&str> = r["figures"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["section"] == "target")
        .map(|f| f["key"].as_str().unwrap())
        .collect();
    // One each; then by last period's count (某公司 had October's letter); then by name.
    assert_eq!(targets, ["某公司", "某中学", "某建筑公司", "某街道办事处"]);
    assert_eq!(t("target", "某街道办事处"), (1, 0, 1));
    assert_eq!(t("department", "城建科"), (1, 1, 0));
    assert_eq!(t("department", "教育科"), (1, 0, 0));
    assert_eq!(t("focus", "group_visits"), (1, 0, 0));
    assert_eq!(t("focus", "group_visit_person_times"), (12, 0, 0));
    assert_eq!(
        t("focus", "repeat"),
        (1, 0, 0),
        "case 3: same phone as case 2"
    );
    assert_eq!(t("focus", "major"), (1, 0, 0));
    assert_eq!(
        t("focus", "attached"),
        (1, 0, 0),
        "the letter attached to case 8"
    );

    // Decisions by their date: 1 and 10 accepted, 3 declined, 6 passed on, 7 answered;
    // case 2 was accepted in October.
    assert_eq!(t("decision", "decided"), (5, 1, 0));
    assert_eq!(t("decision", "accept"), (2, 1, 0));
    assert_eq!(t("decision", "decline"), (1, 0, 0));
    assert_eq!(t("decision", "pass_on"), (1, 0, 0));
    assert_eq!(t("decision", "answered"), (1, 0, 0));
    // Served in November: 1, 2 (received in October), 3 and 6 (notices), 4, 7 (on the spot), 10.
    assert_eq!(t("reply", "replied"), (7, 0, 0));
    assert_eq!(t("reply", "support"), (2, 0, 0));
    assert_eq!(t("reply", "explain"), (1, 0, 0));
    assert_eq!(t("reply", "reject"), (1, 0, 0));
    assert_eq!(t("archive", "archived"), (2, 0, 0));

    // Decide clocks ended in November: 1, 3, 6, 7, 10 decided in time; 5 ran out on 11-25.
    assert_eq!(t("timeliness", "decide_ended"), (6, 1, 0));
    assert_eq!(t("timeliness", "decide_on_time"), (5, 1, 0));
    assert_eq!(
        rates(&r, "timeliness", "decide_rate"),
        (Some(83.3), Some(100.0), None)
    );
    assert_eq!(
        figure(&r, "timeliness", "decide_rate")["change"].as_f64(),
        Some(-16.7)
    );
    // Handling clocks: 1, 2, 4 (extended to 11-03, served that day) and 10 in time in
    // November; case 8's ran out on 10-31.
    assert_eq!(t("timeliness", "handle_ended"), (4, 1, 0));
    assert_eq!(t("timeliness", "handle_on_time"), (4, 0, 0));
    assert_eq!(t("timeliness", "handle_extended"), (1, 0, 0));
    assert_eq!(
        rates(&r, "timeliness", "handle_rate"),
        (Some(100.0), Some(0.0), None)
    );
    assert_eq!(
        figure(&r, "timeliness", "handle_rate")["change"].as_f64(),
        Some(100.0)
    );

    // Accepted and served in November: 1, 2, 4, 10; rated: 1 (satisfied, satisfied),
    // 2 (basic, unsatisfied), 10 (unsatisfied, unsatisfied).
    assert_eq!(t("satisfaction", "eligible"), (4, 0, 0));
    assert_eq!(t("satisfaction", "rated"), (3, 0, 0));
    assert_eq!(
        rates(&r, "satisfaction", "participation_rate"),
        (Some(75.0), None, None)
    );
    assert_eq!(t("satisfaction", "unit_satisfied"), (1, 0, 0));
    assert_eq!(t("satisfaction", "unit_basic"), (1, 0, 0));
    assert_eq!(t("satisfaction", "unit_unsatisfied"), (1, 0, 0));
    assert_eq!(rates(&r, "satisfaction", "unit_rate").0, Some(66.7));
    assert_eq!(t("satisfaction", "office_unsatisfied"), (2, 0, 0));
    assert_eq!(rates(&r, "satisfaction", "office_rate").0, Some(33.3));

    // Overdue at the end of 11-30: case 5 (decide, due 11-25), case 8 (handle, due 10-31) and
    // case 9, never decided since November 2024. At the end of 10-31 only case 9 (case 8 was
    // due that day).
    assert_eq!(t("overdue", "total"), (3, 1, 0));
    assert_eq!(t("overdue", "clock.decide"), (2, 1, 0));
    assert_eq!(t("overdue", "clock.handle"), (1, 0, 0));
    assert_eq!(t("overdue", "state.intake"), (2, 1, 0));
    assert_eq!(t("overdue", "state.assigned"), (1, 0, 0));
    let items: Vec<(i64, &str, i64)> = r["overdue_items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["id"].as_i64().unwrap(),
                i["clock"].as_str().unwrap(),
                i["days_overdue"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        items,
        [(9, "decide", 363), (8, "handle", 30), (5, "decide", 5)]
    );
    assert_eq!(t("supervision", "orders"), (1, 0, 0));
    assert_eq!(t("supervision", "cases"), (1, 0, 0));
    assert_eq!(t("supervision", "state.assigned"), (1, 0, 0));
    assert_eq!(r["supervised_items"][0]["id"], 8);
    assert_eq!(r["supervised_items"][0]["ground"], "overdue");

    // The report agrees with the independent recount too.
    recount_and_compare(&l, &r);
}
