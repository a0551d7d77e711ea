//! `xinfang replay`: the real binary drives its own desk from a key file
//! on a demo ledger (no terminal), prints each key's time to the finished
//! frame and the final screen. No timing is asserted: only that times are
//! there, and what the screen and the ledger show.

mod common;

use common::{Ledger, Out, run};
use serde_json::Value;

/// A 200-case demo ledger (the demo's first clerk is 李娜).
fn demo() -> Ledger {
    let l = Ledger::new();
    let out = run(
        &["demo", "--db", l.db(), "--cases", "200", "--seed", "7"],
        "",
    );
    assert!(out.success(), "{out:?}");
    l
}

fn replay(l: &Ledger, keys: &str, extra: &[&str]) -> Out {
    let file = l.file("keys.txt");
    std::fs::write(&file, keys).unwrap();
    let file = file.to_str().unwrap().to_owned();
    let mut args = vec!["replay", "--db", l.db(), "--keys", &file, "--as", "李娜"];
    args.extend_from_slice(extra);
    run(&args, "")
}

fn replay_json(l: &Ledger, keys: &str, size: &str) -> Value {
    let out = replay(l, keys, &["--size", size, "--json"]);
    assert!(out.success(), "{out:?}");
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", out.stdout))
}

fn screen(v: &Value) -> Vec<String> {
    v["screen"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn queue_search_case_and_form_in_one_replay() {
    let l = demo();
    let keys = "# the queue, a search, a case, a visitor's form\n\
                j *3\npgdn\npgup\n/\ntext: 王\nesc\nenter\nesc\nn\n1\ntext: 张建国\ntab\n";
    let v = replay_json(&l, keys, "100x30");

    // The JSON's shape: one entry per key press, in order, each timed.
    let presses = v["keys"].as_array().unwrap();
    let labels: Vec<&str> = presses.iter().map(|k| k["key"].as_str().unwrap()).collect();
    assert_eq!(
        labels,
        [
            "j", "j", "j", "pgdn", "pgup", "/", "王", "esc", "enter", "esc", "n", "1", "张", "建",
            "国", "tab"
        ]
    );
    let lines: Vec<u64> = presses
        .iter()
        .map(|k| k["line"].as_u64().unwrap())
        .collect();
    assert_eq!(
        lines,
        [2, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 12, 12, 13]
    );
    assert!(presses.iter().all(|k| k["ms"].as_f64().unwrap() >= 0.0));
    let s = &v["summary"];
    assert_eq!(s["keys"], 16);
    let (min, med, p99, max) = (
        s["min_ms"].as_f64().unwrap(),
        s["median_ms"].as_f64().unwrap(),
        s["p99_ms"].as_f64().unwrap(),
        s["max_ms"].as_f64().unwrap(),
    );
    assert!(min <= med && med <= p99 && p99 <= max, "{s}");
    assert!(v["start_ms"].as_f64().unwrap() > 0.0);
    assert_eq!(v["operator"], "李娜");
    assert_eq!(v["size"]["columns"], 100);
    assert_eq!(v["quit"], false);

    // The final screen: the visitor's form with the name typed.
    let screen = screen(&v);
    assert_eq!(screen.len(), 30);
    assert!(screen[0].starts_with("新登记 来访"), "{screen:#?}");
    assert!(
        screen
            .iter()
            .any(|l| l.contains("姓名") && l.contains("张建国")),
        "{screen:#?}"
    );
    assert!(screen[29].contains("Ctrl-S 保存"), "{screen:#?}");
}

#[test]
fn search_as_you_type_shows_what_the_index_finds() {
    let l = demo();
    let v = replay_json(&l, "/\ntext: 王\n", "120x40");
    let screen = screen(&v);
    assert!(screen.iter().any(|l| l.contains("王")));
    // The rows on screen are the newest hits of `xinfang search` by the same reader (a
    // confidential case another clerk received is hidden from both), in order.
    let out = run(
        &[
            "search",
            "--db",
            l.db(),
            "王",
            "--json",
            "--limit",
            "5",
            "--as",
            "李娜",
        ],
        "",
    );
    assert!(out.success(), "{out:?}");
    let hits: Value = serde_json::from_str(&out.stdout).unwrap();
    let numbers: Vec<String> = hits
        .as_array()
        .unwrap()
        .iter()
        .map(|h| match h["case"]["case_no"].as_str() {
            Some(no) => no.to_owned(),
            None => format!("#{}", h["case"]["id"]),
        })
        .collect();
    assert_eq!(numbers.len(), 5);
    let shown: Vec<String> = screen[3..8]
        .iter()
        .map(|l| l.split_whitespace().next().unwrap_or("").to_owned())
        .collect();
    assert_eq!(shown, numbers, "{screen:#?}");
}

#[test]
fn a_visitor_is_taken_in_and_registered_for_good() {
    let l = demo();
    let keys = "n\n1\ntext: 张三\ntab *8\ntext: 城乡\ntab *5\n\
                text: 反映小区电梯长期停运\nctrl-s\nd\nctrl-s\n";
    let v = replay_json(&l, keys, "100x30");
    let screen = screen(&v);
    let no = screen[0].split_whitespace().next().unwrap().to_owned();
    assert!(no.starts_with("20"), "a case number: {screen:#?}");
    assert!(screen[0].contains("已登记"), "{screen:#?}");
    assert!(screen.iter().any(|l| l.contains("反映小区电梯长期停运")));

    // The ledger has it, as the desk would have left it.
    let out = run(&["show", "--db", l.db(), &no, "--json"], "");
    assert!(out.success(), "{out:?}");
    let shown: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(shown["case"]["state"], "registered", "{shown}");
    assert_eq!(shown["case"]["intake"]["category"], "城乡建设", "{shown}");
    assert!(l.check().success());
}

#[test]
fn text_report_and_mistakes_in_the_key_file() {
    let l = demo();
    let out = replay(&l, "j\nk\n", &[]);
    assert!(out.success(), "{out:?}");
    assert!(out.stdout.contains("中位数"), "{}", out.stdout);
    assert!(out.stdout.contains("最终画面 (120x40)"), "{}", out.stdout);
    assert!(out.stdout.contains("信访接待台账"), "{}", out.stdout);

    // A mistake names the file's line and the fix, in the user's language.
    let out = replay(&l, "j\n\nctl-s\n", &[]);
    assert!(!out.success());
    assert!(
        out.stderr
            .contains("第 3 行：无法识别的按键 \"ctl-s\"，应写作 ctrl-s"),
        "{}",
        out.stderr
    );
    let out = replay(&l, "pgdn *lots\n", &["--lang", "en"]);
    assert!(!out.success());
    assert!(
        out.stderr.contains("line 1: the repeat count \"lots\""),
        "{}",
        out.stderr
    );
    let out = replay(&l, "j\n", &["--size", "wide"]);
    assert!(out.stderr.contains("120x40"), "{}", out.stderr);
    // Pressing q quits the desk: the rest is not pressed, and it says so.
    let out = replay(&l, "q\nj\nj\n", &["--lang", "en"]);
    assert!(out.success(), "{out:?}");
    assert!(
        out.stderr.contains("quit after line 1; 2 more keys"),
        "{}",
        out.stderr
    );
    // A ledger that is not there is not made.
    let missing = l.file("nothing.db");
    let out = run(
        &[
            "replay",
            "--db",
            missing.to_str().unwrap(),
            "--keys",
            l.file("keys.txt").to_str().unwrap(),
        ],
        "",
    );
    assert!(!out.success());
    assert!(!missing.exists());
}
