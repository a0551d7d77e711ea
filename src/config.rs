//! The office's settings on disk: where the ledger lives, and the policy,
//! categories and holiday tables an office may override in its config
//! directory. The domain receives what is read here; it reads no files.

use std::path::{Path, PathBuf};

use crate::domain::calendar::HolidayCalendar;
use crate::domain::policy::Policy;
use crate::domain::rules::{Operator, Rules, default_categories, parse_categories};

/// Everything a transition is judged against besides the people.
#[derive(Debug, Clone)]
pub struct Office {
    pub policy: Policy,
    pub calendar: HolidayCalendar,
    pub categories: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: {message}")]
    File { path: PathBuf, message: String },
}

impl Office {
    /// The defaults shipped in assets/.
    pub fn builtin() -> Office {
        Office {
            policy: Policy::builtin(),
            calendar: HolidayCalendar::builtin(),
            categories: default_categories(),
        }
    }

    /// The defaults, overridden by what the config directory holds:
    /// `policy.toml` (partial override), `categories.txt` (added to the
    /// standard list) and `holidays/YYYY.json` (added or replaced years).
    pub fn load(dir: Option<&Path>) -> Result<Office, ConfigError> {
        let mut office = Office::builtin();
        let Some(dir) = dir else {
            return Ok(office);
        };
        let bad = |path: &Path, message: String| ConfigError::File {
            path: path.to_owned(),
            message,
        };
        let policy = dir.join("policy.toml");
        if let Some(text) = read_if_present(&policy).map_err(|e| bad(&policy, e))? {
            office.policy = office
                .policy
                .with_override(&text)
                .map_err(|e| bad(&policy, e.to_string()))?;
        }
        let categories = dir.join("categories.txt");
        if let Some(text) = read_if_present(&categories).map_err(|e| bad(&categories, e))? {
            for c in parse_categories(&text) {
                if !office.categories.contains(&c) {
                    office.categories.push(c);
                }
            }
        }
        let holidays = holidays_dir(dir);
        if let Ok(entries) = std::fs::read_dir(&holidays) {
            let mut files: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect();
            files.sort();
            for file in files {
                let text = std::fs::read_to_string(&file).map_err(|e| bad(&file, e.to_string()))?;
                office
                    .calendar
                    .with_table(&text)
                    .map_err(|e| bad(&file, e.to_string()))?;
            }
        }
        Ok(office)
    }

    pub fn rules<'a>(&'a self, operators: &'a [Operator], departments: &'a [String]) -> Rules<'a> {
        Rules {
            policy: &self.policy,
            calendar: &self.calendar,
            categories: &self.categories,
            operators,
            departments,
        }
    }
}

/// Where the office's own holiday tables live in its config directory.
pub fn holidays_dir(dir: &Path) -> PathBuf {
    dir.join("holidays")
}

/// Writes `json`, already checked as `year`'s table, to `holidays/YYYY.json` in the config
/// directory (replacing an earlier import); through a temporary file, so that a failed write
/// never leaves half a table for `Office::load` to refuse.
pub fn install_holiday_table(dir: &Path, year: i32, json: &str) -> std::io::Result<PathBuf> {
    let holidays = holidays_dir(dir);
    std::fs::create_dir_all(&holidays)?;
    let path = holidays.join(format!("{year}.json"));
    let partial = holidays.join(format!(".{year}.json.partial"));
    std::fs::write(&partial, json)?;
    std::fs::rename(&partial, &path)?;
    Ok(path)
}

fn read_if_present(path: &Path) -> Result<Option<String>, String> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e.to_string()),
    }
}

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("cn", "xinfang", "xinfang")
}

/// `XINFANG_CONFIG`, else the platform's config directory.
pub fn config_dir() -> Option<PathBuf> {
    std::env::var_os("XINFANG_CONFIG")
        .map(PathBuf::from)
        .or_else(|| project_dirs().map(|d| d.config_dir().to_owned()))
}

/// The office's key bindings, read by `ui::keymap::load_keymap`.
pub const KEYS_FILE: &str = "keys.toml";

/// `keys.toml` in the config directory, when there is one.
pub fn keys_path() -> Option<PathBuf> {
    config_dir().map(|d| d.join(KEYS_FILE))
}

/// The ledger path: `--db` > `XINFANG_DB` (clap reads both) > the data dir.
pub fn default_ledger_path() -> Option<PathBuf> {
    project_dirs().map(|d| d.data_dir().join("ledger.db"))
}
