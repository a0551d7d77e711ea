//! `report --preset`'s arguments: which of the county's reports, and its day, week or case.

use clap::{Args, ValueEnum};

/// The county's reports (`domain::presets::Preset`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PresetName {
    Daily,
    Weekly,
    Monthly,
    Special,
}

#[derive(Debug, Clone, Default, Args)]
pub struct PresetArgs {
    /// 日报 (daily), 周报 (weekly), 月报 (monthly) or 专报 (special).
    #[arg(long, value_enum, value_name = "PRESET")]
    pub preset: Option<PresetName>,
    /// The 日报's day (default today).
    #[arg(long, value_name = "DATE", requires = "preset")]
    pub date: Option<String>,
    /// Any day of the 周报's week (default this week).
    #[arg(long, value_name = "DATE", requires = "preset")]
    pub week: Option<String>,
    /// The 专报's case.
    #[arg(
        long = "case",
        id = "preset_case",
        value_name = "CASE",
        requires = "preset"
    )]
    pub case: Option<String>,
}
