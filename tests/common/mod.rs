//! The tests' one shared module. Here: helpers for tests that drive the real
//! `xinfang` binary (a private temporary ledger, running the binary with
//! arguments and stdin, a setup JSONL of operators and a department, intake
//! lines); `fixture`: a small office and case builders for tests of the
//! domain, the store and the desk; `report`: the report tests' hand-built
//! ledger and JSON readers; `recount`: the report's figures counted again
//! from an export; `tmux`: the desk in a terminal; `desk`: the desk driven
//! key by key through its update, runtime and a TestBackend.
#![allow(dead_code)]

pub mod accused;
pub mod chain;
pub mod desk;
pub mod fixture;
pub mod recount;
pub mod report;
pub mod tmux;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use serde_json::{Value, json};
use xinfang::config::Office;
use xinfang::store::{DataKey, Kdf, Keyring, Store, is_plaintext};

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
        .env_remove("XINFANG_NOW")
        .env(
            "XINFANG_CONFIG",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/xinfang-no-config"),
        )
        .env("RUST_BACKTRACE", "0");
    cmd
}

/// The tests' data key. Every ledger the tests make is encrypted with it, so that a
/// test can open in process (`Store::open(…, &common::key())`) what the binary wrote.
pub fn key() -> DataKey {
    DataKey::from_bytes([7; 32])
}

/// Who signs in when a test's command line names nobody with `--as`: a key slot
/// only, not an operator of the ledger (acts are still by each line's `actor`).
pub const SIGNER: &str = "测试签入";

/// Every slot the tests make opens with this; the demo's with `demo`.
pub const PASSPHRASE: &str = "测试口令 correct horse";

/// Makes `path` its owner's alone (0600), as a passphrase file should be: the CLI warns
/// on one others may read.
pub fn private(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// A file holding `pass` (written once per test process, atomically).
fn passphrase_file(pass: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let name = if pass == PASSPHRASE {
        "xinfang-test-passphrase"
    } else {
        "xinfang-demo-passphrase"
    };
    let path = dir.join(name);
    if std::fs::read_to_string(&path).ok().as_deref() != Some(pass) {
        let tmp = dir.join(format!("{name}.{}", std::process::id()));
        std::fs::write(&tmp, pass).expect("passphrase file");
        private(&tmp);
        std::fs::rename(&tmp, &path).expect("passphrase file");
    }
    path
}

/// `args` signed in the way a script would: `--as` (the test's own, else
/// `SIGNER`) and `--passphrase-file`; the signer gets a slot when the ledger is
/// the tests' own (encrypted with `key()`). Command lines that sign in by
/// themselves, `init`, `encrypt` and a `demo` into a new file are left as they are.
pub fn signed_in(args: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| *a == flag)
            .and_then(|i| args.get(i + 1))
    };
    let Some(db) = value("--db") else {
        return out;
    };
    let own = [
        "--passphrase-file",
        "--passphrase-fd",
        "--recovery-key-file",
        "init",
        "encrypt",
    ];
    let db = Path::new(db);
    let new_demo = args.contains(&"demo") && !db.exists();
    if args.iter().any(|a| own.contains(a)) || new_demo || !db.parent().is_some_and(Path::exists) {
        return out;
    }
    let (name, pass) = prepare(db, value("--as").copied());
    if value("--as").is_none() {
        out.extend(["--as".to_owned(), name]);
    }
    out.extend([
        "--passphrase-file".to_owned(),
        passphrase_file(pass).display().to_string(),
    ]);
    out
}

/// Makes `db` openable by `who` (or `SIGNER`); returns who signs in and with what.
/// The tests' own ledgers have a `SIGNER` slot (and open with `key()`); a ledger
/// without one was made by `demo` or `init`.
fn prepare(db: &Path, who: Option<&str>) -> (String, &'static str) {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _guard = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let asked = || (who.unwrap_or(SIGNER).to_owned(), PASSPHRASE);
    if !db.exists() || is_plaintext(db) {
        // No ledger, or a plaintext one: let the binary say so.
        return asked();
    }
    let mut ring = match Keyring::load(db) {
        Ok(ring) => ring,
        // Made in process by a test (`Store::open(…, &common::key())`).
        Err(_) if Store::open_read_only(db, Office::builtin(), &key()).is_ok() => {
            Keyring::new(db).expect("new key slots")
        }
        // Damaged on purpose by the test: let the binary say so.
        Err(_) => return asked(),
    };
    if !ring.operators().is_empty() && !ring.operators().contains(&SIGNER) {
        // A demo ledger: every operator's passphrase is `demo`.
        let first = ring.operators().first().map(|s| (*s).to_owned());
        return (who.map(str::to_owned).or(first).unwrap_or_default(), "demo");
    }
    let name = who.unwrap_or(SIGNER);
    if !ring.operators().contains(&SIGNER) {
        make_signer_a_leader(db);
    }
    for n in [SIGNER, name] {
        if !ring.operators().contains(&n) {
            // The cheapest argon2: the tests exercise the slots, not the cost.
            ring.add(n, PASSPHRASE, &key(), Kdf::PUBLIC)
                .expect("a test slot");
        }
    }
    ring.save().expect("save the slots");
    (name.to_owned(), PASSPHRASE)
}

/// `SIGNER` as an active leader of the test ledger at `db` (unjournaled, as setup is):
/// a script's lines act as the operators they name, which only a leader who signed in
/// may enter (apply's actor rules).
fn make_signer_a_leader(db: &Path) {
    let Ok(mut store) = Store::open(db, Office::builtin(), &key()) else {
        return;
    };
    let known = store
        .operators()
        .map(|ops| ops.iter().any(|o| o.name == SIGNER))
        .unwrap_or(false);
    if !known {
        let leader = xinfang::domain::rules::Operator {
            name: SIGNER.to_owned(),
            role: xinfang::domain::types::Role::Leader,
            department: None,
            active: true,
            unit: None,
            department_wide: false,
        };
        store
            .put_operator(&leader)
            .expect("the tests' signer as a leader");
    }
}

/// A plain SQLite connection to a test ledger, keyed with `key()` (for tests that
/// tamper with rows or hold locks behind the ledger's back).
pub fn sqlite(path: &Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).expect("open the ledger file");
    conn.execute_batch(KEY_PRAGMA).expect("key the connection");
    conn
}

/// The statement that keys a connection with `key()`.
pub const KEY_PRAGMA: &str = "PRAGMA key = \"x'0707070707070707070707070707070707070707070707070707070707070707'\"; \
     PRAGMA cipher_hmac_algorithm = HMAC_SHA256;";

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
        .args(signed_in(args))
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
    /// A new empty ledger, encrypted with `key()` (as `init` makes one, but
    /// with no operator yet: the tests add their own).
    pub fn new() -> Ledger {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("ledger.db");
        drop(Store::open(&path, Office::builtin(), &key()).expect("a new test ledger"));
        prepare(&path, None);
        Ledger { dir, path }
    }

    /// A path in a fresh temporary directory where no ledger is yet.
    pub fn empty() -> Ledger {
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

/// `xinfang import` on `l` with `extra` (the file and its options).
pub fn import(l: &Ledger, extra: &[&str]) -> Out {
    let mut args = vec!["import", "--db", l.db()];
    args.extend_from_slice(extra);
    run(&args, "")
}

/// Every case of a ledger as `export --format json --full` gives it.
pub fn exported(l: &Ledger) -> Vec<Value> {
    let o = run(
        &["export", "--db", l.db(), "--format", "json", "--full"],
        "",
    );
    assert!(o.success(), "{o:?}");
    let v: Value = serde_json::from_str(&o.stdout).expect("json");
    v.as_array().cloned().unwrap_or_default()
}
