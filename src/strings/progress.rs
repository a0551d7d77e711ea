//! What the progress bars of the long jobs say (`cli/progress.rs`).

use super::Lang;

/// A long job, named on its bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    Demo,
    Import,
    Export,
    Check,
    Backup,
    /// The schema's migrations on open.
    Upgrade,
    /// An open that takes long: the report's rollups made anew (`store::rollup::ensure`).
    Open,
}

pub fn job(lang: Lang, j: Job) -> &'static str {
    match j {
        Job::Demo => lang.pick("生成演示台账", "writing the demo ledger"),
        Job::Import => lang.pick("导入", "importing"),
        Job::Export => lang.pick("导出", "exporting"),
        Job::Check => lang.pick("检查台账", "checking the ledger"),
        Job::Backup => lang.pick("备份并校验", "backing up and verifying"),
        Job::Upgrade => lang.pick("升级台账", "upgrading the ledger"),
        Job::Open => lang.pick(
            "打开台账（重新汇总统计数据）",
            "opening the ledger (summing up the report's figures anew)",
        ),
    }
}

/// The bar's template (indicatif's): the job, the bar, done of all, time left.
pub fn bar_template(lang: Lang) -> &'static str {
    lang.pick(
        "{msg} [{bar:30}] {human_pos}/{human_len} 件 已用 {elapsed} 剩余 {eta}",
        "{msg} [{bar:30}] {human_pos}/{human_len} cases, {elapsed} so far, {eta} left",
    )
}

/// A job whose length is not known: a spinner and the time so far.
pub fn spinner_template(lang: Lang) -> &'static str {
    lang.pick(
        "{spinner} {msg}（已用 {elapsed}）",
        "{spinner} {msg} ({elapsed} so far)",
    )
}
