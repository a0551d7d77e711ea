//! The arguments of the office's records outside a case's lifecycle: 排查 (`screening`),
//! 积案 (`backlog`), 重点信访人 (`flags`) and 评查 (`evaluation`).

use std::path::PathBuf;

use clap::{Subcommand, ValueEnum};

/// `screening table --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    Text,
    Html,
    Xlsx,
}

/// `flags [--json]`, or `flags --remove N --reason R` (a leader takes a flag off).
#[derive(Debug, Clone, clap::Args)]
pub struct FlagsArgs {
    #[arg(long)]
    pub json: bool,
    #[arg(long, value_name = "N", requires = "flag_reason")]
    pub remove: Option<i64>,
    #[arg(long = "reason", id = "flag_reason", value_name = "TEXT")]
    pub reason: Option<String>,
}

/// `screening add`'s fields, one option each (instead of the JSON).
#[derive(Debug, Clone, clap::Args)]
pub struct ScreeningFields {
    #[arg(long = "found-on", id = "found_on", value_name = "DATE")]
    pub found_on: Option<String>,
    #[arg(long = "found-by", id = "found_by", value_name = "NAME", conflicts_with = "screening_json",
          requires_all = ["screening_unit", "place", "party", "screening_kind", "screening_risk", "screening_summary", "screening_responsible"])]
    pub found_by: Option<String>,
    #[arg(long = "unit", id = "screening_unit", value_name = "UNIT")]
    pub unit: Option<String>,
    #[arg(long = "place", id = "place", value_name = "PLACE")]
    pub place: Option<String>,
    #[arg(long = "party", id = "party", value_name = "NAME")]
    pub party: Vec<String>,
    #[arg(long = "kind", id = "screening_kind", value_name = "CODE")]
    pub kind: Option<String>,
    #[arg(long = "risk", id = "screening_risk", value_name = "CODE")]
    pub risk: Option<String>,
    #[arg(long = "summary", id = "screening_summary", value_name = "TEXT")]
    pub summary: Option<String>,
    #[arg(
        long = "responsible",
        id = "screening_responsible",
        value_name = "UNIT"
    )]
    pub responsible: Option<String>,
    #[arg(long = "leader", id = "add_leader", value_name = "NAME")]
    pub leader: Option<String>,
    #[arg(long = "deadline", id = "add_deadline", value_name = "DATE")]
    pub deadline: Option<String>,
}

/// `screening …`.
#[derive(Debug, Clone, Subcommand)]
pub enum ScreeningCmd {
    Add {
        #[arg(
            id = "screening_json",
            value_name = "JSON",
            required_unless_present = "found_by"
        )]
        json: Option<String>,
        #[command(flatten)]
        fields: Box<ScreeningFields>,
    },
    List {
        #[arg(long)]
        json: bool,
    },
    Assign {
        no: i64,
        #[arg(long, id = "screening_leader", value_name = "NAME")]
        leader: Option<String>,
        #[arg(long)]
        responsible: Option<String>,
        #[arg(long, value_name = "DATE")]
        deadline: Option<String>,
    },
    Start {
        no: i64,
        #[arg(long)]
        note: String,
    },
    Resolve {
        no: i64,
        #[arg(long)]
        note: String,
    },
    Escalate {
        no: i64,
        #[arg(
            long = "case",
            id = "screening_case",
            value_name = "CASE",
            required_unless_present = "new_case"
        )]
        case: Option<String>,
        /// Makes the case through the ordinary intake instead (`--category` sets its category).
        #[arg(long = "new", id = "new_case", conflicts_with = "screening_case")]
        new: bool,
        #[arg(
            long = "category",
            id = "new_case_category",
            value_name = "CATEGORY",
            requires = "new_case"
        )]
        category: Option<String>,
    },
    ZeroReport {
        unit: String,
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
    },
    Rounds {
        #[arg(long)]
        missing: bool,
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        #[arg(long)]
        json: bool,
    },
    Table {
        #[arg(long, value_name = "YYYY-MM")]
        month: Option<String>,
        #[arg(
            long = "format",
            id = "screening_format",
            value_name = "FORMAT",
            value_enum,
            default_value = "text"
        )]
        format: TableFormat,
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

/// `backlog sheet --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SheetFormat {
    Html,
    Xlsx,
}

/// `backlog …`.
#[derive(Debug, Clone, Subcommand)]
pub enum BacklogCmd {
    List {
        #[arg(long)]
        json: bool,
    },
    Mark {
        #[arg(id = "backlog_case", value_name = "CASE")]
        case: String,
        #[arg(long)]
        reason: String,
    },
    Leader {
        #[arg(id = "backlog_case", value_name = "CASE")]
        case: String,
        #[arg(long = "name", id = "backlog_name", value_name = "NAME")]
        name: String,
    },
    Team {
        #[arg(id = "backlog_case", value_name = "CASE")]
        case: String,
        #[arg(long = "member", required = true)]
        member: Vec<String>,
    },
    Meeting {
        #[arg(id = "backlog_case", value_name = "CASE")]
        case: String,
        #[arg(long, value_name = "DATE")]
        date: String,
        #[arg(long = "participant", required = true)]
        participant: Vec<String>,
        #[arg(long)]
        conclusion: String,
    },
    Progress {
        #[arg(id = "backlog_case", value_name = "CASE")]
        case: String,
        #[arg(long)]
        note: String,
    },
    Sheet {
        #[arg(
            long = "format",
            id = "backlog_format",
            value_name = "FORMAT",
            value_enum,
            default_value = "html"
        )]
        format: SheetFormat,
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

/// `evaluation …` (评查).
#[derive(Debug, Clone, Subcommand)]
pub enum EvaluationCmd {
    /// Scores a closed case: one `--item NAME=SCORE` (0–10) per item of the checklist.
    Score {
        #[arg(id = "evaluation_case", value_name = "CASE")]
        case: String,
        #[arg(long = "item", value_name = "NAME=SCORE", required = true)]
        item: Vec<String>,
        #[arg(long = "note", id = "evaluation_note")]
        note: Option<String>,
    },
    /// The evaluations of a period (default this month) and the results by unit.
    List {
        #[arg(long = "period", id = "evaluation_period", default_value = "month")]
        period: String,
        #[arg(long)]
        json: bool,
    },
}
