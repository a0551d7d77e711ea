//! The report tests' ledger and readers: the hand-built ledger of
//! `fixtures/report.jsonl`, a report as JSON, and its figures.

use serde_json::Value;

use super::{Ledger, run};

pub const LEDGER: &str = include_str!("../fixtures/report.jsonl");

pub fn hand_built() -> Ledger {
    let l = Ledger::new();
    l.apply_ok(LEDGER);
    l
}

pub fn report_json(l: &Ledger, period: &str) -> Value {
    let out = run(
        &[
            "report",
            "--db",
            l.db(),
            "--period",
            period,
            "--format",
            "json",
        ],
        "",
    );
    assert!(out.success(), "{out:?}");
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", out.stdout))
}

/// The figure `section`/`key` of a JSON report.
pub fn figure<'a>(r: &'a Value, section: &str, key: &str) -> &'a Value {
    r["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["section"] == section && f["key"] == key)
        .unwrap_or_else(|| panic!("no figure {section}/{key}"))
}

/// (now, previous, last year) of a count.
pub fn three(r: &Value, section: &str, key: &str) -> (u64, u64, u64) {
    let f = figure(r, section, key);
    let n = |v: &Value| v.as_u64().unwrap_or_else(|| panic!("{section}/{key}: {f}"));
    (n(&f["value"]), n(&f["previous"]), n(&f["last_year"]))
}

/// (now, previous, last year) of a rate.
pub fn rates(r: &Value, section: &str, key: &str) -> (Option<f64>, Option<f64>, Option<f64>) {
    let f = figure(r, section, key);
    assert_eq!(f["measure"], "rate", "{section}/{key}");
    (
        f["value"].as_f64(),
        f["previous"].as_f64(),
        f["last_year"].as_f64(),
    )
}
