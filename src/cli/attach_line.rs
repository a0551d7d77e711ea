//! An `apply` line's `attach_file`: the file's bytes from its `path` or `base64` (kept apart
//! from `attach.rs`, which `apply` would otherwise import back through `admin`).

use std::path::Path;

use serde_json::{Map, Value, json};

use crate::domain::attachment::{file_name, from_base64, media_type, sha256_hex};
use crate::files::read_attachment as read_file;
use crate::strings::{Lang, attachments as text};

/// An `apply` line's `attach_file`: its bytes from `path` (a file on this machine) or
/// `base64`, taken out of the line, and what they are filled in (the name from the path
/// unless given; the type unless given; the size and SHA-256, which must agree if given).
pub(super) fn bytes_of_line(
    obj: &mut Map<String, Value>,
    lang: Lang,
    limit_mb: u32,
) -> Result<Vec<u8>, String> {
    let path = obj.remove("path");
    let b64 = obj.remove("base64");
    let (bytes, from_path) = match (path, b64) {
        (Some(Value::String(p)), None) => (read_file(lang, Path::new(&p), limit_mb)?, Some(p)),
        (None, Some(Value::String(b))) => (
            from_base64(&b).ok_or_else(|| text::bad_base64(lang).to_owned())?,
            None,
        ),
        _ => return Err(text::needs_bytes(lang).to_owned()),
    };
    let name = match (obj.get("name").and_then(Value::as_str), &from_path) {
        (Some(n), _) => file_name(n).to_owned(),
        (None, Some(p)) => file_name(p).to_owned(),
        (None, None) => String::new(),
    };
    let kind = media_type(&name, &bytes);
    obj.insert("name".into(), json!(name));
    obj.entry("media_type").or_insert_with(|| json!(kind));
    obj.entry("size").or_insert_with(|| json!(bytes.len()));
    obj.entry("sha256")
        .or_insert_with(|| json!(sha256_hex(&bytes)));
    Ok(bytes)
}
