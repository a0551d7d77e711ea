//! Issue 20's walk, as an office does it, with the real binary: a dispute is screened
//! (`screening add`), escalated into a new case (`screening escalate --new`), put under 包案 as
//! 积案 at the leader's desk in tmux (`J`: mark, 包案领导, a 会商, the progress to 化解), and the
//! month's 《矛盾纠纷排查化解情况统计表》 printed; `check` passes over all of it.

mod common;

use common::tmux::{Desk, have_tmux};
use common::{Ledger, run};
use serde_json::Value;

fn cli(l: &Ledger, who: &str, args: &[&str]) -> common::Out {
    let mut all = args.to_vec();
    all.extend_from_slice(&["--db", l.db(), "--as", who]);
    run(&all, "")
}

#[test]
fn a_dispute_screened_escalated_put_under_a_leader_and_counted() {
    if !have_tmux() {
        eprintln!("tmux not installed: skipped");
        return;
    }
    let l = Ledger::set_up();
    let add = [
        "screening",
        "add",
        "--found-by",
        "网格员老王",
        "--unit",
        "城建科",
        "--place",
        "东街村",
        "--party",
        "村民甲",
        "--party",
        "村民乙",
        "--kind",
        "land",
        "--risk",
        "major",
        "--summary",
        "宅基地地界纠纷，双方多次冲突",
        "--responsible",
        "城建科",
    ];
    let o = cli(&l, "李娜", &add);
    assert!(o.success(), "{o:?}");
    let up = [
        "screening",
        "escalate",
        "1",
        "--new",
        "--category",
        "城乡建设",
    ];
    let o = cli(&l, "赵局长", &up);
    assert!(o.success(), "{o:?}");
    let list = cli(&l, "赵局长", &["screening", "list", "--json"]);
    let entries: Value = serde_json::from_str(&list.stdout).expect("json");
    assert_eq!(entries[0]["state"], "escalated", "{}", list.stdout);
    let case = entries[0]["case_id"].as_i64().expect("a case").to_string();
    // The month it was found in (today, in the office's time).
    let found_on = entries[0]["found_on"].as_str().unwrap_or_default();
    let month = found_on.get(..7).expect("a date").to_owned();

    // The leader's desk: 积案, its 包案领导, a 会商 and the progress that settles it.
    let d = Desk::start(&l, "round", Some("赵局长"));
    d.sees("领导视图");
    d.keys(&["J"]);
    d.sees("信访积案（");
    d.keys(&["m"]);
    d.sees("认定积案");
    d.keys(&["C-u"]);
    d.typ(&case);
    d.keys(&["Enter"]);
    d.typ("排查发现的重大矛盾，转为信访件");
    d.keys(&["Enter"]);
    d.sees("已保存");
    d.keys(&["b"]);
    d.keys(&["C-u"]);
    d.typ("赵局长");
    d.keys(&["Enter"]);
    d.sees("已保存");
    d.keys(&["h"]);
    d.sees("登记会商");
    d.keys(&["Enter"]);
    d.typ("赵局长、王强");
    d.keys(&["Enter"]);
    d.typ("由城建科牵头现场调处");
    d.keys(&["Enter"]);
    d.sees("由城建科牵头现场调处");
    d.keys(&["g"]);
    d.keys(&["C-u"]);
    d.typ("双方签订调解协议，已化解");
    d.keys(&["Enter"]);
    d.sees("双方签订调解协议");
    d.keys(&["q"]);
    assert!(common::tmux::eventually(|| !d.alive()));

    let files = cli(&l, "赵局长", &["backlog", "list", "--json"]);
    for said in [
        "排查发现的重大矛盾",
        "由城建科牵头现场调处",
        "双方签订调解协议，已化解",
        "赵局长",
    ] {
        assert!(files.stdout.contains(said), "{said} in {}", files.stdout);
    }
    // The month's table: one found (土地山林水利), one become a case.
    let table = cli(
        &l,
        "赵局长",
        &["--lang", "en", "screening", "table", "--month", &month],
    );
    assert!(table.success(), "{table:?}");
    let row = |name: &str| -> Vec<String> {
        let line = table.stdout.lines().find(|l| l.starts_with(name));
        let line = line.unwrap_or_else(|| panic!("no {name} row in {}", table.stdout));
        line.split_whitespace()
            .rev()
            .take(4)
            .map(str::to_owned)
            .collect()
    };
    // found, resolved, became cases, in hand (read from the right).
    assert_eq!(row("land, forest and water"), ["0", "1", "0", "1"]);
    assert_eq!(row("城建科"), ["0", "1", "0", "1"]);
    let html = l.file("排查.html");
    let args = [
        "screening",
        "table",
        "--month",
        &month,
        "--format",
        "html",
        "--out",
    ];
    let mut args = args.to_vec();
    args.push(html.to_str().expect("a path"));
    assert!(cli(&l, "赵局长", &args).success());
    let page = std::fs::read_to_string(&html).expect("the table");
    assert!(page.contains("矛盾纠纷排查化解情况统计表"), "{page}");
    let check = l.check();
    assert!(check.success(), "{}", check.stderr);
}
