//! The command line: `xinfang [--db PATH] [--lang zh-CN|en] [--as NAME] [COMMAND]`.
//! Errors go to stderr in the user's language with a non-zero exit code.

/// `println!` for the CLI's text on stdout: the line goes through `display::safe`, so
/// stored text (a summary, a name) never carries an escape sequence to the terminal.
macro_rules! say {
    ($($arg:tt)*) => {
        println!("{}", $crate::display::safe(&format!($($arg)*)))
    };
}

/// `eprintln!` likewise, for what is said on stderr (it may quote a stored number or name).
macro_rules! say_err {
    ($($arg:tt)*) => {
        eprintln!("{}", $crate::display::safe(&format!($($arg)*)))
    };
}

mod admin;
pub mod apply;
mod args;
mod args_office;
mod args_preset;
mod attach;
mod attach_line;
mod backlog;
mod calendar;
mod check;
mod demo;
mod desk;
mod evaluation;
pub mod export;
mod firsttime;
mod import;
mod masked;
mod notice;
mod passwd;
mod progress;
mod render;
mod replay;
mod report;
mod report_preset;
mod restore;
mod screening;
mod setup;
mod signin;
mod usage;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use crate::clock::Clock;
use crate::config::{Office, config_dir, default_ledger_path};
use crate::domain::repeat::PetitionerKey;
use crate::domain::types::State;
use crate::store::{CaseRef, DataKey, ListFilter, Store, StoreError, Viewer};
use crate::strings::progress::Job;
use crate::strings::{Lang, cli as text, damage, errors};
use args::{Cli, Cmd};
use progress::Progress;

/// What went wrong, already in words.
pub(crate) struct Failure(String);

impl Failure {
    fn store(lang: Lang, e: &StoreError) -> Failure {
        Failure(errors::store(lang, e))
    }
}

pub fn main() -> ExitCode {
    let lang = args::language_from_env();
    let cli = match args::parse(lang) {
        Ok(cli) => cli,
        Err(e) => return usage::clap_error(&e, lang),
    };
    let lang = cli.lang.as_deref().and_then(Lang::parse).unwrap_or(lang);
    match Env::new(cli, lang).and_then(run) {
        Ok(code) => code,
        Err(Failure(msg)) => {
            // A message may quote what was typed or stored (a case number, a name).
            say_err!("{}{msg}", text::error_prefix(lang));
            ExitCode::FAILURE
        }
    }
}

/// What every command runs with: the command line, the user's language, the office's
/// settings (read once) and the one clock, in the office's UTC offset.
pub(crate) struct Env {
    cli: Cli,
    lang: Lang,
    office: Office,
    clock: Clock,
    /// Who signed in (set by the first open; None inside: the recovery key).
    signed_in: std::cell::OnceCell<Option<String>>,
}

impl Env {
    fn new(cli: Cli, lang: Lang) -> Result<Env, Failure> {
        let office = Office::load(config_dir().as_deref())
            // `main` puts "error: " before it (once).
            .map_err(|e| Failure(e.to_string()))?;
        // A fixed clock for the tests (a script dated ahead of the machine's clock
        // would otherwise be refused, `domain::limits::check_when`). Only a debug
        // build reads it: an office's release build always takes the machine's
        // clock, so nobody dates the journals through the environment.
        let fixed = if cfg!(debug_assertions) {
            std::env::var("XINFANG_NOW").ok()
        } else {
            None
        };
        let clock = match fixed {
            Some(at) => Clock::fixed(
                chrono::DateTime::parse_from_rfc3339(at.trim())
                    .map_err(|_| Failure(text::bad_now(lang, &at)))?,
            ),
            None => Clock::system(office.policy.utc_offset),
        };
        Ok(Env {
            cli,
            lang,
            office,
            clock,
            signed_in: std::cell::OnceCell::new(),
        })
    }

    /// The operator who signed in, once a command has opened the ledger (None: with
    /// the recovery key, or not yet).
    fn signed_in(&self) -> Option<&str> {
        self.signed_in.get().and_then(Option::as_deref)
    }

    fn fail(&self, e: StoreError) -> Failure {
        Failure::store(self.lang, &e)
    }

    fn ledger_path(&self) -> Result<PathBuf, Failure> {
        let path = self
            .cli
            .db
            .clone()
            .or_else(default_ledger_path)
            .ok_or_else(|| Failure(text::no_ledger_path(self.lang).to_owned()))?;
        // A killed backup's temporary file is not a ledger to open, check or set up.
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        if name.is_some_and(|n| n.contains(crate::store::UNFINISHED)) {
            let shown = path.display().to_string();
            return Err(Failure(damage::unfinished_backup(self.lang, &shown)));
        }
        Ok(path)
    }

    fn open(&self) -> Result<Store, Failure> {
        self.open_writable(&self.ledger_path()?)
    }

    /// Opens the existing ledger at `path` for writing, signed in (`signin::sign_in`),
    /// the sign-in recorded in the office journal.
    fn open_writable(&self, path: &Path) -> Result<Store, Failure> {
        let (key, who) = signin::sign_in(self, path)?;
        let mut store = self.open_with(path, &key)?;
        self.journal_sign_in(&mut store, who)?;
        self.read_as_signed_in(store)
    }

    /// Every read from here on shows what the signed-in operator may see (2022 Art 30
    /// 第三款); with the recovery key, everything.
    fn read_as_signed_in(&self, mut store: Store) -> Result<Store, Failure> {
        if let Some(name) = self.signed_in() {
            let operator = self.on_staff(&store, name)?;
            store.set_viewer(Some(Viewer {
                operator,
                mask: crate::strings::labels::masked(self.lang).to_owned(),
            }));
        }
        Ok(store)
    }

    /// The active operator `name` of the ledger. A key slot alone opens nothing: one left
    /// from after the backup a ledger was restored from would otherwise read every case
    /// unmasked, as the recovery key does.
    fn on_staff(
        &self,
        store: &Store,
        name: &str,
    ) -> Result<crate::domain::rules::Operator, Failure> {
        let ops = store.operators().map_err(|e| self.fail(e))?;
        ops.into_iter()
            .find(|o| o.name == name && o.active)
            .ok_or_else(|| Failure(text::not_on_staff(self.lang, name)))
    }

    fn journal_sign_in(&self, store: &mut Store, who: Option<String>) -> Result<(), Failure> {
        if let Some(name) = &who
            && let Err(refused) = self.on_staff(store, name)
        {
            // On record, as a wrong passphrase is: a slot that opened the key for someone
            // the ledger does not list is what the office journal is kept for.
            use crate::domain::audit::{AuditResult, Audited};
            let rec = crate::store::OfficeRecord {
                at: self.clock.now(),
                actor: name.clone(),
                act: Audited::SignIn,
                subject: name.clone(),
                detail: serde_json::json!({"not_on_staff": true}),
                result: AuditResult::Refused,
            };
            // A ledger that cannot be written still refuses them.
            let _ = store.record(&rec);
            return Err(refused);
        }
        store
            .journal_sign_in(who.as_deref(), self.clock.now())
            .map_err(|e| self.fail(e))?;
        let _ = self.signed_in.set(who);
        Ok(())
    }

    /// Opens the ledger at `path` with `key`, saying first when it is about to be upgraded.
    fn open_with(&self, path: &Path, key: &DataKey) -> Result<Store, Failure> {
        self.open_store(path, key)
            .map_err(|e| match (&e, read_only_dir(path)) {
                (StoreError::ReadOnly | StoreError::CannotOpen(_), Some(dir)) => {
                    Failure(damage::read_only_dir(self.lang, &dir))
                }
                _ => self.fail(e),
            })
    }

    fn open_store(&self, path: &Path, key: &DataKey) -> Result<Store, StoreError> {
        let lang = self.lang;
        let mut shown = Some(Progress::spinner_after(
            lang,
            Job::Open,
            Duration::from_millis(700),
        ));
        let opened = Store::open_noting(path, self.office.clone(), key, &mut |from, to| {
            // The opening's spinner gone (cleared if it showed) before the notice and the
            // upgrade's own.
            shown.take();
            say_err!("{}", text::upgrading(lang, from, to));
            shown = Some(Progress::spinner(lang, Job::Upgrade));
        });
        drop(shown);
        opened
    }

    /// `export` and `backup`, which a writable ledger records in its office journal: a
    /// ledger that is not written (damaged, or a read-only file) is still read, so the
    /// office can export and restore; the act is then not recorded in it, and stderr says
    /// why. Returns whether the store is writable.
    fn open_recording(&self) -> Result<(Store, bool), Failure> {
        let path = self.ledger_path()?;
        let (key, who) = signin::sign_in(self, &path)?;
        match self.open_store(&path, &key) {
            // What an export holds is what the signed-in operator may see (2022 Art 30 第三款).
            Ok(mut store) => {
                self.journal_sign_in(&mut store, who)?;
                Ok((self.read_as_signed_in(store)?, true))
            }
            Err(e @ (StoreError::Unsafe(_) | StoreError::ReadOnly)) => {
                eprintln!(
                    "{}",
                    damage::not_recorded(self.lang, &errors::store(self.lang, &e))
                );
                let _ = self.signed_in.set(who);
                let store = Store::open_read_only(&path, self.office.clone(), &key)
                    .map_err(|e| self.fail(e))?;
                Ok((self.read_as_signed_in(store)?, false))
            }
            Err(e) => Err(self.fail(e)),
        }
    }

    /// Read-only commands work on a read-only ledger file too.
    /// The sign-in is recorded on a writable connection first; a ledger file that
    /// cannot be written is still read (its sign-ins cannot be recorded in it: the
    /// failed ones wait in the slots file for a writable open).
    fn open_for_reading(&self) -> Result<Store, Failure> {
        let path = self.ledger_path()?;
        let (key, who) = signin::sign_in(self, &path)?;
        match self.open_store(&path, &key) {
            // Kept open for writing: a view of a confidential case goes on record.
            Ok(mut store) => {
                self.journal_sign_in(&mut store, who)?;
                return self.read_as_signed_in(store);
            }
            Err(e) => {
                // A damaged ledger is still read; say once why nothing will be written.
                if let StoreError::Unsafe(_) = e {
                    say_err!(
                        "{}",
                        damage::warning(self.lang, &errors::store(self.lang, &e))
                    );
                }
                let _ = self.signed_in.set(who);
            }
        }
        let store =
            Store::open_read_only(&path, self.office.clone(), &key).map_err(
                |e| match read_only_dir(&path) {
                    Some(dir) => Failure(damage::read_only_dir(self.lang, &dir)),
                    None => self.fail(e),
                },
            )?;
        self.read_as_signed_in(store)
    }
}

fn run(env: Env) -> Result<ExitCode, Failure> {
    let Some(cmd) = env.cli.cmd.clone() else {
        return open_desk(&env);
    };
    let lang = env.lang;
    match cmd {
        Cmd::Demo { cases, seed } => demo::demo(&env, cases, seed),
        Cmd::Apply { file } => admin::apply(&env, file.as_deref()),
        Cmd::Show { case, json } => show(&env, &case, json),
        Cmd::List {
            state,
            overdue,
            due_within,
            limit,
            json,
        } => list(&env, state.as_deref(), overdue, due_within, limit, json),
        Cmd::Search {
            text: query,
            limit,
            json,
        } => search(&env, &query, limit, json),
        Cmd::Repeats {
            id_number,
            phone,
            name,
            address,
            json,
        } => {
            let who = [id_number, phone, name, address];
            repeats(&env, who.each_ref().map(Option::as_deref), json)
        }
        cmd @ (Cmd::Attach { .. } | Cmd::Attachments { .. } | Cmd::Export { .. }) => {
            attach::run(&env, cmd)
        }
        cmd @ Cmd::Report { .. } => report::command(&env, cmd),
        Cmd::Notice { .. } => notice_command(&env, cmd),
        Cmd::Replay { keys, size, json } => replay(&env, &keys, &size, json),
        Cmd::Check { quick, deep, json } => check::check(&env, quick, deep, json),
        Cmd::Backup { dest } => admin::backup(&env, &dest),
        Cmd::Audit { since, json } => admin::audit(&env, since.as_deref(), json),
        Cmd::Operators { json } => admin::operators(&env, json),
        Cmd::Calendar { action } => calendar::run(&env, &action),
        Cmd::Init { leader } => setup::init(&env, &env.ledger_path()?, &leader),
        Cmd::Recover { leader } => setup::recover(&env, &env.ledger_path()?, &leader),
        Cmd::Encrypt { out } => setup::encrypt(&env, &env.ledger_path()?, &out),
        Cmd::Passwd(args) => passwd::run(&env, &args),
        Cmd::Restore { from } => restore::run(&env, &from),
        Cmd::Completions { shell } => usage::completions(shell, lang),
        Cmd::Man { dir } => usage::man(dir.as_deref(), lang),
        Cmd::Import(args) => import::run(&env, &args),
        Cmd::Screening { action } => screening::run(&env, &action),
        Cmd::Backlog { action } => backlog::run(&env, &action),
        Cmd::Flags(a) => backlog::flags(&env, a.json, a.remove, a.reason),
        Cmd::Firsttime { json } => firsttime::run(&env, json),
        Cmd::Evaluation { action } => evaluation::run(&env, &action),
    }
}

/// `replay`: keys from a file played into the desk, frames out.
fn replay(env: &Env, keys: &Path, size: &str, json: bool) -> Result<ExitCode, Failure> {
    let opts = replay::Options { keys, size, json };
    replay::run(env, &env.ledger_path()?, &opts)
}

/// `notice`: issue or reprint a document as the operator of `--as`.
/// `notice`: what the person issuing adds, then the document.
fn notice_command(env: &Env, cmd: Cmd) -> Result<ExitCode, Failure> {
    let Cmd::Notice {
        case,
        kind,
        out,
        basis,
        review_organ,
        again,
        print,
        to,
        advice,
    } = cmd
    else {
        return Ok(ExitCode::SUCCESS);
    };
    let extra = crate::documents::Extra {
        basis,
        review_organ,
        again,
        to,
        advice,
    };
    notice(env, &case, &kind, &extra, out.as_deref(), print)
}

fn notice(
    env: &Env,
    case: &str,
    kind: &str,
    extra: &crate::documents::Extra,
    out: Option<&Path>,
    print: bool,
) -> Result<ExitCode, Failure> {
    let job = notice::Job {
        case,
        kind,
        actor: env.cli.as_operator.as_deref(),
        extra,
        out,
        print,
    };
    notice::run(&mut env.open()?, &job, env.lang, &env.clock)
}

/// `list`: cases by state, overdue or due soon, page by page.
fn list(
    env: &Env,
    state: Option<&str>,
    overdue: bool,
    due_within: Option<u32>,
    limit: usize,
    json: bool,
) -> Result<ExitCode, Failure> {
    let store = env.open_for_reading()?;
    let filter = ListFilter {
        state: state.map(|s| state_named(s, env.lang)).transpose()?,
        overdue,
        due_within,
        ..ListFilter::default()
    };
    render::list_pages(env.lang, &store, filter, limit, json, env.clock.today())
        .map_err(|e| env.fail(e))?;
    Ok(ExitCode::SUCCESS)
}

/// `search`: cases whose names, phones or texts hold `query`.
fn search(env: &Env, query: &str, limit: usize, json: bool) -> Result<ExitCode, Failure> {
    let store = env.open_for_reading()?;
    let rows = store
        .search(query, limit.max(1), env.clock.today())
        .map_err(|e| env.fail(e))?;
    render::rows(env.lang, &store, &rows, json);
    Ok(ExitCode::SUCCESS)
}

fn exit_code(ok: bool) -> ExitCode {
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// `--state S` of `list` (clap has checked it: `args::state_code`).
fn state_named(s: &str, lang: Lang) -> Result<State, Failure> {
    State::from_code(s).ok_or_else(|| Failure(text::no_such_state(lang, s)))
}

/// No command: the desk, on a fresh demo ledger with `--demo`.
fn open_desk(env: &Env) -> Result<ExitCode, Failure> {
    use std::io::IsTerminal;
    // Said before anything is written or asked: the desk draws and reads keys on a terminal.
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        return Err(Failure(text::needs_terminal(env.lang).to_owned()));
    }
    let path = if env.cli.demo {
        std::env::temp_dir().join(format!("xinfang-demo-{}.db", std::process::id()))
    } else {
        env.ledger_path()?
    };
    // The demo opens as its first clerk unless --as says otherwise:
    // no setup, no pick list, and no passphrase to type (it is `demo`).
    if env.cli.demo {
        let ran = demo::demo_desk(env, &path);
        // A demo ledger is of no use once its desk is closed: it goes with it,
        // however the desk ended (quit, hang-up, an error).
        crate::store::remove_new_ledger(&path);
        return ran;
    }
    // No ledger there yet: the desk's first run creates one (setup, the first
    // leader's passphrase, the recovery key shown once).
    if !path.exists() {
        let made = crate::ui::create(&path, env.office.clone(), env.lang, env.clock)
            .map_err(|e| Failure(e.to_string()))?;
        let Some((mut store, leader)) = made else {
            return Ok(ExitCode::SUCCESS);
        };
        return desk::desk(env, &mut store, Some(&leader.name), None);
    }
    // The sign-in screen, unless the command line brings the secret itself
    // (--passphrase-file/fd or the recovery key: scripts, tests, an emergency).
    let (key, who) = signin::desk_sign_in(env, &path)?;
    let mut store = env.open_with(&path, &key)?;
    env.journal_sign_in(&mut store, who.clone())?;
    desk::desk(
        env,
        &mut store,
        who.or(env.cli.as_operator.clone()).as_deref(),
        None,
    )
}

/// `show`: one case with its timeline and the earlier cases of its petitioner.
fn show(env: &Env, case: &str, json: bool) -> Result<ExitCode, Failure> {
    let fail = |e| env.fail(e);
    let mut store = env.open_for_reading()?;
    let today = env.clock.today();
    let row = store.case(&CaseRef::parse(case), today).map_err(fail)?;
    // On record (Art 30 第三款); a ledger file that cannot be written is still shown.
    match store.record_view(&row.case, "show", env.clock.now()) {
        Ok(()) | Err(StoreError::ReadOnly) => {}
        Err(e) => return Err(fail(e)),
    }
    let events = store.events(row.case.id).map_err(fail)?;
    let main = row.case.intake.main_petitioner();
    let key = main.map_or_else(PetitionerKey::default, |p| PetitionerKey::of(p, today));
    let earlier: Vec<_> = store
        .earlier_cases(&key, 20, today)
        .map_err(fail)?
        .into_iter()
        .filter(|r| r.case.id != row.case.id)
        .collect();
    if json {
        render::print_json(&render::case_json(&store, &row, &events, &earlier));
    } else {
        render::case_text(env.lang, &store, &row, &events, &earlier);
    }
    Ok(ExitCode::SUCCESS)
}

/// `repeats`: the cases of a petitioner, by ID number, phone, name and address.
fn repeats(env: &Env, who: [Option<&str>; 4], json: bool) -> Result<ExitCode, Failure> {
    let store = env.open_for_reading()?;
    let today = env.clock.today();
    let [id_number, phone, name, address] = who;
    let key = PetitionerKey::new(id_number, phone, name, address, today);
    let rows = store
        .earlier_cases(&key, 100, today)
        .map_err(|e| env.fail(e))?;
    render::rows(env.lang, &store, &rows, json);
    Ok(ExitCode::SUCCESS)
}

/// The ledger's directory, when it cannot be written: SQLite must create the -wal and
/// -shm files beside a ledger even to read it, so such a ledger needs copying elsewhere.
fn read_only_dir(ledger: &Path) -> Option<String> {
    let dir = ledger.parent().filter(|d| !d.as_os_str().is_empty())?;
    let probe = dir.join(format!(".xinfang-probe-{}", std::process::id()));
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
    {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            None
        }
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            Some(dir.display().to_string())
        }
        Err(_) => None,
    }
}
