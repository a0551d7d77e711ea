//! `calendar import FILE`: the State Council's table for a year, checked and put into the
//! office's config directory, where `Office::load` reads it on every start.

use std::path::Path;
use std::process::ExitCode;

use super::Failure;
use super::args::CalendarCmd;
use crate::config::{config_dir, install_holiday_table};
use crate::domain::calendar::import::check_table;
use crate::strings::{Lang, calendar as text};

pub(super) fn run(action: &CalendarCmd, lang: Lang) -> Result<ExitCode, Failure> {
    match action {
        CalendarCmd::Import { file } => import(file, lang),
    }
}

fn import(file: &Path, lang: Lang) -> Result<ExitCode, Failure> {
    let json =
        std::fs::read_to_string(file).map_err(|e| Failure(format!("{}: {e}", file.display())))?;
    let year = check_table(&json).map_err(|p| Failure(text::table_problem(lang, file, &p)))?;
    let dir = config_dir().ok_or_else(|| Failure(text::no_config_dir(lang).to_owned()))?;
    let to = install_holiday_table(&dir, year, &json)
        .map_err(|e| Failure(format!("{}: {e}", dir.display())))?;
    println!("{}", text::imported(lang, year, &to));
    Ok(ExitCode::SUCCESS)
}
