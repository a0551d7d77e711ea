//! Messages for ID-number and phone-number errors: each says what is wrong and
//! how to put it right, in the clerk's terms.

use chrono::{Datelike, NaiveDate};

use crate::domain::identity::{IdError, IdType};
use crate::domain::phone::PhoneError;
use crate::strings::Lang;

fn date(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::Zh => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        Lang::En => d.format("%Y-%m-%d").to_string(),
    }
}

/// Explains an [`IdError`].
pub fn id_error(lang: Lang, e: &IdError) -> String {
    match (lang, e) {
        (Lang::Zh, IdError::Empty) => "请填写证件号码".into(),
        (Lang::En, IdError::Empty) => "Enter the ID number".into(),
        (Lang::Zh, IdError::WrongLength { len }) => format!(
            "身份证号码应为18位（1999年前的旧证为15位），现为{len}位：请核对是否漏输或多输了数字"
        ),
        (Lang::En, IdError::WrongLength { len }) => format!(
            "A resident ID number has 18 characters (15 on cards issued before 1999), \
             this one has {len}: check for a missing or extra digit"
        ),
        (Lang::Zh, IdError::TooLong { len, max }) => {
            format!("证件号码最多{max}位，现为{len}位：只填号码本身，姓名、签发地等写在备注里")
        }
        (Lang::En, IdError::TooLong { len, max }) => format!(
            "An ID number has at most {max} characters, this one has {len}: enter only the \
             number; put the name or place of issue in the notes"
        ),
        (_, IdError::BadCharacter { position, found }) => bad_character(lang, *position, *found),
        (Lang::Zh, IdError::BadRegion) => "身份证号码前6位（地址码）不正确：前两位应是省份代码\
             （如11北京、44广东），请核对号码开头"
            .into(),
        (Lang::En, IdError::BadRegion) => "The first 6 digits (region code) are not valid: the \
             first two must be a province code (e.g. 11 Beijing, 44 Guangdong); check the \
             beginning of the number"
            .into(),
        (Lang::Zh, IdError::BadBirthDate { text }) => format!(
            "号码中的出生日期「{text}」不是有效日期（{}，年月日）：请核对这几位",
            birth_digits(Lang::Zh, text)
        ),
        (Lang::En, IdError::BadBirthDate { text }) => format!(
            "The birth date in the number, \"{text}\", is not a real date ({}, year month \
             day): check these digits",
            birth_digits(Lang::En, text)
        ),
        (Lang::Zh, IdError::BirthInFuture { date: d }) => format!(
            "号码中的出生日期{}晚于今天：请核对出生日期部分（18位号码的第7–14位）",
            date(lang, *d)
        ),
        (Lang::En, IdError::BirthInFuture { date: d }) => format!(
            "The birth date in the number, {}, is after today: check the date digits \
             (characters 7–14 of an 18-character number)",
            date(lang, *d)
        ),
        (Lang::Zh, IdError::BirthTooEarly { date: d }) => format!(
            "号码中的出生日期{}早于1880年：请核对出生年份（18位号码的第7–10位）",
            date(lang, *d)
        ),
        (Lang::En, IdError::BirthTooEarly { date: d }) => format!(
            "The birth date in the number, {}, is before 1880: check the year digits \
             (characters 7–10 of an 18-character number)",
            date(lang, *d)
        ),
        (Lang::Zh, IdError::ChecksumMismatch { expected, found }) => format!(
            "身份证号码校验位应为 {expected}，实际为 {found}：请核对最后一位或前17位是否抄错"
        ),
        (Lang::En, IdError::ChecksumMismatch { expected, found }) => format!(
            "ID check character should be {expected} but is {found}: check the last character, \
             or whether one of the first 17 digits was mistyped"
        ),
    }
}

/// [`id_error`] in the intake form, beside its 证件类型: a number refused as a resident ID
/// for its length or letters may be another document's, which the clerk picks there.
pub fn id_error_of(lang: Lang, id_type: IdType, e: &IdError) -> String {
    let other_kind = id_type == IdType::ResidentId
        && match e {
            IdError::WrongLength { .. } => true,
            IdError::BadCharacter { found, .. } => is_latin(*found) && !is_x(*found),
            IdError::Empty
            | IdError::TooLong { .. }
            | IdError::BadRegion
            | IdError::BadBirthDate { .. }
            | IdError::BirthInFuture { .. }
            | IdError::BirthTooEarly { .. }
            | IdError::ChecksumMismatch { .. } => false,
        };
    let said = id_error(lang, e);
    match (other_kind, lang) {
        (false, _) => said,
        (true, Lang::Zh) => format!("{said}；若是护照、通行证等，请在「证件类型」中选择"),
        (true, Lang::En) => format!("{said}; for a passport or permit, choose it under ID type"),
    }
}

/// A character that has no place in an ID number.
fn bad_character(lang: Lang, position: usize, found: char) -> String {
    match lang {
        // Only resident IDs refuse X or other Latin letters (other types allow them).
        Lang::Zh if is_x(found) => format!(
            "第{position}位不能是 X：身份证号码只有最后一位（校验位）可以是 X，其余都是数字"
        ),
        Lang::En if is_x(found) => format!(
            "Character {position} cannot be X: only the last character of a resident ID \
             (the check character) may be X, the rest are digits"
        ),
        Lang::Zh if is_latin(found) => {
            format!(
                "第{position}位是字母「{found}」：身份证号码只能是数字（最后一位可以是 X），\
                 请检查是否把 0 输成了 O、把 1 输成了 I 或 l"
            )
        }
        Lang::En if is_latin(found) => {
            format!(
                "Character {position} is the letter '{found}': a resident ID has only digits \
                 (the last may be X); check for O typed for 0, or I/l typed for 1"
            )
        }
        Lang::Zh => {
            format!("第{position}位的「{found}」不能出现在证件号码中：请删除它，只输入号码本身")
        }
        Lang::En => format!(
            "Character {position} ('{found}') cannot appear in an ID number: delete it and \
             enter only the number"
        ),
    }
}

fn is_x(c: char) -> bool {
    matches!(c, 'X' | 'x' | 'Ｘ' | 'ｘ')
}

/// Latin letters, half- or full-width (only a resident ID refuses them).
fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

/// Where the birth date sits: YYYYMMDD in an 18-character number, YYMMDD in a 15-digit one.
fn birth_digits(lang: Lang, text: &str) -> &'static str {
    match (lang, text.chars().count()) {
        (Lang::Zh, 6) => "15位旧证的第7–12位",
        (Lang::Zh, _) => "第7–14位",
        (Lang::En, 6) => "characters 7–12 of a 15-digit number",
        (Lang::En, _) => "characters 7–14",
    }
}

/// A number abroad refused ([`phone_error`]).
fn abroad_error(lang: Lang, e: &PhoneError) -> String {
    match (lang, e) {
        (Lang::Zh, PhoneError::CountryCode) => "国家或地区代码不对：境外号码以「+」和代码开头\
             （如 +852 9123 4567、+1 415 555 0100），大陆号码直接输入"
            .into(),
        (Lang::En, PhoneError::CountryCode) => "The country code is wrong: a number abroad \
             starts with '+' and its code (+852 9123 4567, +1 415 555 0100); a mainland number \
             needs none"
            .into(),
        (Lang::Zh, PhoneError::ForeignLength { len }) => {
            format!("境外号码连同国家或地区代码应为8–15位，现为{len}位：请核对")
        }
        (Lang::En, PhoneError::ForeignLength { len }) => format!(
            "A number abroad has 8 to 15 digits with its country code, this one has {len}: check it"
        ),
        // Only the two above are sent here.
        _ => phone_error(lang, e),
    }
}

/// Explains a [`PhoneError`].
pub fn phone_error(lang: Lang, e: &PhoneError) -> String {
    match (lang, e) {
        (Lang::Zh, PhoneError::Empty) => "请填写联系电话".into(),
        (Lang::En, PhoneError::Empty) => "Enter the phone number".into(),
        (Lang::Zh, PhoneError::BadCharacter { position, found }) => format!(
            "第{position}个字符「{found}」不能出现在电话号码中：只输入数字，可用空格、「-」或括号分隔，\
             分机号写在「转」之后"
        ),
        (Lang::En, PhoneError::BadCharacter { position, found }) => format!(
            "Character {position} ('{found}') cannot appear in a phone number: enter digits \
             only, optionally separated by spaces, '-' or brackets; put an extension after 'ext'"
        ),
        (_, PhoneError::CountryCode | PhoneError::ForeignLength { .. }) => abroad_error(lang, e),
        (Lang::Zh, PhoneError::MobileLength { len }) => {
            format!("手机号码应为11位，现为{len}位：请核对是否漏输或多输了数字")
        }
        (Lang::En, PhoneError::MobileLength { len }) => format!(
            "A mobile number has 11 digits, this one has {len}: check for a missing or extra \
             digit"
        ),
        (Lang::Zh, PhoneError::MobilePrefix) => "以1开头的号码应是11位手机号（前两位为13–19）\
             或5位热线（如12345）：请核对前两位"
            .into(),
        (Lang::En, PhoneError::MobilePrefix) => "A number starting with 1 should be an \
             11-digit mobile (13–19…) or a 5-digit hotline (e.g. 12345): check the first two \
             digits"
            .into(),
        (Lang::Zh, PhoneError::AreaCode) => "区号不正确：区号以0开头，北京010、广州020等为3位，\
             其他城市为4位（如0571）"
            .into(),
        (Lang::En, PhoneError::AreaCode) => "The area code is not valid: it starts with 0 and \
             has 3 digits for Beijing (010) and the 02x cities, 4 elsewhere (e.g. 0571)"
            .into(),
        (Lang::Zh, PhoneError::LocalNumberLength { len }) => format!(
            "电话号码（区号之后）应为7–8位，现为{len}位：请核对；外地号码前面要加以0开头的区号"
        ),
        (Lang::En, PhoneError::LocalNumberLength { len }) => format!(
            "A landline number (after the area code) has 7 or 8 digits, this one has {len}: \
             check it; numbers in another city need the area code starting with 0"
        ),
        (Lang::Zh, PhoneError::ServiceLength { len }) => {
            format!("400/800号码应为10位，现为{len}位：请核对是否漏输或多输了数字")
        }
        (Lang::En, PhoneError::ServiceLength { len }) => format!(
            "A 400/800 number has 10 digits, this one has {len}: check for a missing or extra \
             digit"
        ),
        (Lang::Zh, PhoneError::ExtensionLength { len: 0 }) => {
            "「转」后面缺少分机号：请补上分机号，或删除「转」".into()
        }
        (Lang::En, PhoneError::ExtensionLength { len: 0 }) => {
            "The extension is missing after 'ext': add it, or remove 'ext'".into()
        }
        (Lang::Zh, PhoneError::ExtensionLength { len }) => {
            format!("分机号应为1–6位数字，现为{len}位：请核对")
        }
        (Lang::En, PhoneError::ExtensionLength { len }) => {
            format!("An extension has 1 to 6 digits, this one has {len}: check it")
        }
        (Lang::Zh, PhoneError::ExtensionNotAllowed) => {
            "手机号码和境外号码不登记分机号：请删除「转」及后面的数字".into()
        }
        (Lang::En, PhoneError::ExtensionNotAllowed) => {
            "A mobile or foreign number is recorded without an extension: remove the extension part"
                .into()
        }
        (Lang::Zh, PhoneError::TooShort) => "号码太短：手机号11位，固定电话7–8位（外地加区号），\
             热线如12345"
            .into(),
        (Lang::En, PhoneError::TooShort) => "The number is too short: a mobile has 11 digits, \
             a landline 7–8 (plus the area code from another city), a hotline e.g. 12345"
            .into(),
    }
}

/// The name of an ID type as printed on forms.
pub fn id_type_label(lang: Lang, t: IdType) -> &'static str {
    match (lang, t) {
        (Lang::Zh, IdType::ResidentId) => "居民身份证",
        (Lang::Zh, IdType::Passport) => "护照",
        (Lang::Zh, IdType::HkMacaoPermit) => "港澳居民来往内地通行证",
        (Lang::Zh, IdType::TaiwanPermit) => "台湾居民来往大陆通行证",
        (Lang::Zh, IdType::ForeignPermanent) => "外国人永久居留身份证",
        (Lang::Zh, IdType::Other) => "其他证件",
        (Lang::En, IdType::ResidentId) => "Resident ID card",
        (Lang::En, IdType::Passport) => "Passport",
        (Lang::En, IdType::HkMacaoPermit) => {
            "Mainland Travel Permit for Hong Kong and Macao Residents"
        }
        (Lang::En, IdType::TaiwanPermit) => "Mainland Travel Permit for Taiwan Residents",
        (Lang::En, IdType::ForeignPermanent) => "Foreign Permanent Resident ID Card",
        (Lang::En, IdType::Other) => "Other ID document",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::identity::check_id;
    use crate::domain::phone::check_phone;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
    }

    fn all_id_errors() -> Vec<IdError> {
        let d = today();
        vec![
            IdError::Empty,
            IdError::WrongLength { len: 17 },
            IdError::TooLong { len: 40, max: 32 },
            IdError::BadCharacter {
                position: 5,
                found: 'X',
            },
            IdError::BadCharacter {
                position: 5,
                found: 'O',
            },
            IdError::BadCharacter {
                position: 5,
                found: '-',
            },
            IdError::BadRegion,
            IdError::BadBirthDate {
                text: "19490230".into(),
            },
            IdError::BadBirthDate {
                text: "490230".into(),
            },
            IdError::BirthInFuture { date: d },
            IdError::BirthTooEarly { date: d },
            IdError::ChecksumMismatch {
                expected: 'X',
                found: '3',
            },
        ]
    }

    fn all_phone_errors() -> Vec<PhoneError> {
        vec![
            PhoneError::Empty,
            PhoneError::BadCharacter {
                position: 3,
                found: 'a',
            },
            PhoneError::CountryCode,
            PhoneError::ForeignLength { len: 4 },
            PhoneError::MobileLength { len: 12 },
            PhoneError::MobilePrefix,
            PhoneError::AreaCode,
            PhoneError::LocalNumberLength { len: 9 },
            PhoneError::ServiceLength { len: 9 },
            PhoneError::ExtensionLength { len: 0 },
            PhoneError::ExtensionLength { len: 7 },
            PhoneError::ExtensionNotAllowed,
            PhoneError::TooShort,
        ]
    }

    #[test]
    fn every_message_is_distinct_and_in_its_language() {
        for lang in [Lang::Zh, Lang::En] {
            let texts: Vec<String> = all_id_errors()
                .iter()
                .map(|e| id_error(lang, e))
                .chain(all_phone_errors().iter().map(|e| phone_error(lang, e)))
                .collect();
            for (i, t) in texts.iter().enumerate() {
                assert!(!texts[..i].contains(t), "duplicate: {t}");
                let cjk = t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
                assert_eq!(cjk, lang == Lang::Zh, "{t}");
            }
        }
    }

    #[test]
    fn checksum_message_names_both_characters() {
        let e = check_id(IdType::ResidentId, "110105194912310023", today()).unwrap_err();
        assert_eq!(
            id_error(Lang::Zh, &e),
            "身份证号码校验位应为 X，实际为 3：请核对最后一位或前17位是否抄错"
        );
        assert!(id_error(Lang::En, &e).starts_with("ID check character should be X but is 3"));
    }

    #[test]
    fn messages_carry_the_details() {
        let e = check_id(IdType::ResidentId, "1101051949123100", today()).unwrap_err();
        assert!(id_error(Lang::Zh, &e).contains("现为16位"));
        let e = check_id(IdType::ResidentId, "110105194902300021", today()).unwrap_err();
        assert!(id_error(Lang::Zh, &e).contains("「19490230」"));
        let e = IdError::BirthInFuture { date: today() };
        assert!(id_error(Lang::Zh, &e).contains("2025年6月1日"));
        assert!(id_error(Lang::En, &e).contains("2025-06-01"));
        let e = check_id(IdType::Other, "南字第123号", today()).unwrap_err();
        assert!(id_error(Lang::Zh, &e).starts_with("第1位的「南」不能出现在证件号码中"));
        let e = check_id(IdType::ResidentId, "1101０5１9491231002Ｏ", today()).unwrap_err();
        assert!(id_error(Lang::Zh, &e).starts_with("第18位是字母「Ｏ」"));
        let e = check_phone("138001380001").unwrap_err();
        assert!(phone_error(Lang::Zh, &e).contains("现为12位"));
        let e = check_phone("138a").unwrap_err();
        assert!(phone_error(Lang::En, &e).contains("Character 4 ('a')"));
    }

    #[test]
    fn every_id_type_has_labels() {
        for t in IdType::ALL {
            assert!(!id_type_label(Lang::Zh, t).is_empty());
            assert!(id_type_label(Lang::En, t).is_ascii());
        }
        assert_eq!(id_type_label(Lang::Zh, IdType::ResidentId), "居民身份证");
    }
}
