//! 附件 on the command line: `attach CASE FILE…`, `attachments CASE` (list, `--save N --out
//! FILE`, `--remove N --reason R`), `export --attachments DIR`, and the `path`/`base64` of an
//! `apply` line's `attach_file`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::{Value, json};

use super::args::Cmd;
use super::{Env, Failure};
use crate::domain::attachment::safe_name;
use crate::domain::audit::{AuditResult, Audited};
use crate::domain::case::Attachment;
use crate::domain::command::Command;
use crate::domain::op::Act;
use crate::files::{read_attachment as read_file, write_private};
use crate::store::{CaseRef, OfficeRecord, Request, Store, StoreError};
use crate::strings::{Lang, attachments as text, errors, signin};

/// `attach`, `attachments` and `export` (whose `--attachments DIR` is here).
pub(super) fn run(env: &Env, cmd: Cmd) -> Result<ExitCode, Failure> {
    if let Cmd::Attach { case, files } = &cmd {
        return attach(env, case, files);
    }
    if let Cmd::Attachments {
        case,
        save,
        out,
        remove,
        reason,
        json,
    } = &cmd
    {
        let job = Job {
            case,
            save: save.zip(out.as_deref()),
            remove: remove.zip(reason.as_deref()),
            json: *json,
        };
        return attachments(env, &job);
    }
    if let Cmd::Export {
        format,
        out,
        full,
        attachments,
    } = cmd
    {
        if let Some(dir) = attachments {
            export(env, &dir)?;
        }
        if let Some(format) = format {
            return super::admin::export(env, format, out.as_deref(), full);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `attach CASE FILE…`: each file its own step, as the signed-in operator; the first one
/// refused stops the rest (those before it are kept).
fn attach(env: &Env, case: &str, files: &[PathBuf]) -> Result<ExitCode, Failure> {
    let lang = env.lang;
    let mut store = env.open()?;
    let actor = env
        .signed_in()
        .ok_or_else(|| Failure(signin::who(lang).to_owned()))?
        .to_owned();
    let limit = store.office().policy.attachment_max_mb;
    for path in files {
        let bytes = read_file(lang, path, limit).map_err(Failure)?;
        let req = Request {
            case: Some(CaseRef::parse(case)),
            expected_version: None,
            command: Command::attach_file(&path.to_string_lossy(), bytes),
            actor: actor.clone(),
            at: env.clock.now(),
        };
        let applied = store.execute(&req).map_err(|e| env.fail(e))?;
        let n = applied.case.attachments.len();
        let number = applied.case_no.clone().unwrap_or_else(|| case.to_owned());
        if let Some(file) = applied.case.attachments.last() {
            say!("{}", text::added(lang, &number, n, file));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// What `attachments CASE` was asked.
struct Job<'a> {
    pub case: &'a str,
    pub save: Option<(u32, &'a Path)>,
    pub remove: Option<(u32, &'a str)>,
    pub json: bool,
}

/// `attachments CASE …`: the list as the reader may see it, one saved, or one removed.
fn attachments(env: &Env, job: &Job) -> Result<ExitCode, Failure> {
    let lang = env.lang;
    let r = CaseRef::parse(job.case);
    if let Some((n, reason)) = job.remove {
        let mut store = env.open()?;
        let actor = env
            .signed_in()
            .ok_or_else(|| Failure(signin::who(lang).to_owned()))?;
        let req = Request {
            case: Some(r),
            expected_version: None,
            command: Command::DetachFile {
                n,
                reason: reason.to_owned(),
            },
            actor: actor.to_owned(),
            at: env.clock.now(),
        };
        let applied = store.execute(&req).map_err(|e| env.fail(e))?;
        let number = applied.case_no.unwrap_or_else(|| job.case.to_owned());
        say!("{}", text::removed(lang, &number, n));
        return Ok(ExitCode::SUCCESS);
    }
    let mut store = env.open_for_reading()?;
    if let Some((n, out)) = job.save {
        let (case, file, bytes) = store.attachment(&r, n).map_err(|e| env.fail(e))?;
        seen(&mut store, &case, env)?;
        write_private(out, &bytes).map_err(|e| Failure(io_error(lang, out, &e)))?;
        say!(
            "{}",
            text::saved(lang, &file.name, &out.display().to_string())
        );
        return Ok(ExitCode::SUCCESS);
    }
    let row = store.case(&r, env.clock.today()).map_err(|e| env.fail(e))?;
    seen(&mut store, &row.case, env)?;
    let number = row
        .case
        .case_no
        .clone()
        .unwrap_or_else(|| job.case.to_owned());
    if job.json {
        let list: Vec<Value> = (1..).zip(&row.case.attachments).map(file_json).collect();
        super::render::print_json(&json!({"case": number, "attachments": list}));
    } else if row.case.attachments.is_empty() {
        say!("{}", text::none(lang));
    } else {
        say!("{}", text::heading(lang, &number));
        for (n, file) in (1..).zip(&row.case.attachments) {
            say!("{}", text::line(lang, n, file));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn file_json((n, file): (usize, &Attachment)) -> Value {
    json!({
        "n": n,
        "name": file.name,
        "media_type": file.media_type,
        "size": file.size,
        "sha256": file.sha256,
        "by": file.stamp.by,
        "at": file.stamp.at.to_rfc3339(),
        "removed": file.removed.as_ref().map(|r| json!({"reason": r.reason, "by": r.by, "at": r.at.to_rfc3339()})),
    })
}

/// A confidential case's files seen go on record (Art 30 第三款); a ledger file that
/// cannot be written is still read.
fn seen(store: &mut Store, case: &crate::domain::case::Case, env: &Env) -> Result<(), Failure> {
    match store.record_view(case, "attachments", env.clock.now()) {
        Ok(()) | Err(StoreError::ReadOnly) => Ok(()),
        Err(e) => Err(env.fail(e)),
    }
}

fn io_error(lang: Lang, path: &Path, e: &std::io::Error) -> String {
    let p = path.display();
    format!("{}{p}: {e}", lang.pick("写出失败：", "cannot write: "))
}

/// `export --attachments DIR`: every attachment the leader may see, under DIR/<case number>/
/// as `N-name`; recorded in the office journal like every export.
fn export(env: &Env, dir: &Path) -> Result<ExitCode, Failure> {
    let lang = env.lang;
    let (mut store, writable) = env.open_recording()?;
    let who = env
        .signed_in()
        .ok_or_else(|| Failure(signin::who(lang).to_owned()))?
        .to_owned();
    store.leader(&who, Act::Export).map_err(|e| env.fail(e))?;
    let written = write_all(&store, dir, lang);
    let rec = OfficeRecord {
        at: env.clock.now(),
        actor: who,
        act: Audited::Export,
        subject: dir.display().to_string(),
        detail: json!({"attachments": written.as_ref().map_or(0, |n| *n)}),
        result: if written.is_ok() {
            AuditResult::Ok
        } else {
            AuditResult::Failed
        },
    };
    if writable {
        store.record(&rec).map_err(|e| env.fail(e))?;
    }
    let count = written.map_err(Failure)?;
    say_err!(
        "{}",
        text::exported(lang, count, &dir.display().to_string())
    );
    Ok(ExitCode::SUCCESS)
}

fn write_all(store: &Store, dir: &Path, lang: Lang) -> Result<usize, String> {
    let kept = store
        .attachment_keys()
        .map_err(|e| errors::store(lang, &e))?;
    let mut count = 0;
    for (id, n) in kept {
        let (case, file, bytes) = match store.attachment(&CaseRef::Id(id), n) {
            Ok(got) => got,
            // What the reader may not see is not theirs to export (Art 30 第三款).
            Err(StoreError::CaseNotFound(_) | StoreError::MaskedDocument(_)) => continue,
            Err(e) => return Err(errors::store(lang, &e)),
        };
        let folder = dir.join(case.case_no.unwrap_or_else(|| format!("#{id}")));
        crate::files::private_dirs(&folder).map_err(|e| io_error(lang, &folder, &e))?;
        let path = folder.join(format!("{n}-{}", safe_name(&file.name)));
        write_private(&path, &bytes).map_err(|e| io_error(lang, &path, &e))?;
        count += 1;
    }
    Ok(count)
}
