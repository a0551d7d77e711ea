//! ID numbers and phone numbers: checking, normalising and masking
//! (DOMAIN.md "ID numbers", "Personal data").
//!
//! Pure: no I/O and no clock (`today` is passed in). Errors are typed; the
//! words shown to users live in `crate::strings::validation`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The kind of identity document a petitioner shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum IdType {
    /// 居民身份证 (GB 11643-1999), the only type whose number is checked.
    #[default]
    #[serde(alias = "居民身份证", alias = "身份证")]
    ResidentId,
    #[serde(alias = "护照")]
    Passport,
    /// 港澳居民来往内地通行证.
    #[serde(alias = "港澳居民来往内地通行证", alias = "港澳通行证")]
    HkMacaoPermit,
    /// 台湾居民来往大陆通行证.
    #[serde(alias = "台湾居民来往大陆通行证", alias = "台胞证")]
    TaiwanPermit,
    /// 外国人永久居留身份证.
    #[serde(alias = "外国人永久居留身份证")]
    ForeignPermanent,
    #[serde(alias = "其他")]
    Other,
}

impl IdType {
    pub const ALL: [IdType; 6] = [
        IdType::ResidentId,
        IdType::Passport,
        IdType::HkMacaoPermit,
        IdType::TaiwanPermit,
        IdType::ForeignPermanent,
        IdType::Other,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    #[serde(alias = "男")]
    Male,
    #[serde(alias = "女")]
    Female,
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
fn narrow(c: char) -> char {
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
    let bad = |i: usize| {
        Err(IdError::BadCharacter {
            position: i + 1,
            found: chars[i].0,
        })
    };
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
        return bad(i);
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
    } else if len != 18 && len != 15 {
        return Err(IdError::WrongLength { len });
    }
    // Only the 18th character may be X.
    let digits = len.min(17);
    if let Some(i) = chars[..digits].iter().position(|&(_, c)| c == 'X') {
        return bad(i);
    }
    let b = normalized.as_bytes();
    if !PROVINCES.contains(&num(&b[..2])) {
        return Err(IdError::BadRegion);
    }
    let legacy15 = len == 15;
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
        return Err(IdError::BirthInFuture { date });
    } else if year < 1880 {
        return Err(IdError::BirthTooEarly { date });
    }
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

/// Keeps `front` and `back` characters, stars in between (all stars if too short).
fn mask_keep(chars: &[char], front: usize, back: usize) -> String {
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneKind {
    Mobile,
    Landline,
    /// 400/800 numbers, 95xxx, 12xxx government hotlines (12345) and 100xx carrier lines.
    Service,
}

/// A number that passed [`check_phone`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneCheck {
    /// Mobile: 11 digits. Landline: "0571-87654321", "0571-87654321-123" with an
    /// extension, or the bare 7–8 digit local number. Service: digits (+ "-ext").
    pub normalized: String,
    pub kind: PhoneKind,
}

/// Why a phone number was refused. Positions are 1-based over the entered text (trimmed).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("phone number is empty")]
    Empty,
    #[error("invalid character {found:?} at position {position}")]
    BadCharacter { position: usize, found: char },
    /// A country code other than +86 (or 00 not followed by 86).
    #[error("not a mainland China number")]
    CountryCode,
    #[error("mobile number has {len} digits, expected 11")]
    MobileLength { len: usize },
    /// Starts with 1 but is neither 1[3-9]… nor a 5-digit hotline.
    #[error("mobile number must start with 13-19")]
    MobilePrefix,
    #[error("invalid area code")]
    AreaCode,
    /// The number after the area code (or without one) is not 7–8 digits.
    #[error("local number has {len} digits, expected 7 or 8")]
    LocalNumberLength { len: usize },
    /// A 400/800 number that is not 10 digits.
    #[error("400/800 number has {len} digits, expected 10")]
    ServiceLength { len: usize },
    #[error("extension has {len} digits, expected 1 to 6")]
    ExtensionLength { len: usize },
    #[error("a mobile number has no extension")]
    ExtensionNotAllowed,
    #[error("phone number is too short")]
    TooShort,
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// Checks and normalises a mainland phone number. Spaces, dashes and brackets
/// are ignored; an extension follows 转, 分机, ext or #.
pub fn check_phone(raw: &str) -> Result<PhoneCheck, PhoneError> {
    let text: Vec<(char, char)> = raw
        .trim()
        .chars()
        .map(|c| (c, narrow(c).to_ascii_lowercase()))
        .collect();
    let at = |i: usize| text.get(i).map_or('\0', |t| t.1);
    let (mut plus, mut groups, mut ext) = (false, vec![String::new()], None::<String>);
    let mut i = 0;
    while let Some(&(found, c)) = text.get(i) {
        let bad = PhoneError::BadCharacter {
            position: i + 1,
            found,
        };
        let marker = match c {
            '转' | '#' => 1,
            '分' if at(i + 1) == '机' => 2,
            'e' if at(i + 1) == 'x' && at(i + 2) == 't' => 3 + usize::from(at(i + 3) == '.'),
            _ => 0,
        };
        i += marker.max(1);
        match (c, ext.as_mut()) {
            (_, None) if marker > 0 => ext = Some(String::new()),
            ('0'..='9', Some(e)) => e.push(c),
            ('0'..='9', None) => groups.last_mut().into_iter().for_each(|g| g.push(c)),
            ('+', None) if !plus && groups.iter().all(String::is_empty) => plus = true,
            ('(' | ')', None) | (':', Some(_)) => {}
            (c, None) if is_dash(c) => groups.push(String::new()),
            (c, _) if c.is_whitespace() || is_dash(c) => {}
            _ => return Err(bad),
        }
    }
    groups.retain(|g| !g.is_empty());
    let digits = groups.concat();
    if digits.is_empty() {
        return Err(PhoneError::Empty);
    }
    // "0571-87654321-123": a last dash group after a complete landline or service
    // number is its extension (so normalised numbers read back as themselves).
    let dash_ext = match (groups.split_last(), &ext) {
        (Some((last, init)), None) if !init.is_empty() && last.len() <= 6 => {
            match classify(&init.concat(), plus) {
                Ok((kind, n)) if kind != PhoneKind::Mobile => Some((kind, n, Some(last.clone()))),
                _ => None,
            }
        }
        _ => None,
    };
    let (kind, normalized, ext) = match dash_ext {
        Some(found) => found,
        None => classify(&digits, plus).map(|(kind, n)| (kind, n, ext))?,
    };
    let normalized = match ext {
        None => normalized,
        Some(_) if kind == PhoneKind::Mobile => return Err(PhoneError::ExtensionNotAllowed),
        Some(e) if e.is_empty() || e.len() > 6 => {
            return Err(PhoneError::ExtensionLength { len: e.len() });
        }
        Some(e) => format!("{normalized}-{e}"),
    };
    Ok(PhoneCheck { normalized, kind })
}

fn is_mobile_prefix(d: &str) -> bool {
    matches!(d.as_bytes(), [b'1', b'3'..=b'9', ..])
}

/// Strips a +86 / 0086 / bare 86 (before a mobile) prefix, then classifies the rest.
fn classify(d: &str, plus: bool) -> Result<(PhoneKind, String), PhoneError> {
    let rest = if plus {
        d.strip_prefix("86").ok_or(PhoneError::CountryCode)?
    } else if let Some(rest) = d.strip_prefix("0086") {
        rest
    } else if d.starts_with("00") {
        return Err(PhoneError::CountryCode);
    } else if d.len() == 13 && d.starts_with("86") && is_mobile_prefix(&d[2..]) {
        &d[2..]
    } else {
        return domestic(d);
    };
    if rest.is_empty() || rest.starts_with('0') || is_mobile_prefix(rest) || is_service(rest) {
        domestic(rest)
    } else {
        // The international form drops the trunk 0 of area codes: +86 10 1234 5678.
        domestic(&format!("0{rest}"))
    }
}

/// 400/800 + 7 digits, 95xxx(x), and 5-digit 12xxx / 100xx hotlines.
fn is_service(d: &str) -> bool {
    let p = |prefix: &str| d.starts_with(prefix);
    d.bytes().all(|b| b.is_ascii_digit())
        && match d.len() {
            10 => p("400") || p("800"),
            5 => p("95") || p("12") || p("10"),
            6 => p("95"),
            _ => false,
        }
}

fn domestic(d: &str) -> Result<(PhoneKind, String), PhoneError> {
    let (b, n) = (d.as_bytes(), d.len());
    let second = b.get(1).copied().unwrap_or(b'\0');
    let ok = |kind, s: String| Ok((kind, s));
    match b.first() {
        _ if is_service(d) => ok(PhoneKind::Service, d.into()),
        Some(b'1') if is_mobile_prefix(d) && n == 11 => ok(PhoneKind::Mobile, d.into()),
        Some(b'1') if is_mobile_prefix(d) => Err(PhoneError::MobileLength { len: n }),
        Some(b'1') if n >= 5 => Err(PhoneError::MobilePrefix),
        Some(b'0') if second == b'0' => Err(PhoneError::CountryCode),
        Some(b'0') if n >= 3 => {
            let area = match second {
                b'1' if b[2] == b'0' => 3,
                b'2' => 3,
                b'3'..=b'9' => 4,
                _ => return Err(PhoneError::AreaCode),
            };
            match n.saturating_sub(area) {
                0 => Err(PhoneError::TooShort),
                7 | 8 => ok(PhoneKind::Landline, [&d[..area], &d[area..]].join("-")),
                len => Err(PhoneError::LocalNumberLength { len }),
            }
        }
        Some(b'2'..=b'9') if n == 7 || n == 8 => ok(PhoneKind::Landline, d.into()),
        Some(b'4' | b'8') if d.starts_with("400") || d.starts_with("800") => {
            Err(PhoneError::ServiceLength { len: n })
        }
        Some(b'2'..=b'9') if n >= 5 => Err(PhoneError::LocalNumberLength { len: n }),
        _ => Err(PhoneError::TooShort),
    }
}

/// Masks a normalised phone number for lists: 138****8000, 010-****5678 (area
/// code and last 4 kept, extension starred). Service numbers are not personal
/// and stay as they are; anything unrecognised keeps at most half.
pub fn mask_phone(normalized: &str) -> String {
    let parts: Vec<Vec<char>> = normalized.split('-').map(|p| p.chars().collect()).collect();
    let Some((first, mut tail)) = parts.split_first() else {
        return String::new();
    };
    let s: String = first.iter().collect();
    let digits = first.iter().all(char::is_ascii_digit);
    let mut out = if digits && is_service(&s) {
        s
    } else if digits && first.len() == 11 && s.starts_with('1') {
        mask_keep(first, 3, 4)
    } else if let (true, Some((local, rest))) = (digits && s.starts_with('0'), tail.split_first()) {
        tail = rest;
        format!("{s}-{}", mask_keep(local, 0, 4))
    } else if digits && (7..=8).contains(&first.len()) {
        mask_keep(first, 0, 4)
    } else {
        mask_id(&s)
    };
    for ext in tail {
        out.push('-');
        out.push_str(&"*".repeat(ext.len()));
    }
    out
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
        let phones = [
            ("13800138000", "138****8000"),
            ("010-12345678", "010-****5678"),
            ("0571-8765432-123", "0571-***5432-***"),
            ("87654321", "****4321"),
            ("12345", "12345"),
            ("4008001234", "4008001234"),
        ];
        for (raw, masked) in phones {
            assert_eq!(mask_phone(raw), masked);
        }
    }

    #[test]
    fn good_phones() {
        use PhoneKind::*;
        let cases = [
            ("13800138000", "13800138000", Mobile),
            ("+86 138 0013 8000", "13800138000", Mobile),
            ("0086-138-0013-8000", "13800138000", Mobile),
            ("8613800138000", "13800138000", Mobile),
            ("１３８００１３８０００", "13800138000", Mobile),
            ("010-12345678", "010-12345678", Landline),
            ("+86 10 1234 5678", "010-12345678", Landline),
            ("(0571)87654321转123", "0571-87654321-123", Landline),
            ("（0571）8765 4321 ext. 123", "0571-87654321-123", Landline),
            ("0571-87654321 分机：123", "0571-87654321-123", Landline),
            ("8765432 转 1", "8765432-1", Landline),
            ("020 8765432", "020-8765432", Landline),
            ("8765-4321", "87654321", Landline),
            ("12345", "12345", Service),
            ("4008001234", "4008001234", Service),
            ("400-800-1234#2", "4008001234-2", Service),
            ("95588", "95588", Service),
        ];
        for (raw, normalized, kind) in cases {
            let want = PhoneCheck {
                normalized: normalized.into(),
                kind,
            };
            assert_eq!(check_phone(raw), Ok(want.clone()), "{raw}");
            assert_eq!(
                check_phone(normalized),
                Ok(want),
                "reads back: {normalized}"
            );
        }
    }

    #[test]
    fn bad_phones() {
        use PhoneError::*;
        let bad = |position, found| BadCharacter { position, found };
        let cases = [
            (" ", Empty),
            ("()", Empty),
            ("138 0013 800O", bad(13, 'O')),
            ("138+00138000", bad(4, '+')),
            ("010-12345678转12a", bad(16, 'a')),
            ("+852 9123 4567", CountryCode),
            ("00852 9123 4567", CountryCode),
            ("138001380001", MobileLength { len: 12 }),
            ("1380013800", MobileLength { len: 10 }),
            ("13800138000-1", MobileLength { len: 12 }),
            ("12800138000", MobilePrefix),
            ("0111234567", AreaCode),
            ("0571-123456", LocalNumberLength { len: 6 }),
            ("010-123456789", LocalNumberLength { len: 9 }),
            ("876543210", LocalNumberLength { len: 9 }),
            ("400800123", ServiceLength { len: 9 }),
            ("010-12345678转", ExtensionLength { len: 0 }),
            ("010-12345678转1234567", ExtensionLength { len: 7 }),
            ("13800138000转1", ExtensionNotAllowed),
            ("1234", TooShort),
            ("0571", TooShort),
        ];
        for (raw, e) in cases {
            assert_eq!(check_phone(raw), Err(e), "{raw}");
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
