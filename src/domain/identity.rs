//! ID numbers: checking, normalising and masking
//! (DOMAIN.md "ID numbers", "Personal data").
//!
//! Pure: no I/O and no clock (`today` is passed in). Errors are typed; the
//! words shown to users live in `crate::strings::validation`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::vocab::vocabulary;

vocabulary! {
    /// The kind of identity document a petitioner shows.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
    pub enum IdType {
        /// 居民身份证 (GB 11643-1999), the only type whose number is checked.
        #[default]
        #[serde(alias = "居民身份证", alias = "身份证")]
        ResidentId = "resident_id",
        #[serde(alias = "护照")]
        Passport = "passport",
        /// 港澳居民来往内地通行证.
        #[serde(alias = "港澳居民来往内地通行证", alias = "港澳通行证")]
        HkMacaoPermit = "hk_macao_permit",
        /// 台湾居民来往大陆通行证.
        #[serde(alias = "台湾居民来往大陆通行证", alias = "台胞证")]
        TaiwanPermit = "taiwan_permit",
        /// 外国人永久居留身份证.
        #[serde(alias = "外国人永久居留身份证")]
        ForeignPermanent = "foreign_permanent",
        #[serde(alias = "其他")]
        Other = "other",
    }
}

vocabulary! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    pub enum Sex {
        #[serde(alias = "男")]
        Male = "male",
        #[serde(alias = "女")]
        Female = "female",
    }
}

/// A number that passed [`check_id`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdCheck {
    /// What to store: spaces removed, full-width characters made ASCII, letters upper-case.
    pub normalized: String,
    /// A 15-digit pre-1999 resident ID (YYMMDD, no check digit).
    pub legacy15: bool,
    pub birth: Option<NaiveDate>,
    pub sex: Option<Sex>,
    /// False for types stored without a check (everything but `ResidentId`).
    pub checked: bool,
}

/// Why an ID number was refused. Positions are 1-based and count the
/// characters of the number itself (spaces removed).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("ID number is empty")]
    Empty,
    /// A resident ID must have 18 (or, legacy, 15) characters.
    #[error("ID number has {len} characters, expected 18 (or 15)")]
    WrongLength { len: usize },
    /// Other ID types: longer than `max` characters.
    #[error("ID number has {len} characters, at most {max} allowed")]
    TooLong { len: usize, max: usize },
    #[error("invalid character {found:?} at position {position}")]
    BadCharacter { position: usize, found: char },
    /// The province code (first two digits) is not in GB/T 2260.
    #[error("invalid region code (first 6 digits)")]
    BadRegion,
    /// The birth-date digits (8, or 6 for legacy numbers) are not a real date.
    #[error("birth date {text} is not a real date")]
    BadBirthDate { text: String },
    #[error("birth date {date} is after today")]
    BirthInFuture { date: NaiveDate },
    #[error("birth date {date} is before 1880")]
    BirthTooEarly { date: NaiveDate },
    #[error("check character should be {expected}, found {found}")]
    ChecksumMismatch { expected: char, found: char },
}

/// Longest number accepted for types other than `ResidentId`.
pub const OTHER_ID_MAX_LEN: usize = 32;
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// GB/T 2260 province codes; 83 is used by 2018+ Taiwan residence permits, 91 by
/// the 2023 foreign permanent residence ID.
const PROVINCES: [u32; 36] = [
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
    53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91,
];

/// Full-width ASCII (as typed with a Chinese IME) and the ideographic space to ASCII.
pub(crate) fn narrow(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Value of a run of ASCII digits (callers have checked they are digits).
fn num(digits: &[u8]) -> u32 {
    digits
        .iter()
        .fold(0, |n, d| n * 10 + u32::from(d.wrapping_sub(b'0')))
}

/// The GB 11643-1999 check character of the first 17 digits.
fn check_char(first17: &[u8]) -> char {
    let sum: u32 = first17
        .iter()
        .zip(WEIGHTS)
        .map(|(d, w)| num(&[*d]) * w)
        .sum();
    char::from(b"10X98765432"[(sum % 11) as usize])
}

/// Checks and normalises an ID number of the given type. `today` bounds the birth date.
pub fn check_id(id_type: IdType, raw: &str, today: NaiveDate) -> Result<IdCheck, IdError> {
    // (as typed, normalised) pairs, whitespace dropped.
    let chars: Vec<(char, char)> = raw
        .chars()
        .map(|c| (c, narrow(c).to_ascii_uppercase()))
        .filter(|(_, c)| !c.is_whitespace())
        .collect();
    let normalized: String = chars.iter().map(|(_, c)| c).collect();
    let len = chars.len();
    let resident = id_type == IdType::ResidentId;
    if chars.iter().all(|(_, c)| *c == '-') {
        return Err(IdError::Empty);
    } else if let Some(i) = chars.iter().position(|&(_, c)| {
        let ok = if resident {
            c.is_ascii_digit() || c == 'X'
        } else {
            c.is_ascii_alphanumeric() || c == '-'
        };
        !ok
    }) {
        return Err(bad_character(&chars, i));
    } else if !resident && len > OTHER_ID_MAX_LEN {
        let max = OTHER_ID_MAX_LEN;
        return Err(IdError::TooLong { len, max });
    } else if !resident {
        let (legacy15, birth, sex, checked) = (false, None, None, false);
        return Ok(IdCheck {
            normalized,
            legacy15,
            birth,
            sex,
            checked,
        });
    }
    check_resident(&chars, normalized, today)
}

/// The character at `i` (0-based) as the petitioner typed it.
fn bad_character(chars: &[(char, char)], i: usize) -> IdError {
    IdError::BadCharacter {
        position: i + 1,
        found: chars[i].0,
    }
}

/// A 居民身份证 number of digits and X: its length, region, birth date,
/// check character, and the sex it encodes.
fn check_resident(
    chars: &[(char, char)],
    normalized: String,
    today: NaiveDate,
) -> Result<IdCheck, IdError> {
    let len = chars.len();
    if len != 18 && len != 15 {
        return Err(IdError::WrongLength { len });
    }
    // Only the 18th character may be X.
    let digits = len.min(17);
    if let Some(i) = chars[..digits].iter().position(|&(_, c)| c == 'X') {
        return Err(bad_character(chars, i));
    }
    let b = normalized.as_bytes();
    if !PROVINCES.contains(&num(&b[..2])) {
        return Err(IdError::BadRegion);
    }
    let legacy15 = len == 15;
    let date = birth_date(b, legacy15, today)?;
    if !legacy15 {
        let (expected, found) = (check_char(&b[..17]), char::from(b[17]));
        if expected != found {
            return Err(IdError::ChecksumMismatch { expected, found });
        }
    }
    // The last sequence digit (17th; 15th of a legacy number): odd = male.
    let sex = Some([Sex::Female, Sex::Male][usize::from(b[digits - 1] % 2)]);
    Ok(IdCheck {
        normalized,
        legacy15,
        birth: Some(date),
        sex,
        checked: true,
    })
}

/// The birth date in a resident ID number (YYMMDD in a legacy one), no
/// later than `today` and no earlier than 1880.
fn birth_date(b: &[u8], legacy15: bool, today: NaiveDate) -> Result<NaiveDate, IdError> {
    let (century, text) = if legacy15 {
        (1900, &b[6..12])
    } else {
        (0, &b[6..14])
    };
    let k = text.len() - 4;
    let year = century + num(&text[..k]);
    let date = NaiveDate::from_ymd_opt(year as i32, num(&text[k..k + 2]), num(&text[k + 2..]))
        .ok_or_else(|| IdError::BadBirthDate {
            text: String::from_utf8_lossy(text).into(),
        })?;
    if date > today {
        Err(IdError::BirthInFuture { date })
    } else if year < 1880 {
        Err(IdError::BirthTooEarly { date })
    } else {
        Ok(date)
    }
}

/// The same resident's number in its other form: a 15-digit pre-1999 number as the 18 its
/// holder carries now (19 put before the year, the check character computed, GB 11643),
/// and an 18-digit number of someone born in the 1900s as the 15 it was. A petitioner who
/// still shows the old card is the one who wrote with the new (a trial's 陈德 was not found).
pub fn other_form(normalized: &str) -> Option<String> {
    let b = normalized.as_bytes();
    match b.len() {
        15 if b.iter().all(u8::is_ascii_digit) => {
            let mut long = Vec::with_capacity(18);
            long.extend_from_slice(&b[..6]);
            long.extend_from_slice(b"19");
            long.extend_from_slice(&b[6..]);
            let check = check_char(&long);
            let mut out = String::from_utf8(long).ok()?;
            out.push(check);
            Some(out)
        }
        18 if &b[6..8] == b"19" && b[..17].iter().all(u8::is_ascii_digit) => {
            let short = [&b[..6], &b[8..17]].concat();
            String::from_utf8(short).ok()
        }
        _ => None,
    }
}

/// Keeps `front` and `back` characters, stars in between (all stars if too short).
pub(crate) fn mask_keep(chars: &[char], front: usize, back: usize) -> String {
    let n = chars.len();
    if n <= front + back {
        return "*".repeat(n);
    }
    let mut out: String = chars[..front].iter().collect();
    out.extend(std::iter::repeat_n('*', n - front - back));
    out.extend(&chars[n - back..]);
    out
}

/// Masks a normalised ID number for lists: 110105********002X; 15 digits keep
/// 6 + 4; other numbers keep 2 + 2 (1 + 1 under 8 characters, all stars up to 4),
/// never more than half.
pub fn mask_id(normalized: &str) -> String {
    let chars: Vec<char> = normalized.chars().collect();
    match chars.len() {
        15 | 18 => mask_keep(&chars, 6, 4),
        0..=4 => mask_keep(&chars, 0, 0),
        5..=7 => mask_keep(&chars, 1, 1),
        _ => mask_keep(&chars, 2, 2),
    }
}

/// Whether typed text is a resident ID number's shape (18 characters, the
/// last a digit or X; or 15 digits): a search for it is a search by ID.
pub fn looks_like_id(typed: &str) -> bool {
    let t = typed.trim();
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if !t.is_ascii() {
        return false;
    }
    match t.len() {
        18 => {
            digits(&t[..17])
                && t[17..]
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == 'X' || c == 'x')
        }
        15 => digits(t),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::IdError::*;
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }
    fn id(raw: &str) -> Result<IdCheck, IdError> {
        check_id(IdType::ResidentId, raw, day(2025, 6, 1))
    }

    #[test]
    fn good_resident_ids() {
        let female_1949 = (Some(day(1949, 12, 31)), Some(Sex::Female));
        let a = id("11010519491231002X").unwrap();
        assert_eq!((a.birth, a.sex), female_1949);
        assert!(a.checked && !a.legacy15);
        let b = id("440524188001010014").unwrap();
        assert_eq!((b.birth, b.sex), (Some(day(1880, 1, 1)), Some(Sex::Male)));
        // Lower-case x, spaces, full-width digits from a Chinese IME.
        let spaced = id(" 110105 19491231 002x ").unwrap();
        assert_eq!(spaced.normalized, "11010519491231002X");
        assert_eq!(id("１１０１０５１９４９１２３１００２ｘ"), Ok(a));
        // 83: Taiwan residence permit (check char by the same rule).
        let first17 = "83000019800101002";
        assert!(id(&format!("{first17}{}", check_char(first17.as_bytes()))).is_ok());
        // Legacy 15 digits: 19YYMMDD, no check character, flagged.
        let c = id("110105491231002").unwrap();
        assert!(c.legacy15 && c.checked);
        assert_eq!((c.birth, c.sex), female_1949);
    }

    #[test]
    fn resident_id_errors() {
        let bad = |position, found| BadCharacter { position, found };
        let date = |t: &str| BadBirthDate { text: t.into() };
        let check = |expected, found| ChecksumMismatch { expected, found };
        let (future, early) = (|date| BirthInFuture { date }, |date| BirthTooEarly { date });
        let cases = [
            ("  ", Empty),
            ("11010519491231002", WrongLength { len: 17 }),
            ("1101051949123100X", WrongLength { len: 17 }),
            ("11010519491231002X1", WrongLength { len: 19 }),
            ("1101O519491231002X", bad(5, 'O')),
            ("110105-19491231-002X", bad(7, '-')),
            ("11010x19491231002X", bad(6, 'x')),
            ("11010549123100X", bad(15, 'X')),
            ("990105194912310021", BadRegion),
            ("010105194912310021", BadRegion),
            ("110105194902300021", date("19490230")),
            ("110105490230002", date("490230")),
            ("110105202506020021", future(day(2025, 6, 2))),
            ("110105187912310021", early(day(1879, 12, 31))),
            // 1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2 × 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
            // = 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2 → "10X…"[2] = X.
            ("110105194912310023", check('X', '3')),
            // 4 4 0 5 2 4 1 8 8 0 0 1 0 1 0 0 1 × the same weights
            // = 28+36+0+25+16+16+2+8+48+0+0+9+0+5+0+0+2 = 195; 195 mod 11 = 8 → "10X98765432"[8] = 4.
            ("440524188001010015", check('4', '5')),
        ];
        for (raw, e) in cases {
            assert_eq!(id(raw), Err(e), "{raw}");
        }
    }

    #[test]
    fn other_id_types_are_stored_unchecked() {
        let other = |raw: &str| check_id(IdType::Passport, raw, day(2025, 6, 1));
        let bad = |position, found| Err(BadCharacter { position, found });
        let p = other(" e1234 5678 ").unwrap();
        assert_eq!((p.normalized.as_str(), p.checked), ("E12345678", false));
        assert_eq!((p.birth, p.sex, p.legacy15), (None, None, false));
        assert_eq!(other("H-1234").unwrap().normalized, "H-1234");
        assert!(other(&"A".repeat(32)).is_ok());
        assert_eq!(other(""), Err(Empty));
        assert_eq!(other("--"), Err(Empty));
        assert_eq!(other("H12/34"), bad(4, '/'));
        assert_eq!(other("南字第123号"), bad(1, '南'));
        assert_eq!(other(&"A".repeat(33)), Err(TooLong { len: 33, max: 32 }));
    }

    #[test]
    fn old_and_new_forms() {
        assert_eq!(
            other_form("320102470215121").as_deref(),
            Some("320102194702151219")
        );
        assert_eq!(
            other_form("320102194702151219").as_deref(),
            Some("320102470215121")
        );
        assert_eq!(other_form("11010520010101002X"), None);
        assert_eq!(other_form("H12345678"), None);
    }

    #[test]
    fn masks() {
        let ids = [
            ("11010519491231002X", "110105********002X"),
            ("110105491231002", "110105*****1002"),
            ("E12345678", "E1*****78"),
            ("H12345", "H****5"),
            ("A123", "****"),
            ("", ""),
        ];
        for (raw, masked) in ids {
            assert_eq!(mask_id(raw), masked);
        }
    }

    #[test]
    fn serde_codes_and_chinese_aliases() {
        let json = serde_json::to_string(&IdType::HkMacaoPermit).unwrap();
        assert_eq!(json, "\"hk_macao_permit\"");
        let t: IdType = serde_json::from_str("\"身份证\"").unwrap();
        let s: Sex = serde_json::from_str("\"女\"").unwrap();
        assert_eq!((t, s), (IdType::ResidentId, Sex::Female));
    }
}
