//! `xinfang import`: an office's old register (台账) planned row by row, shown with
//! `--dry-run`, and written only when every row is acceptable (or `--skip-bad`, the bad
//! rows then written to a file to fix and import again). A leader's: the rows are entered
//! after the fact (Act::Enter), each step journaled as the signed-in leader's.

use std::path::Path;
use std::process::ExitCode;

use super::args::ImportArgs;
use super::progress::Progress;
use super::{Env, Failure};
use crate::import::header::{Mapping, template};
use crate::import::{ImportError, Plan, PlanError, plan_in, skipped_csv, skipped_path, write};
use crate::strings::import as text;
use crate::strings::progress::Job;
use crate::strings::{Lang, signin};

pub(super) fn run(env: &Env, args: &ImportArgs) -> Result<ExitCode, Failure> {
    let lang = env.lang;
    if args.template {
        print!("{}", template(text::template_comment(lang)));
        return Ok(ExitCode::SUCCESS);
    }
    let Some(file) = args.file.as_deref() else {
        return Err(Failure(text::needs_file(lang).to_owned()));
    };
    let map = mapping(args, lang)?;
    // One import at a time: the second plans after the first has written, and finds its
    // rows already there (a trial ran the same file twice at once and got every case twice).
    let _one_at_a_time = (!args.dry_run)
        .then(|| env.ledger_path().ok())
        .flatten()
        .and_then(|p| crate::files::lock_beside(&p, ".import.lock"));
    let mut store = env.open()?;
    let Some(who) = env.signed_in().map(str::to_owned) else {
        return Err(Failure(signin::who(lang).to_owned()));
    };
    let (sheet, now) = (args.sheet.as_deref(), env.clock.now());
    let plan = plan_in(&store, &who, file, sheet, &map, lang, now).map_err(|e| match e {
        PlanError::Store(e) => env.fail(e),
        PlanError::File(e) => failure(lang, file, e),
    })?;
    let (new, bad) = (plan.new_rows().count(), plan.bad_rows().count());
    let already = plan.rows.iter().filter(|r| r.already).count();
    for r in &plan.rows {
        if args.dry_run || !r.ok() {
            say!("{}", text::row(lang, r));
        }
    }
    say!("{}", text::summary(lang, new, bad, already));
    for note in text::plan_notes(lang, &plan) {
        say_err!("{note}");
    }
    if args.dry_run {
        return Ok(super::exit_code(bad == 0));
    }
    if bad > 0 && !args.skip_bad {
        return Err(Failure(text::refused(lang, bad)));
    }
    if bad > 0 {
        let to = args.skipped.clone().unwrap_or_else(|| skipped_path(file));
        write_skipped(&plan, &to, lang)?;
        say_err!("{}", text::skipped_to(lang, &to));
    }
    let bar = Progress::bar(lang, Job::Import, plan.new_rows().count());
    let made = write(&mut store, &plan, &who, |n| bar.set(n))
        .map_err(|(row, e)| Failure(text::failed_at(lang, row, &Failure::store(lang, &e).0)))?;
    drop(bar);
    say!("{}", text::imported(lang, made, bad));
    Ok(ExitCode::SUCCESS)
}

fn mapping(args: &ImportArgs, lang: Lang) -> Result<Mapping, Failure> {
    let mut map = Mapping::default();
    if let Some(f) = &args.map_file {
        let bytes =
            std::fs::read(f).map_err(|e| Failure(text::cannot_read(lang, f, &e.to_string())))?;
        let file_text = crate::import::read::decode(&bytes);
        map.add_file(&file_text)
            .map_err(|part| Failure(text::bad_map(lang, &part)))?;
    }
    for m in &args.map {
        map.add(m)
            .map_err(|part| Failure(text::bad_map(lang, &part)))?;
    }
    Ok(map)
}

fn failure(lang: Lang, file: &Path, e: ImportError) -> Failure {
    Failure(text::import_error(lang, file, &e))
}

fn write_skipped(plan: &Plan, to: &Path, lang: Lang) -> Result<(), Failure> {
    let bytes = skipped_csv(plan, text::problem_head(lang), |p| text::problem(lang, p));
    crate::store::write_whole(to, &bytes)
        .map_err(|e| Failure(text::cannot_read(lang, to, &e.to_string())))
}
