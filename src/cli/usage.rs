//! The grammar itself as output: clap's usage errors said in the user's language (exit
//! 2), `completions` (clap_complete) and `man` (clap_mangen).

use std::path::Path;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::Failure;
use super::args::command;
use crate::strings::usage::{self as text, Mistake};
use crate::strings::{Lang, cli};

/// Says what clap found wrong, in `lang`, and exits 2; help and version are printed as
/// clap prints them (exit 0).
pub(super) fn clap_error(e: &clap::Error, lang: Lang) -> ExitCode {
    let code = u8::try_from(e.exit_code()).unwrap_or(2);
    let Some(said) = mistake(e, lang) else {
        // Help, version, and kinds clap has no context for: clap's own text.
        let _ = e.print();
        return ExitCode::from(code);
    };
    // The message quotes what was typed: no escape sequence reaches the terminal.
    say_err!("{}{said}", cli::error_prefix(lang));
    say_err!("{}", text::see_help(lang, subcommand(lang).as_deref()));
    ExitCode::from(code)
}

fn string(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => v.first().cloned(),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => v.first().map(ToString::to_string),
        ContextValue::None | ContextValue::Bool(_) | ContextValue::Number(_) => None,
        // ContextValue is clap's and may grow.
        _ => None,
    }
}

fn strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStrs(v)) => v.iter().map(ToString::to_string).collect(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

/// The error in our words, when it is one of the usage mistakes we name.
fn mistake(e: &clap::Error, lang: Lang) -> Option<String> {
    let arg = string(e, ContextKind::InvalidArg).unwrap_or_default();
    let arg = arg.split_whitespace().next().unwrap_or_default().to_owned();
    let suggested = string(e, ContextKind::SuggestedArg)
        .or_else(|| string(e, ContextKind::SuggestedSubcommand));
    let valid = strings(e, ContextKind::ValidValue);
    let value = string(e, ContextKind::InvalidValue).unwrap_or_default();
    // An argument's own check (`value_parser = fn`) says why, already in `lang`.
    let source = std::error::Error::source(e);
    let why = match source.and_then(|s| s.downcast_ref::<std::num::ParseIntError>()) {
        Some(_) => Some(text::not_a_number(lang).to_owned()),
        None => source.map(ToString::to_string),
    };
    let m = match e.kind() {
        ErrorKind::UnknownArgument => Mistake::UnknownArgument {
            arg: &arg,
            suggested: suggested.as_deref(),
        },
        ErrorKind::InvalidSubcommand => {
            let name = string(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            return Some(text::mistake(
                lang,
                &Mistake::UnknownCommand {
                    name: &name,
                    suggested: suggested.as_deref(),
                },
            ));
        }
        ErrorKind::InvalidValue if value.is_empty() => Mistake::MissingValue { arg: &arg },
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => Mistake::InvalidValue {
            arg: &arg,
            value: &value,
            valid: &valid,
            why: why.as_deref(),
        },
        ErrorKind::MissingRequiredArgument => {
            let args = strings(e, ContextKind::InvalidArg);
            return Some(text::mistake(
                lang,
                &Mistake::MissingArgument { args: &args },
            ));
        }
        ErrorKind::MissingSubcommand => Mistake::MissingCommand,
        ErrorKind::ArgumentConflict => {
            let prior = string(e, ContextKind::PriorArg).unwrap_or_default();
            let prior = prior.split_whitespace().next().unwrap_or_default();
            return Some(text::mistake(lang, &Mistake::Conflict { arg: &arg, prior }));
        }
        ErrorKind::NoEquals
        | ErrorKind::TooManyValues
        | ErrorKind::TooFewValues
        | ErrorKind::WrongNumberOfValues => Mistake::WrongCount { arg: &arg },
        // ErrorKind is clap's (and non-exhaustive): help, version, I/O and the rare rest.
        _ => return None,
    };
    Some(text::mistake(lang, &m))
}

/// The subcommand named on the command line, for the help hint.
fn subcommand(lang: Lang) -> Option<String> {
    let grammar = command(lang);
    std::env::args()
        .skip(1)
        .find(|a| grammar.find_subcommand(a).is_some())
}

/// `completions SHELL`: the script on standard output.
pub(super) fn completions(shell: clap_complete::Shell, lang: Lang) -> Result<ExitCode, Failure> {
    let mut grammar = command(lang);
    clap_complete::generate(shell, &mut grammar, "xinfang", &mut std::io::stdout());
    Ok(ExitCode::SUCCESS)
}

/// `man [--dir DIR]`: the page on standard output, or a page per command into `dir`.
pub(super) fn man(dir: Option<&Path>, lang: Lang) -> Result<ExitCode, Failure> {
    let fail = |e: std::io::Error| Failure(e.to_string());
    let grammar = command(lang);
    match dir {
        None => {
            let mut out = std::io::stdout().lock();
            clap_mangen::Man::new(grammar)
                .render(&mut out)
                .map_err(fail)?;
        }
        Some(dir) => {
            clap_mangen::generate_to(grammar, dir).map_err(fail)?;
            say_err!("{}", text::man_written(lang, &dir.display().to_string()));
        }
    }
    Ok(ExitCode::SUCCESS)
}
