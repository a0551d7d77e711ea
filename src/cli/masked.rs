//! The lists' masks on a case's JSON: what `list --json`, `search --json` and a masked
//! `export` give (README: lists show ID numbers and phones masked; a trial had every
//! petitioner's full ID and phone from a clerk's `list --json`).

use serde_json::Value;

use crate::domain::identity::mask_id;
use crate::domain::masking::{mask_address, mask_contact, mask_in_text};
use crate::domain::phone::mask_phone;

/// Masks every `id_number` and `phone` string in `v`, wherever it sits (the case, and
/// the intake inside its first journal event), with the lists' masks; the contact and
/// the addresses too, and ID and phone numbers typed into any text (a 转送单's text names
/// the petitioner's phone). The journal's hashes are left as they are.
pub(super) fn mask_value(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for (k, field) in map.iter_mut() {
                match (k.as_str(), &field) {
                    ("id_number", Value::String(s)) => *field = Value::String(mask_id(s)),
                    ("phone", Value::String(s)) => *field = Value::String(mask_phone(s)),
                    ("contact" | "contact_before", Value::String(s)) => {
                        *field = Value::String(mask_contact(s));
                    }
                    ("address", Value::String(s)) => *field = Value::String(mask_address(s)),
                    ("hash" | "prev_hash", _) => {}
                    _ => mask_value(field),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(mask_value),
        Value::String(s) => {
            if let std::borrow::Cow::Owned(masked) = mask_in_text(s) {
                *s = masked;
            }
        }
        _ => {}
    }
}
