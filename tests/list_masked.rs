//! `list --json`, `search --json` and `repeats --json` are lists: ID numbers and phones are
//! masked in them as on every list (README), for a clerk and a leader alike; `show` gives
//! the case whole. A trial had every petitioner's full ID and phone from a clerk's
//! `list --json --limit 100000`.

mod common;

use common::{Ledger, intake_lines, run};

#[test]
fn lists_in_json_are_masked_and_show_is_whole() {
    let l = Ledger::set_up();
    l.apply_ok(&intake_lines(2, "补偿款"));
    for args in [
        vec!["list", "--json"],
        vec!["search", "补偿款", "--json"],
        vec!["repeats", "--phone", "13800138000", "--json"],
    ] {
        let mut all = args.clone();
        all.extend(["--db", l.db(), "--as", "李娜"]);
        let o = run(&all, "");
        assert!(o.success(), "{args:?} {o:?}");
        assert!(
            o.stdout.contains("110105********002X") && o.stdout.contains("138****8000"),
            "{args:?}: {}",
            o.stdout
        );
        assert!(
            !o.stdout.contains("11010519491231002X") && !o.stdout.contains("13800138000"),
            "{args:?}: {}",
            o.stdout
        );
    }
    let show = run(&["show", "1", "--json", "--db", l.db(), "--as", "李娜"], "");
    assert!(show.success(), "{show:?}");
    assert!(
        show.stdout.contains("11010519491231002X"),
        "{}",
        show.stdout
    );
}
