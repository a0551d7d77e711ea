//! A ledger that is not written because it is damaged, in words: what is wrong, that
//! nothing was written, what still works, and what to do.

use super::Lang;
use crate::store::{Damage, Journal};

fn journal(lang: Lang, j: Journal) -> &'static str {
    match j {
        Journal::Cases => lang.pick("办理记录", "case-journal events"),
        Journal::Office => lang.pick("操作日志", "office-journal events"),
    }
}

/// The time of an event as a person reads it (to the second), or "—".
fn when(at: Option<&String>) -> String {
    at.map_or_else(
        || "—".to_owned(),
        |a| a.get(..19).unwrap_or(a).replace('T', " "),
    )
}

/// How to restore, naming the newest backup when one is known.
fn restore(lang: Lang, backup: Option<&String>) -> String {
    let steps = lang.pick(
        "请关闭所有台账窗口，由领导（或用恢复密钥）运行 xinfang restore --db 台账 --from 备份：它先校验备份，把现有台账连同 -wal、-shm、回执移到 台账.before-restore-时间（不删除），再放入备份",
        "close every desk, then a leader (or the recovery key) runs `xinfang restore --db LEDGER --from BACKUP`: it checks the backup, moves the present ledger with its -wal, -shm and receipt to LEDGER.before-restore-TIME (never deleted), and puts the backup in its place",
    );
    match (backup, lang) {
        (Some(b), Lang::Zh) => format!("请从最新的备份 {b} 恢复（--from {b}）：{steps}"),
        (Some(b), Lang::En) => format!("restore from the newest backup, {b} (--from {b}): {steps}"),
        (None, Lang::Zh) => {
            format!("请从最新的备份（xinfang backup 写出的文件，旁边有同名 .receipt）恢复：{steps}")
        }
        (None, Lang::En) => format!(
            "restore from the newest backup (the file `xinfang backup` wrote, with its .receipt beside it): {steps}"
        ),
    }
}

/// What still works on a ledger that is not written.
fn reads(lang: Lang) -> &'static str {
    lang.pick(
        "台账未做任何改动，此后也不再写入；查看、列表、搜索、导出和备份仍可使用",
        "nothing was written to it, nor will be; show, list, search, export and backup still work",
    )
}

pub fn damage(lang: Lang, d: &Damage) -> String {
    let zh = lang == Lang::Zh;
    match d {
        Damage::Behind {
            journal: j,
            acknowledged,
            acknowledged_at,
            found,
            found_at,
            backup,
        } => {
            let (what, missing) = (journal(lang, *j), acknowledged - found);
            let (at, found_at) = (when(acknowledged_at.as_ref()), when(found_at.as_ref()));
            let then = restore(lang, backup.as_ref());
            if zh {
                format!(
                    "台账缺少已确认的{what}{missing}条：台账旁的回执确认共{acknowledged}条（最后一条于{at}），台账中只有{found}条（最后一条于{found_at}）。{}。{then}",
                    reads(lang)
                )
            } else {
                format!(
                    "the ledger lacks {missing} acknowledged {what}: the receipt beside it acknowledged {acknowledged} (the last at {at}), the ledger holds {found} (the last at {found_at}). {}. To put it right, {then}",
                    reads(lang)
                )
            }
        }
        Damage::Diverged {
            journal: j,
            seq,
            backup,
        } => {
            let (what, then) = (journal(lang, *j), restore(lang, backup.as_ref()));
            if zh {
                format!(
                    "台账第{seq}条{what}与回执确认的不是同一条：此后的记录已被改写。{}。{then}",
                    reads(lang)
                )
            } else {
                format!(
                    "the ledger's {what} number {seq} is not the one its receipt acknowledged: the journal was rewritten from there. {}. To put it right, {then}",
                    reads(lang)
                )
            }
        }
        Damage::Tail { journal: j, seq } => {
            let what = journal(lang, *j);
            if zh {
                format!(
                    "台账最新的{what}无法验证（第{seq}条缺失、被改动或断链）。{}。请运行 xinfang check 查看，并从备份恢复",
                    reads(lang)
                )
            } else {
                format!(
                    "the ledger's newest {what} do not verify (number {seq} is missing, altered or unlinked). {}. Run `xinfang check` to see what is wrong, and restore from a backup",
                    reads(lang)
                )
            }
        }
        Damage::ReceiptMissing { .. } | Damage::ReceiptForeign { .. } => receipt(lang, d),
        Damage::Case { case, what } => {
            if zh {
                format!(
                    "信访事项 {case} 与其办理记录不符（{what}）：本次操作未写入。请运行 xinfang check 查看，并从备份恢复台账"
                )
            } else {
                format!(
                    "case {case} differs from its journal ({what}): nothing was written. Run `xinfang check` to see what is wrong, and restore the ledger from a backup"
                )
            }
        }
    }
}

/// The receipt beside the ledger is gone, or not this ledger's.
fn receipt(lang: Lang, d: &Damage) -> String {
    let zh = lang == Lang::Zh;
    match d {
        Damage::ReceiptMissing { path } => {
            if zh {
                format!(
                    "台账原有的回执 {path} 不见了，无法判断是否丢失了已确认的记录。{}。若台账是移动或恢复来的，请把它的 .receipt 放回旁边；否则请运行 xinfang check：台账检查完好时会重新写出回执",
                    reads(lang)
                )
            } else {
                format!(
                    "the receipt {path} the ledger had is gone, so it cannot be told whether acknowledged events were lost. {}. If the ledger was moved or restored, put its .receipt beside it; else run `xinfang check`, which writes a new receipt when the ledger checks whole",
                    reads(lang)
                )
            }
        }
        Damage::ReceiptForeign { path } => {
            if zh {
                format!(
                    "台账旁的回执 {path} 属于另一个台账、已被改动或无法读取。{}。请放回本台账自己的回执（恢复的备份，其回执在备份旁）；或把该文件移走后运行 xinfang check，台账检查完好时会重新写出回执",
                    reads(lang)
                )
            } else {
                format!(
                    "the receipt {path} beside the ledger is another ledger's, was altered or cannot be read. {}. Put this ledger's own receipt there (a restored backup's is beside the backup), or move that file away and run `xinfang check`, which writes a new receipt when the ledger checks whole",
                    reads(lang)
                )
            }
        }
        Damage::Behind { .. }
        | Damage::Diverged { .. }
        | Damage::Tail { .. }
        | Damage::Case { .. } => damage(lang, d),
    }
}

/// An existing empty file where the ledger should be.
pub fn empty_file(lang: Lang, path: &str) -> String {
    if lang == Lang::Zh {
        format!(
            "{path} 是一个空文件（0字节），不是台账，不会在上面新建台账。若台账丢失，请从备份恢复；若要新建台账，请先删除这个空文件（或换一个 --db 路径）再运行 xinfang init"
        )
    } else {
        format!(
            "{path} is an empty file (0 bytes), not a ledger, and no ledger is set up over it. If the ledger was lost, restore it from a backup; to begin a new one, remove the empty file (or choose another --db) and run `xinfang init`"
        )
    }
}

/// `check` wrote a new receipt for a ledger whose receipt was gone.
pub fn receipt_renewed(lang: Lang) -> &'static str {
    lang.pick(
        "台账的回执不见了；台账检查完好，已按现有记录重新写出回执（此前是否丢失过已确认的记录已无从判断）",
        "the ledger's receipt was gone; the ledger checks whole, so a new receipt was written from it as it stands (whether acknowledged events were lost before cannot be told any more)",
    )
}

/// Before a read of a ledger that is not written: why.
pub fn warning(lang: Lang, why: &str) -> String {
    format!("{}{why}", lang.pick("注意：", "warning: "))
}

/// `export` or `backup` of a ledger that is not written: done, but not recorded in it.
pub fn not_recorded(lang: Lang, why: &str) -> String {
    if lang == Lang::Zh {
        format!("注意：{why}。本次导出或备份照常进行，但无法记入台账的操作日志")
    } else {
        format!(
            "warning: {why}. The export or backup goes ahead but cannot be recorded in the ledger's office journal"
        )
    }
}

/// A ledger in a directory that cannot be written.
pub fn read_only_dir(lang: Lang, dir: &str) -> String {
    if lang == Lang::Zh {
        format!(
            "台账所在的目录 {dir} 不可写：即使只读，SQLite 也要在台账旁建立 -wal、-shm 文件。请为该目录加上写权限，或把台账连同同名 .keys、.receipt 文件复制到可写的目录后再打开"
        )
    } else {
        format!(
            "the directory {dir} holding the ledger cannot be written: even to read it, SQLite must create the -wal and -shm files beside it. Make the directory writable, or copy the ledger with its .keys and .receipt files to a writable directory and open it there"
        )
    }
}

/// A command pointed at a killed backup's temporary file.
pub fn unfinished_backup(lang: Lang, path: &str) -> String {
    if lang == Lang::Zh {
        format!(
            "{path} 是一次未完成的备份（备份中途被中断）留下的临时文件，不是台账，也不是备份：请删除它，再运行一次 xinfang backup"
        )
    } else {
        format!(
            "{path} is an unfinished backup (a backup was interrupted), neither a ledger nor a backup: delete it and run `xinfang backup` again"
        )
    }
}

/// The disk holding the ledger (or a backup) is full.
pub fn disk_full(lang: Lang) -> &'static str {
    lang.pick(
        "磁盘已满（或超出配额）：本次未写入任何内容。请在台账所在的磁盘上腾出空间（或把台账移到有空间的磁盘），再重试",
        "the disk is full (or the quota is used up): nothing was written. Free space on the disk holding the ledger (or move it to a disk with room) and try again",
    )
}
