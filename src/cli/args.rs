//! The argument grammar (clap derive) and its help in the user's language.

use std::path::PathBuf;

use clap::{ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::strings::{Lang, cli as text};

pub use super::args_office::{
    BacklogCmd, EvaluationCmd, FlagsArgs, ScreeningCmd, SheetFormat, TableFormat,
};

#[derive(Debug, Clone, Parser)]
#[command(
    name = "xinfang",
    version,
    disable_help_flag = true,
    disable_version_flag = true
)]
pub struct Cli {
    #[arg(long, env = "XINFANG_DB", global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    #[arg(long, global = true, value_name = "zh-CN|en")]
    pub lang: Option<String>,
    #[arg(long = "as", global = true, value_name = "OPERATOR")]
    pub as_operator: Option<String>,
    #[arg(long)]
    pub demo: bool,
    /// Sign-in: the passphrase from the first line of a file…
    #[arg(
        long,
        global = true,
        value_name = "PATH",
        conflicts_with = "passphrase_fd"
    )]
    pub passphrase_file: Option<PathBuf>,
    /// …or from a file descriptor (scripts, pipelines); else a prompt without echo.
    /// Never from argv or an environment variable's value: both are visible to others.
    #[arg(long, global = true, value_name = "N")]
    pub passphrase_fd: Option<i32>,
    /// Opens the ledger with its recovery key (first line of the file) instead of a slot.
    #[arg(long, global = true, value_name = "PATH")]
    pub recovery_key_file: Option<PathBuf>,
    #[arg(short = 'h', long, action = ArgAction::Help, global = true)]
    help: Option<bool>,
    #[arg(short = 'V', long, action = ArgAction::Version)]
    version: Option<bool>,
    #[command(subcommand)]
    pub cmd: Option<Cmd>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Csv,
    Xlsx,
}

/// The lists `report --list` pages through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportList {
    /// Overdue at the cut-off, longest overdue first.
    Overdue,
    /// Supervised (督办) in the period, latest first.
    Supervised,
}

/// The formats of `report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
    Csv,
    Html,
    Xlsx,
    // Word (WPS): the analysis in words, then the tables (its help: `strings::cli`).
    Docx,
}

#[derive(Debug, Clone, Subcommand)]
pub enum Cmd {
    Demo {
        #[arg(long, default_value_t = 1000)]
        cases: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    Apply {
        #[arg(value_name = "FILE|-")]
        file: Option<PathBuf>,
    },
    Show {
        case: String,
        #[arg(long)]
        json: bool,
    },
    List {
        #[arg(long, value_parser = state_code)]
        state: Option<String>,
        #[arg(long)]
        overdue: bool,
        #[arg(long, value_name = "N")]
        due_within: Option<u32>,
        #[arg(long, default_value_t = 100)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    Search {
        text: String,
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    Repeats {
        #[arg(long = "id")]
        id_number: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        #[arg(long, requires = "address")]
        name: Option<String>,
        #[arg(long)]
        address: Option<String>,
        #[arg(long)]
        json: bool,
    },
    Export {
        #[arg(long, value_enum, required_unless_present = "attachments")]
        format: Option<Format>,
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long)]
        full: bool,
        /// Every visible attachment written under DIR/<case number>/.
        #[arg(long, value_name = "DIR")]
        attachments: Option<PathBuf>,
    },
    Report {
        #[arg(long, default_value = "month", value_name = "PERIOD", value_parser = period_form)]
        period: String,
        #[arg(
            long = "format",
            id = "report_format",
            value_name = "FORMAT",
            value_enum,
            default_value = "text"
        )]
        format: ReportFormat,
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long, default_value_t = crate::domain::stats::DEFAULT_TOP, value_name = "N")]
        top: usize,
        #[command(flatten)]
        preset: super::args_preset::PresetArgs,
        /// The overdue or supervised cases, a page at a time, instead of the report.
        #[arg(long, value_enum, value_name = "LIST")]
        list: Option<ReportList>,
        /// Which page of the list (from 1).
        #[arg(long, default_value_t = 1, value_name = "N", requires = "list")]
        page: usize,
        /// The whole list, written a page at a time.
        #[arg(long, requires = "list", conflicts_with = "page")]
        all: bool,
    },
    /// Issues (or reprints) a document: `notice CASE KIND [--out FILE]`.
    Notice {
        case: String,
        kind: String,
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long)]
        basis: Option<String>,
        #[arg(long = "review-organ")]
        review_organ: Option<String>,
        #[arg(long)]
        again: bool,
        #[arg(long)]
        print: bool,
        #[arg(long, value_name = "UNIT")]
        to: Option<String>,
        #[arg(long, value_name = "TEXT")]
        advice: Option<String>,
    },
    Check {
        #[arg(long, conflicts_with = "deep")]
        quick: bool,
        /// SQLite's integrity_check too: every index entry against its row (slow).
        #[arg(long)]
        deep: bool,
        #[arg(long)]
        json: bool,
    },
    Replay {
        #[arg(long, value_name = "FILE")]
        keys: PathBuf,
        #[arg(long, default_value = "120x40", value_name = "WxH")]
        size: String,
        #[arg(long)]
        json: bool,
    },
    Backup {
        dest: PathBuf,
    },
    /// The office's holiday tables: `calendar import FILE`.
    Calendar {
        #[command(subcommand)]
        action: CalendarCmd,
    },
    /// A new encrypted ledger with its first leader: `init --leader NAME`.
    Init {
        #[arg(long, value_name = "NAME")]
        leader: String,
    },
    /// A leader's slot written again with the recovery key (slots lost or damaged).
    Recover {
        #[arg(long, value_name = "NAME")]
        leader: String,
    },
    /// The office journal (a leader's): `audit [--since DATE] [--json]`.
    Audit {
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The operators with role, department, unit, and whether active or locked.
    Operators {
        #[arg(long)]
        json: bool,
    },
    /// Changes the signed-in operator's passphrase, or (a leader, `--for NAME`)
    /// gives another a one-time one; the new passphrase typed twice at a prompt,
    /// or read from `--new-passphrase-file` / `--new-passphrase-fd`.
    Passwd(PasswdArgs),
    /// Converts a plaintext ledger: `encrypt --db OLD --out NEW --as LEADER`.
    Encrypt {
        #[arg(long = "out", id = "encrypt_out", value_name = "NEW")]
        out: PathBuf,
    },
    /// Puts a verified backup in the ledger's place: `restore --db LEDGER --from BACKUP`.
    Restore {
        #[arg(long, value_name = "BACKUP")]
        from: PathBuf,
    },
    /// The shell's completion script: `completions bash|zsh|fish|powershell`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// 矛盾纠纷排查: `screening add|list|assign|start|resolve|escalate|zero-report|rounds|table`.
    Screening {
        #[command(subcommand)]
        action: ScreeningCmd,
    },
    /// 重点信访人 (leaders and clerks): `flags [--json]`; set with `apply`'s `person_flag`.
    Flags(FlagsArgs),
    /// 积案: `backlog list|mark|leader|team|meeting|progress|sheet`.
    Backlog {
        #[command(subcommand)]
        action: BacklogCmd,
    },
    /// The man page on standard output, or one page per command into `--dir`.
    Man {
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// An office's old register (台账) in: `import FILE.xlsx|FILE.csv [--dry-run]`.
    Import(ImportArgs),
    /// Keeps files with a case: `attach CASE FILE…`.
    Attach {
        case: String,
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// A case's attachments: listed, or one saved (`--save N --out FILE`) or removed
    /// (`--remove N --reason R`).
    Attachments {
        case: String,
        #[arg(long, value_name = "N", requires = "out", conflicts_with = "remove")]
        save: Option<u32>,
        #[arg(long, value_name = "FILE", requires = "save")]
        out: Option<PathBuf>,
        #[arg(long, value_name = "N", requires = "reason")]
        remove: Option<u32>,
        #[arg(long, value_name = "TEXT", requires = "remove")]
        reason: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// 评查 (leaders): `evaluation score CASE --item 受理及时=9 …` and `evaluation list`.
    Evaluation {
        #[command(subcommand)]
        action: EvaluationCmd,
    },
    /// 初信初访: the open first-time cases with their owners and due dates, `firsttime [--json]`.
    Firsttime {
        #[arg(long)]
        json: bool,
    },
}

/// `import FILE [--map THEIRS=OURS]… [--map-file F] [--dry-run] [--skip-bad [--skipped F]]`,
/// or `import --template` (the mapping file to fill in, on standard output).
#[derive(Debug, Clone, clap::Args)]
pub struct ImportArgs {
    #[arg(
        id = "register",
        value_name = "FILE",
        required_unless_present = "template"
    )]
    pub file: Option<PathBuf>,
    #[arg(long, value_name = "THEIRS=OURS")]
    pub map: Vec<String>,
    #[arg(long, value_name = "FILE")]
    pub map_file: Option<PathBuf>,
    /// The workbook's sheet to read (its first when not given).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long)]
    pub skip_bad: bool,
    #[arg(long, value_name = "FILE", requires = "skip_bad")]
    pub skipped: Option<PathBuf>,
    #[arg(long, conflicts_with = "register")]
    pub template: bool,
}

/// `list --state`: a state's code; another word is a usage error (exit 2) that names
/// the codes.
fn state_code(s: &str) -> Result<String, String> {
    match crate::domain::types::State::from_code(s) {
        Some(_) => Ok(s.to_owned()),
        None => Err(text::no_such_state(language_from_env(), s)),
    }
}

/// `report --period`: a form `Period::parse` reads; one it cannot read is a usage error
/// (exit 2). Whether the period has begun is for `report` to say, on its day.
fn period_form(s: &str) -> Result<String, String> {
    let far = chrono::NaiveDate::from_ymd_opt(9000, 1, 1).unwrap_or_default();
    match crate::domain::stats::Period::parse(s, far) {
        Ok(_) => Ok(s.to_owned()),
        Err(e) => Err(crate::strings::report::period_error(
            language_from_env(),
            &e,
        )),
    }
}

/// `passwd [--for NAME] [--new-passphrase-file PATH | --new-passphrase-fd N]`.
#[derive(Debug, Clone, clap::Args)]
pub struct PasswdArgs {
    #[arg(long = "for", id = "for_operator", value_name = "NAME")]
    pub for_operator: Option<String>,
    #[arg(long, value_name = "PATH", conflicts_with = "new_passphrase_fd")]
    pub new_passphrase_file: Option<PathBuf>,
    #[arg(long, value_name = "N")]
    pub new_passphrase_fd: Option<i32>,
}

/// `calendar …`.
#[derive(Debug, Clone, Subcommand)]
pub enum CalendarCmd {
    /// Loads a year's official table into the office's configuration.
    Import {
        #[arg(id = "table", value_name = "FILE")]
        file: PathBuf,
    },
}

/// The language before arguments are parsed, so that `--help` and parse
/// errors already speak it: `--lang` on the command line, `XINFANG_LANG`,
/// else Chinese.
pub fn language_from_env() -> Lang {
    let args: Vec<String> = std::env::args().collect();
    let from_args = args.iter().enumerate().find_map(|(i, a)| {
        a.strip_prefix("--lang=")
            .map(str::to_owned)
            .or_else(|| (a == "--lang").then(|| args.get(i + 1).cloned()).flatten())
    });
    from_args
        .or_else(|| std::env::var("XINFANG_LANG").ok())
        .and_then(|s| Lang::parse(&s))
        .unwrap_or_default()
}

fn localise(cmd: clap::Command, lang: Lang) -> clap::Command {
    localise_under(cmd, lang, "")
}

/// `parent` names a nested command's group (`calendar import` is not `import`).
fn localise_under(cmd: clap::Command, lang: Lang, parent: &str) -> clap::Command {
    let own = cmd.get_name().to_owned();
    let name = if parent.is_empty() || parent == "xinfang" {
        own.clone()
    } else {
        format!("{parent} {own}")
    };
    let has_subcommands = cmd.has_subcommands();
    let has_positionals = cmd.get_positionals().next().is_some();
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    let mut cmd = cmd
        .about(text::about(lang, &name))
        .help_template(text::help_template(lang, has_subcommands, has_positionals));
    for id in ids {
        let help = text::arg_help_listing(lang, &id)
            .or_else(|| Some(text::arg_help(lang, &id).to_owned()).filter(|h| !h.is_empty()));
        if let Some(help) = help {
            cmd = cmd.mut_arg(id, |a| said_in(a, help, lang));
        }
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(sub, |s| localise_under(s, lang, &own));
    }
    cmd
}

/// An option with its help in `lang`. clap's own labels are English (`[default: …]`,
/// `[env: …]`, `Possible values:`): in Chinese the default is said in the help, the
/// variable is named there already (`--db`) and the values are listed there (`--list`).
fn said_in(a: clap::Arg, help: String, lang: Lang) -> clap::Arg {
    if lang == Lang::En {
        // The variable's name, not its value (an unset one read `[env: XINFANG_DB=]`).
        return a.help(help).hide_env_values(true);
    }
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let a = match defaults.as_slice() {
        [] => a.help(help),
        shown => a
            .help(text::default_said(lang, &help, &shown.join(", ")))
            .hide_default_value(true),
    };
    let a = if a.get_env().is_some() {
        a.hide_env(true)
    } else {
        a
    };
    if a.get_action().takes_values() {
        a.hide_possible_values(true)
    } else {
        a
    }
}

/// The grammar with every text in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    let mut cmd = localise(Cli::command(), lang);
    // clap makes the `help` subcommand when it builds the grammar, in English: built here
    // first, its line is said in `lang` too, at every level that has one.
    cmd.build();
    localise_help(cmd, lang)
}

fn localise_help(cmd: clap::Command, lang: Lang) -> clap::Command {
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    let mut cmd = cmd;
    for sub in subs {
        cmd = match sub.as_str() {
            "help" => cmd.mut_subcommand(sub, |h| h.about(text::about(lang, "help"))),
            _ => cmd.mut_subcommand(sub, |s| localise_help(s, lang)),
        };
    }
    cmd
}

/// Parses the process arguments; `--help`, `--version` and mistakes come back as
/// clap's error, for `usage::clap_error` to say in the user's language.
pub fn parse(lang: Lang) -> Result<Cli, clap::Error> {
    let matches = command(lang).try_get_matches()?;
    Cli::from_arg_matches(&matches)
}

#[cfg(test)]
#[path = "args_tests.rs"]
mod tests;
