//! The office's letterhead (单位信息) as a settings form: what every
//! document prints at its head and foot. Only a leader may save it.

use chrono::{FixedOffset, NaiveDate};

use super::{Field, Form, Kind, Purpose};
use crate::domain::documents::OfficeProfile;
use crate::strings::Lang;
use crate::strings::form::FieldKey as K;

/// The profile's fields, filled with what is stored.
pub fn office_form(p: &OfficeProfile, lang: Lang, today: NaiveDate, offset: FixedOffset) -> Form {
    let fields = vec![
        Field::new(K::ProfileName, Kind::Text)
            .required()
            .value(&p.name),
        Field::new(K::ProfileAddress, Kind::Text).value(&p.address),
        Field::new(K::ProfilePhone, Kind::Text).value(&p.phone),
        Field::new(K::ProfileHotline, Kind::Text).value(&p.hotline),
        Field::new(K::ProfilePrefix, Kind::Text).value(&p.prefix),
        Field::new(K::ProfileSeal, Kind::Text).value(&p.seal),
        Field::new(K::ProfileReviewOrgan, Kind::Text).value(&p.review_organ),
        Field::new(K::ProfilePrinter, Kind::Text).value(&p.printer),
    ];
    Form::new(Purpose::Office, fields, lang, today, offset)
}

impl Form {
    /// The profile the form amounts to (call after a `Save`).
    pub fn to_office_profile(&self) -> OfficeProfile {
        let get = |k: K| self.text(k).unwrap_or_default();
        OfficeProfile {
            name: get(K::ProfileName),
            address: get(K::ProfileAddress),
            phone: get(K::ProfilePhone),
            hotline: get(K::ProfileHotline),
            prefix: get(K::ProfilePrefix),
            seal: get(K::ProfileSeal),
            review_organ: get(K::ProfileReviewOrgan),
            printer: get(K::ProfilePrinter),
        }
    }
}
