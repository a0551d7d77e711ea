//! `restore`: its help, its refusals and what it says it did.

use std::path::Path;

use super::Lang;
use crate::store::RestoreRefusal;

pub fn about(lang: Lang) -> &'static str {
    lang.pick(
        "从经校验的备份恢复台账（领导或恢复密钥）：原台账移至 <台账>.before-restore-<时间>，不删除",
        "put a verified backup in the ledger's place (a leader, or the recovery key); the ledger it replaces is moved to <ledger>.before-restore-<time>, never deleted",
    )
}

pub fn arg_help(lang: Lang) -> &'static str {
    lang.pick(
        "备份文件（xinfang backup 写的，回执 <备份>.receipt 须在旁边）",
        "the backup file (written by xinfang backup, with its receipt <backup>.receipt beside it)",
    )
}

pub fn refusal(lang: Lang, r: &RestoreRefusal) -> String {
    let zh = lang == Lang::Zh;
    match r {
        RestoreRefusal::InUse => lang.pick(
            "台账正被其他程序打开（桌面、apply 或 backup 正在运行）：未做任何改动。请关闭所有 xinfang 窗口、等命令结束后再恢复",
            "the ledger is open in another program (a desk, apply or backup is running): nothing was changed. Close every xinfang window and wait for running commands to end, then restore",
        ).to_owned(),
        RestoreRefusal::Foreign { backup } => if zh {
            format!("{backup} 是另一本台账的备份，不是本台账的：未做任何改动。请选择本台账的备份")
        } else {
            format!("{backup} is a backup of another ledger, not of this one: nothing was changed. Pick a backup of this ledger")
        },
        RestoreRefusal::NoReceipt { receipt } => if zh {
            format!("备份旁没有回执 {receipt}，无法证明备份完整：未做任何改动。请把备份时一同写出的 .receipt 文件放回备份旁")
        } else {
            format!("there is no receipt {receipt} beside the backup, so it cannot be shown whole: nothing was changed. Put the .receipt file written with the backup back beside it")
        },
        RestoreRefusal::SameFile => lang.pick(
            "备份文件就是台账本身（或其附属文件）：请指定另外保存的备份",
            "the backup named is the ledger itself (or one of its files): name a backup kept elsewhere",
        ).to_owned(),
    }
}

/// `--from` names no file.
pub fn no_backup(lang: Lang, backup: &Path) -> String {
    let b = backup.display();
    match lang {
        Lang::Zh => format!("没有备份文件 {b}：请用 --from 指定 xinfang backup 写出的文件"),
        Lang::En => {
            format!("there is no backup file {b}: name the file xinfang backup wrote with --from")
        }
    }
}

/// The backup does not open with the ledger's key.
pub fn wrong_key(lang: Lang, backup: &Path) -> String {
    let b = backup.display();
    match lang {
        Lang::Zh => format!(
            "{b} 用本台账的密钥打不开：它是另一单位的台账、不是台账，或已损坏。未做任何改动"
        ),
        Lang::En => format!(
            "{b} does not open with this ledger's key: it is another office's ledger, not a ledger, or damaged. Nothing was changed"
        ),
    }
}

/// The backup's check found it damaged (the report is printed above).
pub fn not_whole(lang: Lang, backup: &Path) -> String {
    let b = backup.display();
    match lang {
        Lang::Zh => {
            format!("备份 {b} 未通过校验（见上）：不能用它恢复，未做任何改动。请换一份较早的备份")
        }
        Lang::En => format!(
            "the backup {b} does not check whole (see above): it is not restored, and nothing was changed. Try an earlier backup"
        ),
    }
}

/// The office journal's entries (people, departments, the letterhead) the replaced ledger had
/// beyond the backup: gone with it, and someone added since opens nothing now.
pub fn office_events_beyond(lang: Lang, n: i64) -> String {
    match lang {
        Lang::Zh => format!(
            "原台账另有 {n} 条操作日志在备份之后（人员、部门、单位信息等的变更），恢复后不在台账中：请领导在「人员和部门」中核对；备份之后新增的人员须重新添加才能登录"
        ),
        Lang::En => format!(
            "The replaced ledger also had {n} office journal entries beyond the backup (people, departments, the letterhead), which the restored ledger does not hold: a leader checks people and departments; anyone added since must be added again to sign in"
        ),
    }
}

/// What restore did: from where, where the old ledger went, what is missing.
pub fn restored(
    lang: Lang,
    ledger: &Path,
    from: &Path,
    aside: Option<&Path>,
    events: i64,
    last_at: Option<&str>,
    beyond: i64,
) -> String {
    let (l, f) = (ledger.display(), from.display());
    let last = last_at.unwrap_or("-");
    let zh = lang == Lang::Zh;
    // Nothing replaced, nothing lost: no word on what it held.
    let replaced = aside.is_some();
    let aside = match (aside, zh) {
        (Some(a), true) => format!(
            "原台账已移至 {}（连同 -wal、-shm、回执和密钥槽，未删除）。",
            a.display()
        ),
        (Some(a), false) => format!(
            "The ledger it replaced is kept at {} (with its -wal, -shm, receipt and key slots).",
            a.display()
        ),
        (None, true) => "原处没有台账文件。".to_owned(),
        (None, false) => "There was no ledger file there.".to_owned(),
    };
    let beyond = match (beyond, zh) {
        _ if !replaced => String::new(),
        (0, true) => "原台账没有比备份多出的办理记录。".to_owned(),
        (0, false) => "The replaced ledger had no case events beyond the backup.".to_owned(),
        (n, true) => format!(
            "原台账比备份多 {n} 条办理记录，恢复后不在台账中：请按纸质材料重新录入 {last} 以后的办理情况。"
        ),
        (n, false) => format!(
            "The replaced ledger had {n} case events beyond the backup, which the restored ledger does not hold: enter what was done after {last} again from the paper records."
        ),
    };
    if zh {
        format!(
            "已从备份 {f} 恢复台账 {l}：共 {events} 条办理记录，最后一条在 {last}。{aside}{beyond}"
        )
    } else {
        format!(
            "restored {l} from the backup {f}: {events} case events, the last at {last}. {aside} {beyond}"
        )
    }
}

/// `restore` where no ledger is, signed in with a passphrase: only the recovery key opens
/// a backup without the ledger's key slots.
pub fn nothing_to_replace(lang: Lang, ledger: &Path, backup: &Path) -> String {
    let (l, b) = (ledger.display(), backup.display());
    match lang {
        Lang::Zh => format!(
            "{l} 没有台账，也就没有密钥槽可以登录：要在此处用备份重建台账，请用恢复密钥：xinfang restore --from {b} --db {l} --recovery-key-file 文件（文件第一行是恢复密钥）"
        ),
        Lang::En => format!(
            "there is no ledger at {l}, so no key slot to sign in with: to rebuild the ledger here from the backup, use the recovery key: xinfang restore --from {b} --db {l} --recovery-key-file FILE (the recovery key on its first line)"
        ),
    }
}

/// A ledger restored where it had no key slots: who writes the first one.
pub fn no_slots_yet(lang: Lang, ledger: &Path) -> String {
    let l = ledger.display();
    match lang {
        Lang::Zh => format!(
            "{l} 还没有密钥槽，只有恢复密钥能打开：请用 xinfang recover --db {l} --leader 领导姓名 --recovery-key-file 文件 为一位领导写入口令，再由领导为其他人开通"
        ),
        Lang::En => format!(
            "{l} has no key slots yet: only the recovery key opens it. Write a leader's with xinfang recover --db {l} --leader NAME --recovery-key-file FILE; that leader then opens it for the others"
        ),
    }
}
