//! Attachments (附件): files kept with a case — a scanned letter, a photo, a recording of a
//! call, the signed 送达回证. The case keeps each one's name, type, size and SHA-256; the
//! bytes travel beside the command (never in the journal) and the store keeps them inside
//! the ledger, so that an encrypted ledger encrypts them too.

use std::fmt;
use std::sync::Arc;

use sha2::{Digest, Sha256};

/// The most any policy may allow for one file, in MB: SQLite holds at most 1,000,000,000
/// bytes in one value, and a ledger copied to a USB stick should stay a ledger.
pub const CEILING_MB: u32 = 500;

/// The policy's default per-file limit, in MB.
pub const DEFAULT_MAX_MB: u32 = 50;

/// Bytes in a MB as the limit counts them (the size a file manager shows, MiB).
pub const MB: u64 = 1024 * 1024;

/// A file's bytes as they go with a command to the store: shared, never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct FileBytes(pub Arc<Vec<u8>>);

impl FileBytes {
    pub fn new(bytes: Vec<u8>) -> FileBytes {
        FileBytes(Arc::new(bytes))
    }

    pub fn as_slice(&self) -> &[u8] {
        &self.0
    }
}

impl fmt::Debug for FileBytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FileBytes({} bytes)", self.0.len())
    }
}

/// The SHA-256 of `bytes` in lower-case hex, as the case and the journal keep it.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether `s` is a SHA-256 as [`sha256_hex`] writes it.
pub fn is_sha256(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The last part of a path as typed (either slash), so a name never climbs out of the folder
/// it is saved to.
pub fn file_name(path: &str) -> &str {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    name.trim()
}

/// A stored name as a file name: no folders, nothing hidden, no characters Windows refuses.
pub fn safe_name(name: &str) -> String {
    let name: String = file_name(name)
        .chars()
        .map(|c| match c {
            '<' | '>' | ':' | '"' | '|' | '?' | '*' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    let name = name.trim_start_matches('.');
    if name.is_empty() {
        "attachment".to_owned()
    } else {
        name.to_owned()
    }
}

/// The media type of a file: by its first bytes when they say, else by its extension.
pub fn media_type(name: &str, bytes: &[u8]) -> &'static str {
    match (by_magic(bytes), by_extension(name)) {
        (Some("video/mp4"), "audio/mp4") => "audio/mp4",
        (Some(magic), _) => magic,
        (None, ext) => ext,
    }
}

fn by_magic(b: &[u8]) -> Option<&'static str> {
    let starts = |m: &[u8]| b.starts_with(m);
    let at = |i: usize, m: &[u8]| b.get(i..i + m.len()) == Some(m);
    Some(if starts(b"%PDF-") {
        "application/pdf"
    } else if starts(b"\x89PNG\r\n\x1a\n") {
        "image/png"
    } else if starts(b"\xff\xd8\xff") {
        "image/jpeg"
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        "image/gif"
    } else if starts(b"II*\0") || starts(b"MM\0*") {
        "image/tiff"
    } else if starts(b"BM") && b.len() > 14 {
        "image/bmp"
    } else if starts(b"RIFF") && at(8, b"WEBP") {
        "image/webp"
    } else if starts(b"RIFF") && at(8, b"WAVE") {
        "audio/wav"
    } else if starts(b"ID3") || starts(b"\xff\xfb") || starts(b"\xff\xf3") {
        "audio/mpeg"
    } else if starts(b"#!AMR") {
        "audio/amr"
    } else if starts(b"OggS") {
        "audio/ogg"
    } else if starts(b"fLaC") {
        "audio/flac"
    } else if at(4, b"ftyp") {
        // MP4 and M4A share the box: the extension tells sound from film.
        "video/mp4"
    } else {
        return None;
    })
}

fn by_extension(name: &str) -> &'static str {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "pdf" => "application/pdf",
        "ofd" => "application/ofd",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "tif" | "tiff" => "image/tiff",
        "bmp" => "image/bmp",
        "webp" => "image/webp",
        "heic" => "image/heic",
        "mp3" => "audio/mpeg",
        "wav" => "audio/wav",
        "amr" => "audio/amr",
        "m4a" => "audio/mp4",
        "ogg" => "audio/ogg",
        "flac" => "audio/flac",
        "mp4" => "video/mp4",
        "txt" => "text/plain",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "wps" => "application/vnd.ms-works",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

/// The bytes of standard base64 (RFC 4648, with or without padding; line breaks and spaces
/// skipped), as an `apply` line may carry a file; None when it is not base64.
pub fn from_base64(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' | b'-' => Some(62),
        b'/' | b'_' => Some(63),
        _ => None,
    };
    let digits: Vec<u8> = text.bytes().filter(|c| !c.is_ascii_whitespace()).collect();
    let body = digits
        .strip_suffix(b"==")
        .or_else(|| digits.strip_suffix(b"="));
    let body = body.unwrap_or(&digits);
    if body.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(body.len() * 3 / 4);
    for chunk in body.chunks(4) {
        let mut acc: u32 = 0;
        for &c in chunk {
            acc = (acc << 6) | u32::from(value(c)?);
        }
        let bits = chunk.len() * 6;
        acc <<= 24 - bits;
        let bytes = acc.to_be_bytes();
        out.extend_from_slice(&bytes[1..bits / 8 + 1]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_come_from_the_bytes_first() {
        assert_eq!(media_type("scan.jpg", b"%PDF-1.7\n"), "application/pdf");
        assert_eq!(media_type("call.m4a", b"\0\0\0\x20ftypM4A "), "audio/mp4");
        assert_eq!(media_type("clip.mp4", b"\0\0\0\x20ftypisom"), "video/mp4");
        assert_eq!(media_type("信.TXT", b"hello"), "text/plain");
        assert_eq!(media_type("x", b""), "application/octet-stream");
    }

    #[test]
    fn names_lose_their_folders() {
        assert_eq!(file_name("/home/a/扫描件.pdf"), "扫描件.pdf");
        assert_eq!(file_name("C:\\Users\\a\\回证.jpg"), "回证.jpg");
        assert_eq!(file_name("../../etc/passwd"), "passwd");
    }

    #[test]
    fn base64_reads_what_tools_write() {
        assert_eq!(from_base64("aGVsbG8=").as_deref(), Some(&b"hello"[..]));
        assert_eq!(from_base64("aGVsbG8h").as_deref(), Some(&b"hello!"[..]));
        assert_eq!(from_base64("aGVs\nbG8").as_deref(), Some(&b"hello"[..]));
        assert_eq!(from_base64("").as_deref(), Some(&b""[..]));
        assert_eq!(from_base64("a*=="), None);
        assert_eq!(from_base64("aGVsb"), None);
    }

    #[test]
    fn hashes_are_lower_hex() {
        let h = sha256_hex(b"abc");
        assert!(is_sha256(&h));
        assert!(h.starts_with("ba7816bf"));
        assert!(!is_sha256(&h.to_uppercase()));
    }
}
