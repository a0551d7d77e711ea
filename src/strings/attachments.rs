//! 附件: what is said of files kept with a case, on the desk and by the CLI.

use super::Lang;
use crate::domain::attachment::MB;

/// A size as a person reads it: 812 B, 34.5 KB, 12.3 MB.
pub fn size(bytes: u64) -> String {
    const KB: u64 = 1024;
    // Tenths, rounded: a size shown is never read back.
    let tenths = |unit: u64| (bytes * 10 + unit / 2) / unit;
    if bytes < KB {
        format!("{bytes} B")
    } else if bytes < MB {
        let t = tenths(KB);
        format!("{}.{} KB", t / 10, t % 10)
    } else {
        let t = tenths(MB);
        format!("{}.{} MB", t / 10, t % 10)
    }
}

pub fn too_large(lang: Lang, name: &str, bytes: u64, limit_mb: u32) -> String {
    let s = size(bytes);
    match lang {
        Lang::Zh => format!(
            "附件「{name}」大小为{s}，超过本单位规定的上限{limit_mb} MB：请压缩或分拆后再添加（上限见政策文件 attachment_max_mb）"
        ),
        Lang::En => format!(
            "attachment {name} is {s}, over the office's limit of {limit_mb} MB: compress or split it first (the limit is attachment_max_mb in the policy)"
        ),
    }
}

pub fn mismatch(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Zh => format!("附件「{name}」的内容与所给的大小或SHA-256不符：请重新读取该文件"),
        Lang::En => format!(
            "attachment {name}: the bytes do not match the size or SHA-256 given; read the file again"
        ),
    }
}

pub fn no_attachment(lang: Lang, n: u32) -> String {
    match lang {
        Lang::Zh => format!("本件没有第{n}号附件，或已移除：请按附件列表的序号"),
        Lang::En => {
            format!("the case has no attachment {n}, or it was removed: use a number from its list")
        }
    }
}

/// One attachment as a line of a list: `1  来信.pdf  application/pdf  1.2 MB  李娜 2026-11-22 10:00  sha256 1a2b3c4d5e6f`.
pub fn line(lang: Lang, n: usize, file: &crate::domain::case::Attachment) -> String {
    let when = file.stamp.at.format("%Y-%m-%d %H:%M");
    let sha = file.sha256.get(..12).unwrap_or(&file.sha256);
    let mut s = format!(
        "{n:>2}  {}  {}  {}  {} {when}  SHA-256 {sha}",
        file.name,
        file.media_type,
        size(file.size),
        file.stamp.by
    );
    if let Some(r) = &file.removed {
        let at = r.at.format("%Y-%m-%d %H:%M");
        s.push_str(&match lang {
            Lang::Zh => format!("  （已移除：{}，{} {at}）", r.reason, r.by),
            Lang::En => format!("  (removed: {}, {} {at})", r.reason, r.by),
        });
    }
    s
}

pub fn none(lang: Lang) -> &'static str {
    lang.pick("本件没有附件", "the case has no attachments")
}

pub fn heading(lang: Lang, case: &str) -> String {
    match lang {
        Lang::Zh => format!("第{case}号的附件："),
        Lang::En => format!("attachments of case {case}:"),
    }
}

pub fn added(lang: Lang, case: &str, n: usize, file: &crate::domain::case::Attachment) -> String {
    let (name, sz) = (&file.name, size(file.size));
    let sha = file.sha256.get(..12).unwrap_or(&file.sha256);
    match lang {
        Lang::Zh => format!(
            "已将「{name}」（{}，{sz}，SHA-256 {sha}）作为第{n}号附件存入第{case}号",
            file.media_type
        ),
        Lang::En => format!(
            "kept {name} ({}, {sz}, SHA-256 {sha}) as attachment {n} of case {case}",
            file.media_type
        ),
    }
}

pub fn removed(lang: Lang, case: &str, n: u32) -> String {
    match lang {
        Lang::Zh => {
            format!("已移除第{case}号的第{n}号附件：文件内容已删除，名称、大小和SHA-256留档")
        }
        Lang::En => format!(
            "removed attachment {n} of case {case}: its bytes are gone, its name, size and SHA-256 stay on record"
        ),
    }
}

pub fn saved(lang: Lang, name: &str, path: &str) -> String {
    match lang {
        Lang::Zh => format!("已将附件「{name}」保存到 {path}"),
        Lang::En => format!("saved attachment {name} to {path}"),
    }
}

/// A file that cannot be read: which, and why.
pub fn unreadable(lang: Lang, path: &str, e: &std::io::Error) -> String {
    let why = super::input::io_reason(lang, e);
    match lang {
        Lang::Zh => format!("无法读取文件 {path}：{why}"),
        Lang::En => format!("cannot read {path}: {why}"),
    }
}

pub fn not_a_file(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Zh => format!("{path} 不是文件：请给出要添加的文件的路径"),
        Lang::En => format!("{path} is not a file: give the path of the file to attach"),
    }
}

pub fn bad_base64(lang: Lang) -> &'static str {
    lang.pick(
        "base64 内容无法解码：请用标准 base64（如 base64 -w0 文件名）",
        "base64 does not decode: use standard base64 (e.g. base64 -w0 FILE)",
    )
}

pub fn needs_bytes(lang: Lang) -> &'static str {
    lang.pick(
        "attach_file 须给出 path（文件路径）或 base64（文件内容）之一",
        "attach_file needs one of path (the file's path) or base64 (its bytes)",
    )
}

pub fn exported(lang: Lang, count: usize, dir: &str) -> String {
    match lang {
        Lang::Zh => format!("已导出{count}个附件到 {dir}（每件一个文件夹，以案件编号命名）"),
        Lang::En => format!(
            "exported {count} attachments to {dir} (a folder per case, named by its number)"
        ),
    }
}

pub fn arg_help(lang: Lang, id: &str) -> &'static str {
    match id {
        "files" => lang.pick("要添加的文件（扫描件、照片、录音、PDF），可多个", "the files to attach (scans, photos, recordings, PDFs), one or more"),
        "save" => lang.pick("把第 N 号附件保存到 --out 指定的文件", "save attachment N to the file given by --out"),
        "remove" => lang.pick("移除第 N 号附件（须 --reason）：内容删除，名称、大小和SHA-256留档", "remove attachment N (needs --reason): its bytes go, its name, size and SHA-256 stay on record"),
        "reason" => lang.pick("移除的理由", "why it is removed"),
        "attachments" => lang.pick("把可见的全部附件导出到此文件夹，每件一个以案件编号命名的子文件夹", "write every attachment you may see under this folder, a folder per case named by its number"),
        _ => "",
    }
}

pub fn about(lang: Lang, name: &str) -> &'static str {
    match name {
        "attach" => lang.pick(
            "把文件作为附件存入一件信访事项（随台账加密保存）",
            "keep files with a case as attachments (encrypted with the ledger)",
        ),
        _ => lang.pick(
            "列出一件信访事项的附件，或保存、移除其中一个",
            "list a case's attachments, or save or remove one",
        ),
    }
}

pub fn opened(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Zh => format!("已用系统查看器打开附件「{name}」（临时副本在退出时删除）"),
        Lang::En => format!(
            "opened {name} with the system viewer (its temporary copy goes when the desk closes)"
        ),
    }
}

pub fn open_failed(lang: Lang, name: &str, why: &str) -> String {
    match lang {
        Lang::Zh => format!("无法打开附件「{name}」：{why}"),
        Lang::En => format!("cannot open {name}: {why}"),
    }
}

/// The case screen's attachments heading.
pub fn title(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Zh => format!("附件（{count}）  A 添加  O 打开  ] 下一个  D 移除"),
        Lang::En => format!("Attachments ({count})  A add  O open  ] next  D remove"),
    }
}

pub fn nothing_to_open(lang: Lang) -> &'static str {
    lang.pick(
        "没有可打开的附件：按 A 添加",
        "no attachment to open: press A to add one",
    )
}

/// The heading of `show`'s file list (no keys: it is printed).
pub fn list_title(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Zh => format!("附件（{count}件）："),
        Lang::En => format!("Attachments ({count}):"),
    }
}

pub fn removed_mark(lang: Lang) -> &'static str {
    lang.pick("已移除", "removed")
}
