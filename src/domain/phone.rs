//! Mainland phone numbers: checking, normalising and masking (DOMAIN.md
//! "Personal data"). Pure; the words shown to users live in
//! `crate::strings::validation`.

use serde::{Deserialize, Serialize};

use super::identity::{mask_id, mask_keep, narrow};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneKind {
    Mobile,
    Landline,
    /// 400/800 numbers, 95xxx, 12xxx government hotlines (12345) and 100xx carrier lines.
    Service,
    /// A number abroad, in its international form (+1 415 555 0100 → +14155550100): a
    /// visitor from Hong Kong, Macao, Taiwan or abroad is reached on it.
    Foreign,
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
    /// 00 where the number after +86 should begin.
    #[error("not a mainland China number")]
    CountryCode,
    /// A number abroad (+ or 00 and a country code other than 86) of other than 8 to 15
    /// digits with its country code (ITU-T E.164).
    #[error("international number has {len} digits, expected 8 to 15")]
    ForeignLength { len: usize },
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
                // Abroad, dashes group the number itself: an extension is said (转, ext).
                Ok((PhoneKind::Mobile | PhoneKind::Foreign, _)) | Err(_) => None,
                Ok((kind, n)) => Some((kind, n, Some(last.clone()))),
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
        // Abroad, dashes group the number: an extension would not read back as one.
        Some(_) if matches!(kind, PhoneKind::Mobile | PhoneKind::Foreign) => {
            return Err(PhoneError::ExtensionNotAllowed);
        }
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
        match d.strip_prefix("86") {
            Some(rest) => rest,
            None => return foreign(d),
        }
    } else if let Some(rest) = d.strip_prefix("0086") {
        rest
    } else if let Some(abroad) = d.strip_prefix("00") {
        return foreign(abroad);
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

/// A number abroad, its country code first (no leading 0): kept as +digits.
fn foreign(d: &str) -> Result<(PhoneKind, String), PhoneError> {
    if d.starts_with('0') {
        return Err(PhoneError::CountryCode);
    }
    match d.len() {
        8..=15 => Ok((PhoneKind::Foreign, format!("+{d}"))),
        len => Err(PhoneError::ForeignLength { len }),
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
    let abroad = s.starts_with('+') && first[1..].iter().all(char::is_ascii_digit);
    let mut out = if digits && is_service(&s) {
        s
    } else if abroad || (digits && first.len() == 11 && s.starts_with('1')) {
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
    use super::*;

    #[test]
    fn masks() {
        let phones = [
            ("13800138000", "138****8000"),
            ("010-12345678", "010-****5678"),
            ("0571-8765432-123", "0571-***5432-***"),
            ("87654321", "****4321"),
            ("12345", "12345"),
            ("4008001234", "4008001234"),
            ("+14155550100", "+14*****0100"),
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
            ("+852 9123 4567", "+85291234567", Foreign),
            ("00852 9123 4567", "+85291234567", Foreign),
            ("+1 415 555 0100", "+14155550100", Foreign),
            ("+44-20-7946-0958", "+442079460958", Foreign),
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
            ("+0 9123 4567", CountryCode),
            ("+1 555", ForeignLength { len: 4 }),
            ("001 2345 6789 0123 4567", ForeignLength { len: 17 }),
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
            ("+1 415 555 0100 ext 12", ExtensionNotAllowed),
            ("1234", TooShort),
            ("0571", TooShort),
        ];
        for (raw, e) in cases {
            assert_eq!(check_phone(raw), Err(e), "{raw}");
        }
    }
}
