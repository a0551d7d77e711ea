//! Signing in, the ledger's keys and its encryption: prompts, the recovery key
//! shown once, and what to do when a key does not open the ledger.

use std::path::Path;

use super::Lang;
use crate::store::{Converted, KeyError};

/// What went wrong with a key, and what to do about it.
pub fn key_error(lang: Lang, e: &KeyError) -> String {
    let zh = lang == Lang::Zh;
    match e {
        KeyError::NotEncrypted => lang.pick(
            "这个台账文件没有加密：请先运行 xinfang encrypt --db 旧台账 --out 新台账 --as 领导姓名，转换为加密台账后再使用（原文件不会被改动）",
            "this ledger file is not encrypted: convert it first with xinfang encrypt --db OLD --out NEW --as LEADER (the old file is left unchanged)",
        ).to_owned(),
        KeyError::WrongKey => lang.pick(
            "这把密钥打不开这个台账：台账文件已损坏，或密钥槽文件（恢复密钥）属于另一个台账。未做任何改动；请从备份恢复台账，或用本台账自己的恢复密钥（--recovery-key-file）",
            "the key does not open this ledger: the ledger file is damaged, or the key slots (or the recovery key) belong to another ledger. Nothing was changed: restore the ledger from a backup, or use this ledger's own recovery key (--recovery-key-file)",
        ).to_owned(),
        KeyError::NoSidecar(p) => if zh { format!("台账旁边没有密钥槽文件 {p}：请用恢复密钥打开（--recovery-key-file 文件），或找领导从备份中取回该文件") } else { format!("there is no key slots file {p} beside the ledger: open it with the recovery key (--recovery-key-file FILE), or ask a leader to restore that file from a backup") },
        KeyError::SidecarDamaged(d) => if zh { format!("密钥槽文件已损坏（{d}）：未做任何改动；请用恢复密钥打开（--recovery-key-file 文件），或找领导从备份中恢复该文件") } else { format!("the key slots file is damaged ({d}); nothing was changed: open the ledger with the recovery key (--recovery-key-file FILE), or ask a leader to restore the file from a backup") },
        KeyError::NoSlot(n) => if zh { format!("「{n}」在这个台账没有密钥槽，不能登录：请核对 --as 后的姓名是否写对（须与操作员名单一字不差），或找领导为你开通") } else { format!("'{n}' has no key slot in this ledger and cannot sign in: check the name after --as (exactly as on the operators list), or ask a leader to add you") },
        KeyError::SlotExists(n) => if zh { format!("{n} 已经存在：不会覆盖") } else { format!("{n} already exists: it is never overwritten") },
        KeyError::WrongPassphrase { left } => if zh { format!("口令不对：再错{left}次将锁定{}分钟", crate::store::LOCKOUT_MINUTES) } else { format!("wrong passphrase: {left} more wrong and you are locked out for {} minutes", crate::store::LOCKOUT_MINUTES) },
        KeyError::Locked { until } => if zh { format!("连续输错口令，已锁定到 {}：请到时再试，或找领导", until.format("%H:%M")) } else { format!("too many wrong passphrases: locked until {}; try again then, or ask a leader", until.format("%H:%M")) },
        KeyError::BadRecoveryKey => lang.pick(
            "这不是恢复密钥（长度或校验码不对）：请核对抄写，形如 XXXX-XXXX-…（共14组）",
            "this is not a recovery key (length or checksum wrong): check the copy; it looks like XXXX-XXXX-… (14 groups)",
        ).to_owned(),
        KeyError::EmptyPassphrase => lang.pick("口令不能为空", "the passphrase cannot be empty").to_owned(),
        KeyError::Random(d) => if zh { format!("系统无法提供随机数（{d}）：未创建任何文件") } else { format!("the system gives no random numbers ({d}): nothing was created") },
        KeyError::Io(io) => if zh { format!("密钥槽文件：{io}") } else { format!("key slots file: {io}") },
    }
}

pub fn no_ledger(lang: Lang, path: &Path) -> String {
    let p = path.display();
    if lang == Lang::Zh {
        format!(
            "{p} 没有台账：请先用 xinfang init --db {p} --leader 领导姓名 建立（会显示一次恢复密钥）"
        )
    } else {
        format!(
            "there is no ledger at {p}: create one with xinfang init --db {p} --leader NAME (it shows the recovery key once)"
        )
    }
}

pub fn already_encrypted(lang: Lang, path: &Path) -> String {
    let p = path.display();
    if lang == Lang::Zh {
        format!("{p} 不是未加密的台账（已经加密，或不是台账）：无需转换")
    } else {
        format!(
            "{p} is not a plaintext ledger (already encrypted, or not a ledger): nothing to convert"
        )
    }
}

pub fn encrypt_needs_leader(lang: Lang) -> &'static str {
    lang.pick(
        "请用 --as 写上旧台账中一位在岗领导的姓名：新台账的第一个密钥槽给他",
        "name an active leader of the old ledger with --as: the new ledger's first key slot is theirs",
    )
}

pub fn prompt(lang: Lang, name: &str) -> String {
    if lang == Lang::Zh {
        format!("{name} 的口令：")
    } else {
        format!("passphrase for {name}: ")
    }
}

pub fn prompt_new(lang: Lang, name: &str) -> String {
    if lang == Lang::Zh {
        format!("为 {name} 设定口令：")
    } else {
        format!("choose a passphrase for {name}: ")
    }
}

pub fn prompt_again(lang: Lang) -> &'static str {
    lang.pick("再输入一次：", "type it again: ")
}

pub fn mismatch(lang: Lang) -> &'static str {
    lang.pick(
        "两次输入的口令不一样：未创建任何文件，请重试",
        "the two passphrases differ: nothing was created; try again",
    )
}

/// A one-time passphrase (a leader gave it) opens nothing but the change to one's own.
pub fn must_change_first(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "「{name}」的口令是领导给的一次性口令，只能用来设置自己的口令：请先运行 xinfang passwd --as {name}，或在桌面登录时按提示更改"
        ),
        Lang::En => format!(
            "'{name}' has a one-time passphrase from a leader, good only for choosing their own: run xinfang passwd --as {name} first, or change it when the desk asks at sign-in"
        ),
    }
}

pub fn who(lang: Lang) -> &'static str {
    lang.pick(
        "请用 --as 姓名 说明以谁的身份登录（口令从终端、--passphrase-file 或 --passphrase-fd 读取）",
        "say who signs in with --as NAME (the passphrase is read from the terminal, --passphrase-file or --passphrase-fd)",
    )
}

pub fn unreadable(lang: Lang, file: &Path, e: &std::io::Error) -> String {
    if lang == Lang::Zh {
        format!(
            "读不了 {}：{}",
            file.display(),
            super::input::io_reason(lang, e)
        )
    } else {
        format!(
            "cannot read {}: {}",
            file.display(),
            super::input::io_reason(lang, e)
        )
    }
}

/// A passphrase or recovery key file others may read: used, with a warning.
pub fn secret_file_open(lang: Lang, file: &Path) -> String {
    if lang == Lang::Zh {
        format!(
            "注意：其他用户也能读取 {0}，其中的口令或恢复密钥可能外泄：请执行 chmod 600 {0}",
            file.display()
        )
    } else {
        format!(
            "note: other users can read {0}, so the passphrase or recovery key in it may leak: chmod 600 {0}",
            file.display()
        )
    }
}

pub fn bad_fd(lang: Lang, fd: i32, e: &std::io::Error) -> String {
    if lang == Lang::Zh {
        format!("读不了文件描述符 {fd}：{e}")
    } else {
        format!("cannot read file descriptor {fd}: {e}")
    }
}

pub fn no_terminal(lang: Lang, e: &std::io::Error) -> String {
    if lang == Lang::Zh {
        format!("无法在终端询问口令（{e}）：脚本中请用 --passphrase-file 文件 或 --passphrase-fd N")
    } else {
        format!(
            "cannot ask for the passphrase on a terminal ({e}): in scripts use --passphrase-file FILE or --passphrase-fd N"
        )
    }
}

pub fn demo_passphrase(lang: Lang, pass: &str) -> String {
    if lang == Lang::Zh {
        format!("演示台账：每位操作员的口令都是「{pass}」（仅供演示，切勿存放真实信访件）")
    } else {
        format!(
            "demo ledger: every operator's passphrase is '{pass}' (for trying out only; never keep real cases in it)"
        )
    }
}

pub fn created(lang: Lang, path: &Path, leader: &str) -> String {
    let p = path.display();
    if lang == Lang::Zh {
        format!("已建立加密台账 {p}，领导：{leader}；密钥槽在 {p}.keys")
    } else {
        format!("created the encrypted ledger {p} with the leader {leader}; key slots in {p}.keys")
    }
}

/// The recovery key, shown once.
pub fn recovery_banner(lang: Lang, key: &str) -> String {
    if lang == Lang::Zh {
        format!(
            "\n恢复密钥（只显示这一次）：\n\n    {key}\n\n请抄在纸上，封存于单位保险柜。口令全部遗失或密钥槽文件损坏时，凭它可单独打开台账（--recovery-key-file）。\n任何拿到它的人都能读台账：不要存进电脑、不要拍照、不要发消息。\n"
        )
    } else {
        format!(
            "\nRecovery key (shown this once only):\n\n    {key}\n\nWrite it on paper and keep it in the office safe. If every passphrase is lost or the key slots file is damaged, it opens the ledger alone (--recovery-key-file).\nWhoever holds it can read the ledger: never store it on a computer, photograph or send it.\n"
        )
    }
}

pub fn converted(lang: Lang, old: &Path, new: &Path, c: &Converted) -> String {
    let (o, n) = (old.display(), new.display());
    if lang == Lang::Zh {
        format!(
            "已转换：{o} → {n}（加密），{}张表逐行核对一致，其中{}件信访事项、{}条办理记录。\n旧文件 {o} 未改动、仍未加密：核对新台账无误后，请安全删除它及其备份",
            c.tables, c.cases, c.events
        )
    } else {
        format!(
            "converted {o} → {n} (encrypted): {} tables compared row by row, identical, with {} cases and {} events.\nThe old file {o} is unchanged and still not encrypted: once you have checked the new ledger, delete it and its backups securely",
            c.tables, c.cases, c.events
        )
    }
}

pub fn recover_needs_key(lang: Lang) -> &'static str {
    lang.pick(
        "recover 需要恢复密钥：请加上 --recovery-key-file 文件（文件第一行是保险柜里那张纸上的恢复密钥）",
        "recover needs the recovery key: add --recovery-key-file FILE (its first line is the recovery key from the office safe)",
    )
}

pub fn recover_needs_leader(lang: Lang, name: &str) -> String {
    if lang == Lang::Zh {
        format!("「{name}」不是这个台账的在岗领导：只有领导能用恢复密钥重设自己的密钥槽")
    } else {
        format!(
            "'{name}' is not an active leader of this ledger: only a leader can write their slot again with the recovery key"
        )
    }
}

pub fn set_aside(lang: Lang, path: &Path) -> String {
    if lang == Lang::Zh {
        format!("损坏的密钥槽文件已移到 {}（未删除）", path.display())
    } else {
        format!(
            "the damaged key slots file was moved to {} (not deleted)",
            path.display()
        )
    }
}

/// The recovery's record could not be written to the office journal.
pub fn recovery_unrecorded(lang: Lang, why: &str) -> String {
    if lang == Lang::Zh {
        format!("注意：本次用恢复密钥重设口令未能记入操作日志（{why}）")
    } else {
        format!(
            "note: this reset by the recovery key could not be put on the office journal ({why})"
        )
    }
}

pub fn recovered(lang: Lang, name: &str, slots: &Path) -> String {
    if lang == Lang::Zh {
        format!(
            "已用恢复密钥为 {name} 重新写入密钥槽（{}）：请用新口令登录；其他人的密钥槽如已丢失，由领导重新开通",
            slots.display()
        )
    } else {
        format!(
            "{name}'s key slot was written again with the recovery key ({}): sign in with the new passphrase; others whose slots were lost get new ones from a leader",
            slots.display()
        )
    }
}

/// A passphrase shorter than the policy allows.
pub fn too_short(lang: Lang) -> String {
    let n = crate::domain::audit::MIN_PASSPHRASE_CHARS;
    if lang == Lang::Zh {
        format!("口令太短：至少{n}个字符（汉字、字母、数字、空格都算）")
    } else {
        format!(
            "the passphrase is too short: at least {n} characters (any letters, digits, spaces)"
        )
    }
}

/// `passwd`: whose passphrase was set, and what happens next.
pub fn passwd_done(lang: Lang, name: &str, one_time: bool) -> String {
    match (lang == Lang::Zh, one_time) {
        (true, true) => {
            format!("已为 {name} 设定一次性口令：请当面交给本人；首次登录时须改为自己的口令")
        }
        (true, false) => format!("{name} 的口令已更改"),
        (false, true) => format!(
            "{name} has a one-time passphrase now: give it to them in person; they must choose their own at their first sign-in"
        ),
        (false, false) => format!("{name}'s passphrase was changed"),
    }
}

/// `passwd --for NAME` by someone who is not a leader.
pub fn reset_needs_leader(lang: Lang) -> &'static str {
    lang.pick(
        "只有在岗领导能为别人重设口令：请以领导身份 --as 登录，或不带 --for 修改自己的口令",
        "only an active leader can reset someone else's passphrase: sign in as a leader with --as, or leave out --for to change your own",
    )
}

/// `about` of the commands this module adds.
pub fn about(lang: Lang, name: &str) -> &'static str {
    match name {
        "init" => lang.pick(
            "建立新的加密台账和第一位领导（显示一次恢复密钥）",
            "create a new encrypted ledger and its first leader (shows the recovery key once)",
        ),
        "recover" => lang.pick(
            "用恢复密钥为一位领导重新写入密钥槽（密钥槽文件丢失、损坏或忘记口令时）",
            "write a leader's key slot again with the recovery key (slots lost or damaged, passphrase forgotten)",
        ),
        "passwd" => lang.pick(
            "修改自己的口令；领导用 --for 姓名 为别人设一次性口令（新口令从终端输入两次，或 --new-passphrase-file/--new-passphrase-fd）",
            "change your own passphrase; a leader gives someone a one-time passphrase with --for NAME (the new one typed twice, or --new-passphrase-file/--new-passphrase-fd)",
        ),
        "encrypt" => lang.pick(
            "把未加密的旧台账转换为加密台账并逐行核对（旧文件不改动）",
            "convert a plaintext ledger into an encrypted one and compare every row (the old file is left as it is)",
        ),
        _ => super::evaluation::about(lang, name),
    }
}

/// Help of the arguments this module adds.
pub fn arg_help(lang: Lang, id: &str) -> &'static str {
    match id {
        "passphrase_file" => lang.pick(
            "从此文件的第一行读口令",
            "read the passphrase from this file's first line",
        ),
        "passphrase_fd" => lang.pick(
            "从此文件描述符读一行口令（脚本用）",
            "read one line of passphrase from this file descriptor (scripts)",
        ),
        "recovery_key_file" => lang.pick(
            "用此文件第一行的恢复密钥打开台账",
            "open the ledger with the recovery key on this file's first line",
        ),
        "for_operator" => lang.pick(
            "为这位操作员重设一次性口令（仅领导）",
            "reset this operator's passphrase to a one-time one (leaders only)",
        ),
        "new_passphrase_file" => lang.pick(
            "新口令：此文件的第一行",
            "the new passphrase: this file's first line",
        ),
        "new_passphrase_fd" => lang.pick(
            "新口令：从此文件描述符读一行",
            "the new passphrase: one line from this file descriptor",
        ),
        "leader" => lang.pick("第一位领导的姓名", "the first leader's name"),
        "encrypt_out" => lang.pick(
            "新的加密台账文件（不得已存在）",
            "the new encrypted ledger (must not exist)",
        ),
        _ => super::evaluation::arg_help(lang, id),
    }
}
