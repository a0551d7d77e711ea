//! `apply` under mutated input (issue 14, "Done means"): 10,000 lines made from valid ones
//! by byte flips, truncations, invalid UTF-8, huge numbers, wrong types, deep nesting,
//! unknown fields, blank and `#` lines and long or control-laden texts, with a fixed seed. No
//! panic, and exactly one result line per input line, in order, each failure and each
//! skipped line naming its line. Run through `apply`'s own loop in process; then a few hundred through the
//! real binary.

mod common;

use std::io::Write;
use std::process::Stdio;

use chrono::DateTime;
use common::{Ledger, SIGNER, key, signed_in};
use serde_json::{Value, json};
use xinfang::cli::apply::{Signer, apply_all};
use xinfang::clock::Clock;
use xinfang::config::Office;
use xinfang::store::Store;
use xinfang::strings::Lang;

/// xorshift64*: small, fixed, the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Valid lines of every kind, on cases 1–3 (which the first intakes make).
fn seeds() -> Vec<Value> {
    let at = "2026-03-02T10:00:00+08:00";
    vec![
        json!({"op":"intake","actor":"李娜","at":"2026-03-02T09:00:00+08:00","channel":"visit","people":2,
            "petitioners":[{"name":"张三","sex":"male","id_number":"11010519491231002X","phone":"13800138000",
            "address":"幸福里3号","main":true}],"category":"城乡建设","target":"某街道办","summary":"反映拆迁补偿款未到位",
            "request":"要求支付","urgency":"normal"}),
        json!({"op":"intake","actor":"李娜","channel":"letter","anonymous":true,"postmark":"2026-03-01",
            "referral":{"body":"市信访局","doc_no":"市信转〔2026〕1号","deadline":"2026-04-01"},
            "category":"城乡建设","summary":"匿名来信"}),
        json!({"op":"register","actor":"李娜","case":1,"decision":"accept","at":at}),
        json!({"op":"register","actor":"李娜","case":2,"decision":"decline","reason":"not_competent","route":"向法院起诉"}),
        json!({"op":"register","actor":"李娜","case":3,"decision":"pass_on","to":"区住建局","assign":true,"report_by":"2026-12-30"}),
        json!({"op":"assign","actor":"李娜","case":"2026-0001","department":"城建科","handler":"王强","leader":"赵局长"}),
        json!({"op":"opinion","actor":"王强","case":1,"text":"建议支付"}),
        json!({"op":"instruct","actor":"赵局长","case":1,"approve":true,"text":"同意"}),
        json!({"op":"extend","actor":"赵局长","case":1,"days":30,"reason":"需评估"}),
        json!({"op":"supervise","actor":"赵局长","case":1,"ground":"overdue","feedback_by":"2026-12-20"}),
        json!({"op":"remind","actor":"李娜","case":1,"ground":"请加快","to":"城建科","reply_by":"2026-12-20"}),
        json!({"op":"reply","actor":"王强","case":1,"outcome":"support","method":"post","text":"支持","served_at":"2026-12-01"}),
        json!({"op":"return_visit","actor":"李娜","case":1,"unit":"satisfied","office":"satisfied"}),
        json!({"op":"archive","actor":"李娜","case":1}),
        json!({"op":"review","actor":"李娜","case":1,"text":"不服"}),
        json!({"op":"own","actor":"赵局长","case":1}),
        json!({"op":"resolve","actor":"王强","case":1,"how":"mediation","text":"达成协议"}),
        json!({"op":"issue","actor":"李娜","case":1,"kind":"accept"}),
        json!({"op":"hearing","actor":"赵局长","case":1,"from":"2026-03-02","to":"2026-03-03","participants":"p","conclusion":"c"}),
        json!({"op":"report_received","actor":"李娜","case":3,"summary":"已办结"}),
        json!({"op":"schedule","date":"2026-12-09","leader":"赵局长","place":"一楼"}),
        json!({"op":"reception","leader":"赵局长","visitor":"张三","said":"补偿款","case":1}),
        json!({"op":"operator","name":"孙八","role":"clerk","department":"城建科"}),
        json!({"op":"department","name":"信访科"}),
        json!({"op":"office","name":"某区信访局","prefix":"X信"}),
    ]
}

const VALUES: [&str; 14] = [
    "null",
    "true",
    "0",
    "-1",
    "1e999",
    "18446744073709551616",
    "-9223372036854775809",
    "1.5",
    "[]",
    "{}",
    "\"\"",
    "[[1],{\"a\":{}}]",
    "\"\\u0000\\u001b]0;x\\u0007\"",
    "\"2026-02-30\"",
];

const BAD_UTF8: [&[u8]; 6] = [
    b"\xff",
    b"\xfe\xff",
    b"\xc3",
    b"\xed\xa0\x80",
    b"\xc0\xaf",
    b"\xf4\x90\x80\x80",
];

/// The line with one value replaced by `raw` JSON text.
fn with_value(v: &Value, rng: &mut Rng, raw: &str) -> Vec<u8> {
    let Value::Object(map) = v else {
        return raw.as_bytes().to_vec();
    };
    let keys: Vec<&String> = map.keys().collect();
    let chosen = rng.pick(&keys).as_str();
    let mut parts = Vec::new();
    for (k, val) in map {
        let text = if k == chosen {
            raw.to_owned()
        } else {
            val.to_string()
        };
        parts.push(format!("{}:{text}", Value::String(k.clone())));
    }
    format!("{{{}}}", parts.join(",")).into_bytes()
}

fn mutate(seed: &Value, rng: &mut Rng) -> Vec<u8> {
    let mut bytes = seed.to_string().into_bytes();
    match rng.below(11) {
        0 => {
            for _ in 0..=rng.below(3) {
                let i = rng.below(bytes.len());
                bytes[i] ^= 1 << rng.below(8);
            }
        }
        1 => bytes.truncate(rng.below(bytes.len())),
        2 => {
            let i = rng.below(bytes.len());
            let bad = rng.pick(&BAD_UTF8);
            bytes.splice(i..i, bad.iter().copied());
        }
        3 | 4 => {
            let raw = *rng.pick(&VALUES);
            bytes = with_value(seed, rng, raw);
        }
        5 => {
            let depth = *rng.pick(&[10, 127, 129, 300, 5000]);
            let raw = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            bytes = with_value(seed, rng, &raw);
        }
        6 => {
            let mut v = seed.clone();
            let name = *rng.pick(&["leadr", "sumary", "actr", "zz", "", "op ", "案件"]);
            v[name] = json!(1);
            bytes = v.to_string().into_bytes();
        }
        7 => {
            let mut v = seed.clone();
            let text = match rng.below(3) {
                0 => "长".repeat(20_001),
                1 => "a\u{1b}[2J\u{9b}\u{0}".to_owned(),
                _ => "名".repeat(65),
            };
            let field = *rng.pick(&["summary", "text", "name", "reason", "visitor"]);
            v[field] = json!(text);
            bytes = v.to_string().into_bytes();
        }
        8 => bytes = (0..rng.below(80)).map(|_| rng.next() as u8).collect(),
        9 => {
            let quiet: [&[u8]; 6] = [b"", b"  \t", b"\r", b"# note", b"  #{}", b"# \xff"];
            bytes = rng.pick(&quiet).to_vec();
        }
        _ => {}
    }
    bytes
}

/// `n` mutated lines, joined by line breaks (a flip may make a break of its own).
fn input(n: usize, seed: u64) -> Vec<u8> {
    let seeds = seeds();
    let mut rng = Rng(seed);
    let mut out = Vec::new();
    for i in 0..n {
        // The first lines make the cases the others act on.
        let line = if i < 3 {
            seeds[i.min(1)].to_string().into_bytes()
        } else {
            mutate(rng.pick(&seeds), &mut rng)
        };
        out.extend_from_slice(&line);
        out.push(b'\n');
    }
    out
}

/// The numbers of the lines that must be answered: every one, blank and `#` lines too.
fn answered(input: &[u8]) -> Vec<usize> {
    let mut lines: Vec<&[u8]> = input.split(|b| *b == b'\n').collect();
    if lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    (1..=lines.len()).collect()
}

/// Each result is a JSON object with `ok`; a failure names its line, in order.
fn check_results(stdout: &str, expected: &[usize]) -> usize {
    let results: Vec<&str> = stdout.lines().collect();
    assert_eq!(results.len(), expected.len(), "one result per line");
    let skipped = results.iter().filter(|r| r.contains("\"skipped\"")).count();
    assert!(skipped > 0, "blank and comment lines are answered too");
    let mut ok = 0;
    for (text, n) in results.iter().zip(expected) {
        let v: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"));
        match v["ok"].as_bool() {
            Some(true) if v.get("skipped").is_some() => assert_eq!(v["line"], json!(n), "{v}"),
            Some(true) => ok += 1,
            Some(false) => {
                assert_eq!(v["line"], json!(n), "{v}");
                assert!(v["error"].as_str().is_some_and(|e| !e.is_empty()), "{v}");
            }
            None => panic!("no ok: {v}"),
        }
        assert!(
            !text.chars().any(char::is_control),
            "a raw control character in {text}"
        );
    }
    ok
}

#[test]
fn ten_thousand_mutated_lines_get_one_answer_each() {
    let l = Ledger::set_up();
    let mut store = Store::open(&l.path, Office::builtin(), &key()).expect("open");
    let now = DateTime::parse_from_rfc3339("2026-12-05T12:00:00+08:00").expect("time");
    let input = input(10_000, 0x5EED_1414);
    let expected = answered(&input);
    assert!(expected.len() >= 10_000, "{}", expected.len());
    let mut out = Vec::new();
    let signer = Signer::new(Some(SIGNER));
    apply_all(
        &mut store,
        &input[..],
        &mut out,
        &signer,
        Lang::En,
        &Clock::fixed(now),
    )
    .expect("apply runs to the end");
    let stdout = String::from_utf8(out).expect("results are UTF-8");
    let ok = check_results(&stdout, &expected);
    // Some mutations leave a valid line: the run went on writing after failures.
    assert!(ok > 50, "{ok} lines were taken");
    drop(store);
    let check = l.check();
    assert!(check.success(), "{check:?}");
}

#[test]
fn the_binary_answers_every_line_of_a_mutated_script() {
    let l = Ledger::set_up();
    let input = input(300, 0xB1_7E5);
    let expected = answered(&input);
    let args = signed_in(&["--lang", "zh-CN", "apply", "--db", l.db(), "-"]);
    let mut child = common::command()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start xinfang");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().expect("wait");
    writer.join().expect("writer").expect("stdin written");
    let stdout = String::from_utf8(out.stdout).expect("results are UTF-8");
    check_results(&stdout, &expected);
    assert_eq!(out.status.code(), Some(1), "some lines failed");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}
