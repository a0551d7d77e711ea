//! What a masked export shows of personal data outside the fields kept for it (PIPL Art
//! 51): ID numbers and phones typed into free text, the contact (a phone or an e-mail),
//! and the address cut to its district and street.

use std::borrow::Cow;

use super::identity::mask_id;
use super::phone::mask_phone;

/// `text` with every ID number (15 or 18 characters) and phone number (a mobile's 11
/// digits, a landline with its area code) masked as the lists mask them. Amounts, dates,
/// case and document numbers are left alone: they are none of these shapes.
pub fn mask_in_text(text: &str) -> Cow<'_, str> {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut changed = false;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_ascii_alphanumeric()) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let (end, masked) = number_at(&chars, i);
        match masked {
            Some(m) => {
                out.push_str(&m);
                changed = true;
            }
            None => out.extend(&chars[i..end]),
        }
        i = end;
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

/// The run of digits starting at `start` (a landline's area code with its number, an ID
/// number with its final X): where it ends and, if it is personal, its masked form.
fn number_at(chars: &[char], start: usize) -> (usize, Option<String>) {
    let digits_from = |from: usize| {
        (from..chars.len())
            .find(|&k| !chars[k].is_ascii_digit())
            .unwrap_or(chars.len())
    };
    let end = digits_from(start);
    let run: String = chars[start..end].iter().collect();
    let alone = |at: usize| chars.get(at).is_none_or(|c| !c.is_ascii_alphanumeric());
    // 18-character ID numbers end in X.
    if run.len() == 17 && matches!(chars.get(end), Some('X' | 'x')) && alone(end + 1) {
        let id: String = chars[start..=end].iter().collect();
        return (end + 1, Some(mask_id(&id.to_uppercase())));
    }
    if !alone(end) {
        return (end, None);
    }
    match run.len() {
        15 | 18 => return (end, Some(mask_id(&run))),
        11 if run.starts_with('1') => return (end, Some(mask_phone(&run))),
        _ => {}
    }
    // 010-12345678: an area code, a hyphen or a space, seven or eight digits.
    let area = (3..=4).contains(&run.len()) && run.starts_with('0');
    if area && matches!(chars.get(end), Some('-' | ' ')) {
        let local_end = digits_from(end + 1);
        if (7..=8).contains(&(local_end - end - 1)) && alone(local_end) {
            let local: String = chars[end + 1..local_end].iter().collect();
            return (local_end, Some(mask_phone(&format!("{run}-{local}"))));
        }
    }
    (end, None)
}

/// A contact as an export shows it masked: an e-mail keeps its first character and its
/// domain (z***@126.com); anything else is masked as free text is, or as a phone.
pub fn mask_contact(contact: &str) -> String {
    if let Some((local, domain)) = contact.split_once('@') {
        let first: String = local.chars().take(1).collect();
        return format!("{first}***@{domain}");
    }
    let masked = mask_in_text(contact);
    if masked != contact {
        return masked.into_owned();
    }
    let digits = contact.chars().filter(char::is_ascii_digit).count();
    if digits >= 5 {
        mask_phone(contact.trim())
    } else {
        contact.to_owned()
    }
}

/// An address cut after its district, town or street (鼓楼区望江街道****): where a
/// petitioner lives, to the building, is theirs.
pub fn mask_address(address: &str) -> String {
    let chars: Vec<char> = address.chars().collect();
    let cut = place_end(&chars).unwrap_or_else(|| chars.len().min(6).min(chars.len() / 2));
    if cut >= chars.len() {
        return address.to_owned();
    }
    let kept: String = chars[..cut].iter().collect();
    format!("{kept}****")
}

/// Where the place names of an address end: after its first 街道, 镇 or 乡 in the first
/// fourteen characters, else after its last 省, 市, 区 or 县 in the first ten (a 小区 is a
/// building's, not a district).
fn place_end(chars: &[char]) -> Option<usize> {
    let street = (0..chars.len().min(14)).find_map(|k| match chars[k] {
        '镇' | '乡' => Some(k + 1),
        '街' if chars.get(k + 1) == Some(&'道') => Some(k + 2),
        _ => None,
    });
    street.or_else(|| {
        (0..chars.len().min(10))
            .rev()
            .find(|&k| {
                matches!(chars[k], '省' | '市' | '区' | '县') && (k == 0 || chars[k - 1] != '小')
            })
            .map(|k| k + 1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_text_are_masked() {
        let cases = [
            (
                "信访人（15151644960，城北区）",
                "信访人（151****4960，城北区）",
            ),
            ("身份证330102198809206160。", "身份证330102********6160。"),
            ("证号11010519491231002x", "证号110105********002X"),
            ("老证320102470215121", "老证320102*****5121"),
            ("电话0571-87654321转", "电话0571-****4321转"),
            ("电话010 12345678", "电话010-****5678"),
        ];
        for (text, masked) in cases {
            assert_eq!(mask_in_text(text), masked, "{text}");
        }
    }

    #[test]
    fn other_numbers_stay() {
        for text in [
            "补偿款12000000元",
            "2026-0137号，2026年10月1日",
            "演信转〔2026〕12号",
            "hash a83920183746152e",
            "编号AB151516449601",
            "共1515164496件",
        ] {
            assert_eq!(mask_in_text(text), text);
        }
    }

    #[test]
    fn contacts_and_addresses() {
        assert_eq!(mask_contact("676085532@126.com"), "6***@126.com");
        assert_eq!(mask_contact("13800138000"), "138****8000");
        assert_eq!(
            mask_address("鼓楼区望江街道香樟园小区16栋2单元1902室"),
            "鼓楼区望江街道****"
        );
        assert_eq!(mask_address("幸福里5号"), "幸福****");
        assert_eq!(mask_address("城北区"), "城北区");
        assert_eq!(mask_address("鼓楼区香樟园小区3栋"), "鼓楼区****");
    }
}
