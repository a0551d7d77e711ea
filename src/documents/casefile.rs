//! The case file's JSON twin: the same volume as data, for an archive
//! system to take in.

use serde_json::{Value, json};

use crate::domain::case::Case;
use crate::store::{JournalEntry, StoredDocument};

/// Volume number, the case as recorded, every issued document with its
/// text as issued, and the timeline.
pub fn json_twin(
    volume: &str,
    case: &Case,
    documents: &[StoredDocument],
    timeline: &[JournalEntry],
) -> Value {
    json!({
        "volume": volume,
        "case_no": case.case_no,
        "case": case,
        "documents": documents.iter().map(|d| json!({
            "kind": d.kind.code(),
            "title": d.kind.title(),
            "number": d.number,
            "issued_at": d.issued_at,
            "issued_by": d.issued_by,
            "text": d.text,
        })).collect::<Vec<_>>(),
        "timeline": timeline.iter().map(|e| json!({
            "seq": e.seq,
            "at": e.at,
            "actor": e.actor,
            "role": e.role,
            "op": e.op,
        })).collect::<Vec<_>>(),
    })
}
