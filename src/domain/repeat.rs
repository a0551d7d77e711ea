//! Repeat petitioners (重复访): who counts as "the same person".

use chrono::NaiveDate;

use super::identity::{IdType, check_id};
use super::intake::Petitioner;
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

    /// The keys of a petitioner as recorded on a case.
    pub fn of(p: &Petitioner, today: NaiveDate) -> PetitionerKey {
        PetitionerKey::new(
            p.id_number.as_deref(),
            p.phone.as_deref(),
            Some(&p.name),
            p.address.as_deref(),
            today,
        )
    }

    pub fn is_empty(&self) -> bool {
        self.id_number.is_none() && self.phone.is_none() && self.name_address.is_none()
    }

    /// Which of an earlier case's `people` this key names: the same ID number, else the
    /// same phone, else the same name and address.
    pub fn find_in<'p>(&self, people: &'p [Petitioner]) -> Option<&'p Petitioner> {
        let by_name = || {
            let (name, address) = self.name_address.as_ref()?;
            people.iter().find(|p| {
                p.name.trim() == name && p.address.as_deref().map(str::trim) == Some(address)
            })
        };
        self.by_id_or_phone(people).or_else(by_name)
    }

    /// The name an earlier case's `people` record for this key's ID number (else its phone),
    /// when it is not `name`: the same number for two names is a slip of the keyboard or
    /// another person. A phone is shared in a family or a shop as often as not: the same
    /// phone under another name is said too, so the clerk asks rather than takes them for one.
    pub fn other_name<'p>(&self, name: &str, people: &'p [Petitioner]) -> Option<&'p str> {
        self.by_id_or_phone(people)
            .map(|p| p.name.trim())
            .filter(|earlier| *earlier != name.trim())
    }

    /// The one of `people` with this key's ID number, else with its phone.
    fn by_id_or_phone<'p>(&self, people: &'p [Petitioner]) -> Option<&'p Petitioner> {
        let by_id = self.id_number.as_deref().and_then(|id| {
            people
                .iter()
                .find(|p| p.id_number.as_deref().map(str::to_uppercase).as_deref() == Some(id))
        });
        let by_phone = || {
            let phone = self.phone.as_deref()?;
            people.iter().find(|p| p.phone.as_deref() == Some(phone))
        };
        by_id.or_else(by_phone)
    }
}

fn nonempty(s: Option<&str>) -> Option<&str> {
    s.map(str::trim).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, id: &str, phone: &str) -> Petitioner {
        Petitioner {
            name: name.into(),
            id_number: Some(id.into()),
            phone: Some(phone.into()),
            address: Some("朝阳区某小区1号".into()),
            ..Petitioner::default()
        }
    }

    #[test]
    fn the_typed_id_finds_its_holder_and_says_when_the_name_differs() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap_or_default();
        let people = [
            person("李四", "110105194912310021", "13900139000"),
            person("张三", "11010519491231002X", "13800138000"),
        ];
        let key = PetitionerKey::new(Some("11010519491231002x"), None, Some("张四"), None, today);
        assert_eq!(key.find_in(&people).map(|p| p.name.as_str()), Some("张三"));
        assert_eq!(key.other_name("张四", &people), Some("张三"));
        assert_eq!(key.other_name("张三", &people), None);
        let by_phone = PetitionerKey::new(None, Some("13900139000"), None, None, today);
        assert_eq!(
            by_phone.find_in(&people).map(|p| p.name.as_str()),
            Some("李四")
        );
        // The same phone under another name: said, a family's phone or a slip.
        assert_eq!(by_phone.other_name("王五", &people), Some("李四"));
        assert_eq!(by_phone.other_name("李四", &people), None);
        // The ID number's holder decides when both are typed.
        let both = PetitionerKey::new(
            Some("11010519491231002X"),
            Some("13900139000"),
            None,
            None,
            today,
        );
        assert_eq!(both.other_name("张三", &people), None);
    }
}
