//! The office's letterhead (单位信息) as a settings form: what every
//! document prints at its head and foot. Only a leader may save it.

use std::collections::BTreeMap;

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
        Field::new(K::ProfileSealImage, Kind::Text).value(&p.seal_image),
        Field::new(K::ProfileReviewOrgan, Kind::Text).value(&p.review_organ),
        Field::new(K::ProfilePrinter, Kind::Text).value(&p.printer),
        Field::new(K::ProfilePhones, Kind::Text).value(&phones_line(&p.phones)),
        Field::new(K::ProfileRepeatNotice, Kind::Text).value(&p.repeat_notice),
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
            // The seal's words are no longer printed (its place is left for the real seal).
            seal: String::new(),
            review_organ: get(K::ProfileReviewOrgan),
            printer: get(K::ProfilePrinter),
            seal_image: get(K::ProfileSealImage),
            phones: phones_of(&get(K::ProfilePhones)),
            repeat_notice: get(K::ProfileRepeatNotice),
        }
    }
}

/// `王强 0558-1234567；赵局长 0558-7654321`: the phones on one line.
fn phones_line(phones: &BTreeMap<String, String>) -> String {
    let pairs: Vec<String> = phones.iter().map(|(n, p)| format!("{n} {p}")).collect();
    pairs.join("；")
}

/// The line read back: pairs split on `；`/`;`, name and phone on a space, `=` or a colon.
fn phones_of(line: &str) -> BTreeMap<String, String> {
    line.split(['；', ';'])
        .filter_map(|pair| {
            let pair = pair.trim();
            let (name, phone) = pair.split_once([' ', '　', '=', '：', ':'])?;
            let (name, phone) = (name.trim(), phone.trim());
            (!name.is_empty() && !phone.is_empty()).then(|| (name.to_owned(), phone.to_owned()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_go_on_one_line_and_back() {
        let line = "王强 0558-1234567；赵局长=0558-7654321; 城建科：0558-1111111";
        let phones = phones_of(line);
        assert_eq!(phones.len(), 3);
        assert_eq!(phones["赵局长"], "0558-7654321");
        assert_eq!(phones_of(&phones_line(&phones)), phones);
    }
}
