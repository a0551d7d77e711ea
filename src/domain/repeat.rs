//! Repeat petitioners (重复访): who counts as "the same person".

use chrono::NaiveDate;

use super::identity::{IdType, check_id};
use super::phone::check_phone;

/// The keys an earlier case is matched on: ID number, phone, or name and
/// address together (a name alone is too common: 王伟 is thousands).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PetitionerKey {
    pub id_number: Option<String>,
    pub phone: Option<String>,
    pub name_address: Option<(String, String)>,
}

impl PetitionerKey {
    /// Normalises what was typed the same way intake stores it, so that
    /// `11010519491231002x` finds `11010519491231002X`.
    pub fn new(
        id_number: Option<&str>,
        phone: Option<&str>,
        name: Option<&str>,
        address: Option<&str>,
        today: NaiveDate,
    ) -> PetitionerKey {
        let id_number = nonempty(id_number).map(|raw| {
            check_id(IdType::ResidentId, raw, today)
                .map(|c| c.normalized)
                .unwrap_or_else(|_| raw.to_uppercase())
        });
        let phone = nonempty(phone).map(|raw| {
            check_phone(raw)
                .map(|c| c.normalized)
                .unwrap_or_else(|_| raw.to_owned())
        });
        let name_address = nonempty(name)
            .zip(nonempty(address))
            .map(|(n, a)| (n.to_owned(), a.to_owned()));
        PetitionerKey {
            id_number,
            phone,
            name_address,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.id_number.is_none() && self.phone.is_none() && self.name_address.is_none()
    }
}

fn nonempty(s: Option<&str>) -> Option<&str> {
    s.map(str::trim).filter(|s| !s.is_empty())
}
