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

/// `xinfang report --period PERIOD --format FORMAT`'s output, which succeeded.
pub fn report_as(l: &Ledger, period: &str, format: &str) -> String {
    report_with(l, period, format, &[])
}

fn report_with(l: &Ledger, period: &str, format: &str, more: &[&str]) -> String {
    let mut args = vec!["report", "--db", l.db(), "--period", period];
    args.extend_from_slice(&["--format", format]);
    args.extend_from_slice(more);
    let out = run(&args, "");
    assert!(out.success(), "{out:?}");
    out.stdout
}

pub fn report_json(l: &Ledger, period: &str) -> Value {
    let out = report_as(l, period, "json");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

/// The Word report of `period` (`--format docx --out`), its word/document.xml.
pub fn docx_xml(l: &Ledger, period: &str) -> String {
    let path = l.file(&format!("report-{period}.docx"));
    let out = path.to_str().unwrap_or_default();
    report_with(l, period, "docx", &["--out", out]);
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    xml
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
