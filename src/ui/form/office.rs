//! The office's letterhead (单位信息) as a settings form: what every
//! document prints at its head and foot. Only a leader may save it.

use chrono::{FixedOffset, NaiveDate};

use super::{Field, Form, Kind, Purpose};
use crate::domain::documents::OfficeProfile;
use crate::strings::Lang;

/// The profile's fields, filled with what is stored.
pub fn office_form(p: &OfficeProfile, lang: Lang, today: NaiveDate, offset: FixedOffset) -> Form {
    let fields = vec![
        Field::new("profile_name", Kind::Text)
            .required()
            .value(&p.name),
        Field::new("profile_address", Kind::Text).value(&p.address),
        Field::new("profile_phone", Kind::Text).value(&p.phone),
        Field::new("profile_hotline", Kind::Text).value(&p.hotline),
        Field::new("profile_prefix", Kind::Text).value(&p.prefix),
        Field::new("profile_seal", Kind::Text).value(&p.seal),
        Field::new("profile_review_organ", Kind::Text).value(&p.review_organ),
        Field::new("profile_printer", Kind::Text).value(&p.printer),
    ];
    Form::new(Purpose::Office, fields, lang, today, offset)
}

impl Form {
    /// The profile the form amounts to (call after a `Save`).
    pub fn to_office_profile(&self) -> OfficeProfile {
        let get = |k: &str| self.text(k).unwrap_or_default();
        OfficeProfile {
            name: get("profile_name"),
            address: get("profile_address"),
            phone: get("profile_phone"),
            hotline: get("profile_hotline"),
            prefix: get("profile_prefix"),
            seal: get("profile_seal"),
            review_organ: get("profile_review_organ"),
            printer: get("profile_printer"),
        }
    }
}
