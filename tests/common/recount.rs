//! A plain recount of the report's figures from `xinfang export`, to hold every figure of a
//! report against: counting done the simplest way, independent of `domain::stats`.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde_json::Value;

use super::{Ledger, run};

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("{e}: {s}"))
}

pub fn export(l: &Ledger) -> Vec<Value> {
    let out = run(
        &["export", "--db", l.db(), "--format", "json", "--full"],
        "",
    );
    assert!(out.success(), "{out:?}");
    serde_json::from_str::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

pub fn recount_and_compare(l: &Ledger, r: &Value) {
    let checked = compare(&export(l), r);
    assert!(checked > 100, "{checked}");
}

// ---------------------------------------------------------------------------------------
// The recount: plain counting over the exported cases, written apart from the engine. Only
// the due dates come from the export (the domain's calendar arithmetic, not counting).

/// The office's dates: the builtin policy's +08:00.
fn local(at: &Value) -> Option<NaiveDate> {
    let offset = FixedOffset::east_opt(8 * 3600).unwrap();
    at.as_str().map(|s| {
        DateTime::parse_from_rfc3339(s)
            .unwrap_or_else(|e| panic!("{e}: {s}"))
            .with_timezone(&offset)
            .date_naive()
    })
}

fn timestamp(at: &Value) -> i64 {
    DateTime::parse_from_rfc3339(at.as_str().unwrap())
        .unwrap()
        .timestamp()
}

#[derive(Clone, Copy)]
struct Span {
    start: NaiveDate,
    end: NaiveDate,
}

impl Span {
    fn of(p: &Value) -> Span {
        Span {
            start: date(p["start"].as_str().unwrap()),
            end: date(p["end"].as_str().unwrap()),
        }
    }

    fn has(&self, d: Option<NaiveDate>) -> bool {
        d.is_some_and(|d| self.start <= d && d <= self.end)
    }
}

/// Cases whose petitioner matches a petitioner of a case received earlier.
fn repeat_by_person(cases: &[Value]) -> HashSet<i64> {
    let mut order: Vec<&Value> = cases.iter().collect();
    order.sort_by_key(|e| {
        (
            timestamp(&e["case"]["intake"]["received_at"]),
            e["id"].as_i64(),
        )
    });
    let mut seen: HashSet<String> = HashSet::new();
    let mut out = HashSet::new();
    for e in order {
        let mut keys = Vec::new();
        for p in e["case"]["intake"]["petitioners"].as_array().unwrap() {
            let s = |k: &str| p[k].as_str().filter(|s| !s.is_empty());
            if let Some(id) = s("id_number") {
                keys.push(format!("id:{id}"));
            }
            if let Some(phone) = s("phone") {
                keys.push(format!("phone:{phone}"));
            }
            if let (Some(n), Some(a)) = (s("name"), s("address")) {
                keys.push(format!("na:{n}\u{0}{a}"));
            }
        }
        if keys.iter().any(|k| seen.contains(k)) {
            out.insert(e["id"].as_i64().unwrap());
        }
        seen.extend(keys);
    }
    out
}

/// The receipt day (office-local) of the first case received after each case whose
/// petitioner matches one of its own: every pair compared, the simplest way.
fn next_by_person(cases: &[Value]) -> HashMap<i64, NaiveDate> {
    let keys = |e: &Value| -> HashSet<String> {
        let mut keys = HashSet::new();
        for p in e["case"]["intake"]["petitioners"].as_array().unwrap() {
            let s = |k: &str| p[k].as_str().filter(|s| !s.is_empty());
            if let Some(id) = s("id_number") {
                keys.insert(format!("id:{id}"));
            }
            if let Some(phone) = s("phone") {
                keys.insert(format!("phone:{phone}"));
            }
            if let (Some(n), Some(a)) = (s("name"), s("address")) {
                keys.insert(format!("na:{n}\u{0}{a}"));
            }
        }
        keys
    };
    let order = |e: &Value| {
        (
            timestamp(&e["case"]["intake"]["received_at"]),
            e["id"].as_i64().unwrap(),
        )
    };
    let all: Vec<(HashSet<String>, (i64, i64), &Value)> =
        cases.iter().map(|e| (keys(e), order(e), e)).collect();
    let mut out = HashMap::new();
    for (k, at, _) in &all {
        let next = all
            .iter()
            .filter(|(k2, at2, _)| at2 > at && !k.is_disjoint(k2))
            .min_by_key(|(_, at2, _)| *at2);
        if let Some((_, _, e)) = next {
            out.insert(at.1, local(&e["case"]["intake"]["received_at"]).unwrap());
        }
    }
    out
}

/// The builtin policy's `first_time_window_days` (初信初访一次办结).
const FIRST_TIME_WINDOW: u64 = 90;

/// Every count of one period, by "section/key".
fn recount(
    cases: &[Value],
    p: Span,
    today: NaiveDate,
    (repeats, next): (&HashSet<i64>, &HashMap<i64, NaiveDate>),
) -> HashMap<String, u64> {
    let cutoff = p.end.min(today);
    let mut n: HashMap<String, u64> = HashMap::new();
    let mut add = |k: String, by: u64| *n.entry(k).or_default() += by;
    for e in cases {
        let c = &e["case"];
        let i = &c["intake"];
        let received = local(&i["received_at"]);
        let people = i["people"].as_u64().unwrap();
        let decision = c["decision"]["decision"].as_str();
        let decided = local(&c["decision"]["at"]);
        let accepted = decided.filter(|_| decision == Some("accept"));
        let served = c["reply"]["served_at"].as_str().map(date);
        if p.has(received) {
            add("intake/batches".into(), 1);
            add("intake/person_times".into(), people);
            let ch = i["channel"].as_str().unwrap();
            add(format!("channel/{ch}.batches"), 1);
            add(format!("channel/{ch}.person_times"), people);
            add(format!("category/{}", i["category"].as_str().unwrap()), 1);
            if let Some(t) = i["target"]
                .as_str()
                .map(str::trim)
                .filter(|t| !t.is_empty())
            {
                add(format!("target/{t}"), 1);
            }
            if let Some(d) = c["assignment"]["department"].as_str() {
                add(format!("department/{d}"), 1);
            }
            if ch == "visit" && people >= 5 {
                add("focus/group_visits".into(), 1);
                add("focus/group_visit_person_times".into(), people);
            }
            let linked =
                i["links"].as_array().is_some_and(|l| !l.is_empty()) || !c["review_of"].is_null();
            if linked || repeats.contains(&e["id"].as_i64().unwrap()) {
                add("focus/repeat".into(), 1);
            }
            if i["urgency"] == "major" {
                add("focus/major".into(), 1);
            }
            // 领导阅批率: a letter of the period read and signed, i.e. with a 批示 on record, on
            // an opinion (instructions) or on the letter itself (readings, 阅批).
            if ch == "letter" {
                add("focus/letters".into(), 1);
                let any = |k: &str| c[k].as_array().is_some_and(|l| !l.is_empty());
                if any("instructions") || any("readings") {
                    add("focus/letters_signed".into(), 1);
                }
            }
            // 复查 and 复核 (Art 35–36) opened: a review case without a level is a 复查.
            match (c["review_level"].as_str(), c["review_of"].is_null()) {
                (Some("review"), _) | (None, false) => add("steps/review".into(), 1),
                (Some("rereview"), _) => add("steps/rereview".into(), 1),
                _ => {}
            }
        }
        // Every step given in the period, by its journal event: the report's counted steps
        // are looked up here by their code.
        for ev in e["events"].as_array().unwrap() {
            if p.has(local(&ev["at"])) {
                add(format!("journal/{}", ev["op"].as_str().unwrap()), 1);
            }
        }
        for a in c["attached"].as_array().into_iter().flatten() {
            if p.has(local(&a["received_at"])) {
                add("focus/attached".into(), 1);
            }
        }
        if p.has(decided) {
            add("decision/decided".into(), 1);
            add(format!("decision/{}", decision.unwrap()), 1);
        }
        let id = e["id"].as_i64().unwrap();
        let first_time = (i["links"].as_array().is_none_or(|l| l.is_empty())
            && c["review_of"].is_null())
            && !repeats.contains(&id);
        if first_time && p.has(served) {
            add("focus/first_time_closed".into(), 1);
            let last = served.unwrap() + chrono::Days::new(FIRST_TIME_WINDOW);
            let attached = c["attached"].as_array().into_iter().flatten();
            let again = next.get(&id).is_some_and(|d| *d <= last)
                || attached
                    .filter_map(|a| local(&a["received_at"]))
                    .any(|d| d <= last);
            if !again {
                add("focus/first_time_once".into(), 1);
            }
        }
        if p.has(served) {
            add("reply/replied".into(), 1);
            if let Some(o) = c["reply"]["outcome"].as_str() {
                add(format!("reply/{o}"), 1);
            }
            if decision == Some("accept") {
                add("satisfaction/eligible".into(), 1);
                let rv = &c["return_visit"];
                if !rv.is_null() {
                    add("satisfaction/rated".into(), 1);
                    add(
                        format!("satisfaction/unit_{}", rv["unit"].as_str().unwrap()),
                        1,
                    );
                    add(
                        format!("satisfaction/office_{}", rv["office"].as_str().unwrap()),
                        1,
                    );
                }
            }
        }
        if p.has(local(&c["archived"]["at"])) {
            add("archive/archived".into(), 1);
        }
        hearing_days_passed_over(e);
        // Clocks as exported (as of today): the day each ended.
        for clock in e["clocks"].as_array().unwrap() {
            // A case is handled within its level's clock: 60 days, 30 for 复查 and 复核.
            let key = match clock["key"].as_str().unwrap() {
                "decide" => "decide",
                // 按期办结率 is of accepted cases (a review's clock runs from the request).
                "handle" | "review_handle" | "rereview_handle" if accepted.is_some() => "handle",
                _ => continue,
            };
            let st = &clock["status"];
            let ended = match st["status"].as_str().unwrap() {
                // Art 23 第二款: decided in time, the written notice late: ended, not on time.
                "met" | "late" | "notice_late" => st["done"].as_str().map(date),
                "running" if st["overdue"] == true => clock["due"].as_str().map(date),
                _ => None,
            };
            if p.has(ended) {
                add(format!("timeliness/{key}_ended"), 1);
                if st["status"] == "met" {
                    add(format!("timeliness/{key}_on_time"), 1);
                }
                if key == "handle" && !c["extension"].is_null() {
                    add("timeliness/handle_extended".into(), 1);
                }
            }
        }
        // Overdue at the end of the cut-off day: a clock started by then, not stopped by
        // then, past its due date.
        if received.is_some_and(|r| r <= cutoff) {
            let by = |d: Option<NaiveDate>| d.is_some_and(|d| d <= cutoff);
            let mut overdue_clocks = Vec::new();
            for clock in e["clocks"].as_array().unwrap() {
                let key = clock["key"].as_str().unwrap();
                let due = date(clock["due"].as_str().unwrap());
                let (started, stopped) = match key {
                    "decide" => (true, by(decided)),
                    "handle" => (by(accepted), by(served)),
                    // Art 35–36: from the request's receipt; a request not accepted is done
                    // with its decision.
                    "review_handle" | "rereview_handle" => (
                        true,
                        by(served) || (by(decided) && decision != Some("accept")),
                    ),
                    // Art 22 (三): the superior's date runs from receipt to the 办结报告.
                    // Archiving ends it too (a ledger from before the step has no report).
                    "superior" => (
                        true,
                        by(c["report_back"]["sent_on"].as_str().map(date))
                            || by(local(&c["archived"]["at"])),
                    ),
                    // Art 22 (三): an item 交办'd (the export shows its clock only then) owes
                    // the body's 办结报告 from the 交办 until it is received; the reply and the
                    // archive do not stop it.
                    "outbound" => (
                        by(decided),
                        by(c["report_received"]["received_on"].as_str().map(date)),
                    ),
                    // The review window and the 异议 period (Art 23 第三款) are never overdue.
                    _ => continue,
                };
                if started && !stopped && cutoff > due {
                    overdue_clocks.push(key);
                }
            }
            if !overdue_clocks.is_empty() {
                add("overdue/total".into(), 1);
                add(format!("overdue/state.{}", e["state"].as_str().unwrap()), 1);
                if overdue_clocks.contains(&"superior") {
                    add("steps/report_back_overdue".into(), 1);
                }
                if overdue_clocks.contains(&"outbound") {
                    add("steps/outbound_overdue".into(), 1);
                }
                for k in overdue_clocks {
                    add(format!("overdue/clock.{k}"), 1);
                }
            }
        }
        let orders = c["supervisions"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|s| p.has(local(&s["at"])))
            .count() as u64;
        if orders > 0 {
            add("supervision/orders".into(), orders);
            add("supervision/cases".into(), 1);
            add(
                format!("supervision/state.{}", e["state"].as_str().unwrap()),
                1,
            );
        }
    }
    n
}

/// The due date of a 复核 case's clock comes from the export; that it passed over the days of
/// its hearings (Art 36 第二款: 听证所需时间不计算在前款规定的期限内) is counted here again:
/// its 30 calendar days counted from the day after receipt, each hearing day not counted,
/// until 30 are; the hearing days met on the way are the days the export says it passed over.
fn hearing_days_passed_over(e: &Value) {
    let c = &e["case"];
    let mut days: BTreeSet<NaiveDate> = BTreeSet::new();
    for h in c["hearings"].as_array().into_iter().flatten() {
        let (from, to) = (
            date(h["from"].as_str().unwrap()),
            date(h["to"].as_str().unwrap()),
        );
        days.extend(from.iter_days().take_while(|d| *d <= to));
    }
    for clock in e["clocks"].as_array().unwrap() {
        if clock["key"] != "rereview_handle" {
            continue;
        }
        let start = date(clock["start"].as_str().unwrap());
        // The policy's rereview_handle: 30 days, no extension (its cap is 0).
        let (mut day, mut left, mut passed) = (start, 30, 0);
        while left > 0 {
            day = day.succ_opt().unwrap();
            if days.contains(&day) {
                passed += 1;
            } else {
                left -= 1;
            }
        }
        let exported = clock["paused_days"].as_u64().unwrap_or(0);
        assert_eq!(
            exported, passed,
            "case {}: hearing days passed over",
            e["id"]
        );
        // The due date is the day reached, or the next working day after it.
        let due = date(clock["due"].as_str().unwrap());
        assert!(
            due >= day && (due - day).num_days() < 10,
            "case {}",
            e["id"]
        );
    }
}

/// The figures of section `steps` that are not a step's count of events.
const STEP_FIGURES: [&str; 4] = [
    "review",
    "rereview",
    "report_back_overdue",
    "outbound_overdue",
];

fn pct(num: u64, den: u64) -> Option<f64> {
    (den > 0).then(|| (num as f64 * 1000.0 / den as f64).round() / 10.0)
}

/// A rate's numerator and denominator keys.
fn rate_parts(key: &str) -> (Vec<&'static str>, &'static str) {
    match key {
        "decide_rate" => (vec!["decide_on_time"], "decide_ended"),
        "handle_rate" => (vec!["handle_on_time"], "handle_ended"),
        "participation_rate" => (vec!["rated"], "eligible"),
        "unit_rate" => (vec!["unit_satisfied", "unit_basic"], "rated"),
        "office_rate" => (vec!["office_satisfied", "office_basic"], "rated"),
        "repeat_rate" => (vec!["repeat"], "intake/batches"),
        "first_time_rate" => (vec!["first_time_once"], "first_time_closed"),
        "letter_sign_rate" => (vec!["letters_signed"], "letters"),
        _ => panic!("unknown rate {key}"),
    }
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() < 1e-9,
        (None, None) => true,
        _ => false,
    }
}

/// Compares every figure of the report with the recount; returns how many values it checked.
pub fn compare(cases: &[Value], r: &Value) -> usize {
    let today = date(r["today"].as_str().unwrap());
    let repeats = repeat_by_person(cases);
    let next = next_by_person(cases);
    let spans = [
        Span::of(&r["period"]),
        Span::of(&r["previous"]),
        Span::of(&r["last_year"]),
    ];
    let counts: Vec<HashMap<String, u64>> = spans
        .iter()
        .map(|s| recount(cases, *s, today, (&repeats, &next)))
        .collect();
    let code = r["period"]["code"].as_str().unwrap();
    let mut checked = 0;
    let mut listed: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for f in r["figures"].as_array().unwrap() {
        let (section, key) = (f["section"].as_str().unwrap(), f["key"].as_str().unwrap());
        listed
            .entry(section.to_owned())
            .or_default()
            .push(key.to_owned());
        let get = |i: usize, k: &str| {
            let counted = match (section, k) {
                // A rate's base in another section.
                (_, k) if k.contains('/') => k.to_owned(),
                // A counted step (催办, 化解…): its events in the period.
                ("steps", k) if !STEP_FIGURES.contains(&k) => format!("journal/{k}"),
                _ => format!("{section}/{k}"),
            };
            counts[i].get(&counted).copied().unwrap_or(0)
        };
        let expected: Vec<Option<f64>> = (0..3)
            .map(|i| {
                if f["measure"] == "rate" {
                    let (num, den) = rate_parts(key);
                    pct(num.iter().map(|k| get(i, k)).sum(), get(i, den))
                } else {
                    Some(get(i, key) as f64)
                }
            })
            .collect();
        let got = [&f["value"], &f["previous"], &f["last_year"]].map(Value::as_f64);
        for i in 0..3 {
            assert!(
                close(got[i], expected[i]),
                "{code} {section}/{key} [{}]: report {:?}, recount {:?}",
                ["now", "previous", "last year"][i],
                got[i],
                expected[i]
            );
            checked += 1;
        }
        let change =
            |now: Option<f64>, before: Option<f64>| match (f["measure"].as_str(), now, before) {
                (Some("count"), Some(n), Some(b)) if b > 0.0 => {
                    Some(((n - b) * 1000.0 / b).round() / 10.0)
                }
                (Some("rate"), Some(n), Some(b)) => Some(((n - b) * 10.0).round() / 10.0),
                _ => None,
            };
        assert!(
            close(f["change"].as_f64(), change(expected[0], expected[1])),
            "{code} {section}/{key} change"
        );
        assert!(
            close(f["change_yoy"].as_f64(), change(expected[0], expected[2])),
            "{code} {section}/{key} change_yoy"
        );
    }
    // Nothing left out: every category and department counted in any of the three
    // periods, the top units of the period, every channel, state and clock.
    for section in ["category", "department"] {
        let all: BTreeSet<String> = counts
            .iter()
            .flat_map(|c| c.keys())
            .filter_map(|k| k.strip_prefix(&format!("{section}/")).map(str::to_owned))
            .collect();
        let shown: BTreeSet<String> = listed
            .get(section)
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .collect();
        assert_eq!(shown, all, "{code} {section}");
    }
    let top = r["top"].as_u64().unwrap() as usize;
    let mut units: Vec<(String, u64, u64)> = counts[0]
        .iter()
        .filter_map(|(k, v)| k.strip_prefix("target/").map(|t| (t.to_owned(), *v)))
        .map(|(t, v)| {
            let before = counts[1].get(&format!("target/{t}")).copied().unwrap_or(0);
            (t, v, before)
        })
        .collect();
    units.sort_by(|a, b| (b.1, b.2).cmp(&(a.1, a.2)).then(a.0.cmp(&b.0)));
    let want: Vec<String> = units.into_iter().take(top).map(|u| u.0).collect();
    assert_eq!(
        listed.get("target").cloned().unwrap_or_default(),
        want,
        "{code} top units"
    );
    for k in counts.iter().flat_map(|c| c.keys()) {
        let (section, key) = k.split_once('/').unwrap();
        if !matches!(section, "category" | "department" | "target" | "journal") {
            assert!(
                listed
                    .get(section)
                    .is_some_and(|keys| keys.iter().any(|x| x == key)),
                "{code}: {k} counted but not in the report"
            );
        }
    }
    // The item lists hold the counted cases: their counts, and their first page.
    let n = |s: &str| counts[0].get(s).copied().unwrap_or(0) as usize;
    assert_eq!(
        r["overdue_count"].as_u64().unwrap() as usize,
        n("overdue/total"),
        "{code}"
    );
    assert_eq!(
        r["overdue_items"].as_array().unwrap().len(),
        n("overdue/total").min(xinfang::domain::stats::LIST_PAGE),
        "{code}"
    );
    assert_eq!(
        r["supervised_count"].as_u64().unwrap() as usize,
        n("supervision/cases"),
        "{code}"
    );
    assert_eq!(
        r["supervised_items"].as_array().unwrap().len(),
        n("supervision/cases").min(xinfang::domain::stats::LIST_PAGE),
        "{code}"
    );
    checked
}
