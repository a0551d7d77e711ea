//! The tests' one shared module. Here: helpers for tests that drive the real
//! `xinfang` binary (a private temporary ledger, running the binary with
//! arguments and stdin, a setup JSONL of operators and a department, intake
//! lines); `fixture`: a small office and case builders for tests of the
//! domain, the store and the desk; `report`: the report tests' hand-built
//! ledger and JSON readers; `recount`: the report's figures counted again
//! from an export; `tmux`: the desk in a terminal; `desk`: the desk driven
//! key by key through its update, runtime and a TestBackend.
#![allow(dead_code)]

pub mod desk;
pub mod fixture;
pub mod recount;
pub mod report;
pub mod tmux;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use serde_json::{Value, json};

/// Operators 李娜 (clerk), 王强 (handler, 城建科), 赵局长 (leader) and the
/// department 城建科.
pub const SETUP: &str = r#"{"op":"operator","name":"李娜","role":"clerk"}
{"op":"operator","name":"王强","role":"handler","department":"城建科"}
{"op":"operator","name":"赵局长","role":"leader"}
{"op":"department","name":"城建科"}
"#;

/// The binary, isolated from the caller's environment: no `XINFANG_DB`,
/// no `XINFANG_LANG`, and a config directory that does not exist (so the
/// builtin policy and holidays apply).
pub fn command() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_xinfang"));
    cmd.env_remove("XINFANG_DB")
        .env_remove("XINFANG_LANG")
        .env(
            "XINFANG_CONFIG",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/xinfang-no-config"),
        )
        .env("RUST_BACKTRACE", "0");
    cmd
}

/// What a finished run left.
#[derive(Debug)]
pub struct Out {
    /// None when killed by a signal.
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Out {
    pub fn success(&self) -> bool {
        self.code == Some(0)
    }

    /// stdout as JSON lines (the `apply` results).
    pub fn json_lines(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect()
    }
}

/// Starts the binary with stdin fed from a thread (so that large inputs do
/// not deadlock) and stdout/stderr piped. A closed stdin (the child died)
/// ends the writer quietly.
pub fn spawn(args: &[&str], stdin: String) -> Child {
    let mut child = command()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start xinfang");
    let mut input = child.stdin.take().expect("stdin");
    std::thread::spawn(move || {
        let _ = input.write_all(stdin.as_bytes());
    });
    child
}

/// Waits for a child started by `spawn`.
pub fn finish(child: Child) -> Out {
    let out = child.wait_with_output().expect("wait for xinfang");
    Out {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs the binary to the end.
pub fn run(args: &[&str], stdin: &str) -> Out {
    finish(spawn(args, stdin.to_owned()))
}

/// A ledger path inside a fresh temporary directory (removed on drop).
pub struct Ledger {
    dir: tempfile::TempDir,
    pub path: PathBuf,
}

impl Ledger {
    /// The path only: the file does not exist yet.
    pub fn new() -> Ledger {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("ledger.db");
        Ledger { dir, path }
    }

    /// A ledger with `SETUP` applied.
    pub fn set_up() -> Ledger {
        let l = Ledger::new();
        l.apply_ok(SETUP);
        l
    }

    pub fn db(&self) -> &str {
        self.path.to_str().expect("UTF-8 temp path")
    }

    /// Another path in the same temporary directory.
    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// `xinfang --lang en apply --db L -` with `input`.
    pub fn apply(&self, input: &str) -> Out {
        run(&["--lang", "en", "apply", "--db", self.db(), "-"], input)
    }

    /// Like `apply`, asserting that every line was committed.
    pub fn apply_ok(&self, input: &str) -> Vec<Value> {
        let out = self.apply(input);
        assert!(out.success(), "apply failed: {out:?}");
        let lines = out.json_lines();
        assert!(lines.iter().all(|v| v["ok"] == true), "{lines:?}");
        lines
    }

    /// `xinfang --lang en check --db L`.
    pub fn check(&self) -> Out {
        run(&["--lang", "en", "check", "--db", self.db()], "")
    }
}

/// `n` intake lines by 李娜, all received in 2026; the summary of line `i`
/// (0-based) is `"{tag} {i}"`.
pub fn intake_lines(n: usize, tag: &str) -> String {
    let mut s = String::new();
    for i in 0..n {
        let line = json!({
            "op": "intake",
            "actor": "李娜",
            "at": "2026-01-31T10:00:00+08:00",
            "channel": "visit",
            "people": 1,
            "petitioners": [{
                "name": "张三",
                "id_number": "11010519491231002X",
                "phone": "13800138000",
                "address": "某小区",
                "main": true
            }],
            "category": "城乡建设",
            "handling_type": "申诉求决",
            "target": "某街道办事处",
            "summary": format!("{tag} {i}"),
            "request": "要求支付",
            "urgency": "normal"
        });
        s.push_str(&line.to_string());
        s.push('\n');
    }
    s
}

/// A register (accept) line for case `id`, in 2026.
pub fn register_line(id: i64) -> String {
    json!({
        "op": "register",
        "actor": "李娜",
        "case": id,
        "decision": "accept",
        "at": "2026-02-02T09:00:00+08:00"
    })
    .to_string()
        + "\n"
}
