//! `xinfang notice CASE KIND [--out FILE]`: issue a document, or reprint
//! the one issued, as text on stdout or into a file (HTML by extension).

use std::path::Path;
use std::process::ExitCode;

use super::Failure;
use crate::clock::Clock;
use crate::config::config_dir;
use crate::documents::{Extra, Renderer, issue_or_reprint, print as send_to_printer, write};
use crate::domain::documents::DocKind;
use crate::store::{CaseRef, Store};
use crate::strings::{Lang, documents as text, errors};

/// What `notice` was asked to do.
pub struct Job<'a> {
    pub case: &'a str,
    pub kind: &'a str,
    pub actor: Option<&'a str>,
    pub extra: &'a Extra,
    pub out: Option<&'a Path>,
    pub print: bool,
}

pub fn run(store: &mut Store, job: &Job, lang: Lang, clock: &Clock) -> Result<ExitCode, Failure> {
    let Job {
        case,
        kind,
        actor,
        extra,
        out,
        print,
    } = *job;
    let fail = |e: crate::store::StoreError| Failure(errors::store(lang, &e));
    let kind = DocKind::parse(kind).ok_or_else(|| Failure(text::unknown_kind(lang, kind)))?;
    let actor = actor.ok_or_else(|| Failure(text::needs_operator(lang).to_owned()))?;
    if print && out.is_none() {
        return Err(Failure(text::print_needs_out(lang).to_owned()));
    }
    let renderer = Renderer::load(config_dir().as_deref())
        .map_err(|e| Failure(text::template_error(lang, &e)))?;
    let at = clock.now();
    let case = CaseRef::parse(case);
    let got = issue_or_reprint(store, &renderer, &case, kind, extra, actor, at).map_err(fail)?;
    // A document names the petitioners: on record as a view (Art 30 第三款).
    store.record_view_of(&case, "notice", at).map_err(fail)?;
    let doc = &got.document;
    let Some(path) = out else {
        // The text as a terminal may show it; `--out` keeps it exactly.
        print!("{}", crate::display::safe(&doc.text));
        say_err!("{}", text::issued(lang, &doc.number, None));
        return Ok(ExitCode::SUCCESS);
    };
    let written = write(store, doc, path, clock.today()).map_err(fail)?;
    let names: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
    let mut msg = if got.reprint {
        text::reprinted(lang, &doc.number, &names.join(", "))
    } else {
        text::issued(lang, &doc.number, Some(&names.join(", ")))
    };
    if print {
        let printer = store.office_profile().map_err(fail)?.printer;
        if printer.trim().is_empty() {
            // Issued all the same: said as done, then what was not.
            say!("{msg}");
            say_err!("{}", text::no_printer(lang));
            return Ok(ExitCode::FAILURE);
        }
        match send_to_printer(&printer, path) {
            Ok(()) => msg.push_str(&text::printed(lang, &printer)),
            Err(e) => {
                msg.push_str(&text::print_failed(lang, &e));
                say!("{msg}");
                return Ok(ExitCode::FAILURE);
            }
        }
    }
    say!("{msg}");
    Ok(ExitCode::SUCCESS)
}
