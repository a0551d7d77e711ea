//! The words old registers use for a channel or a decision besides the desk's own labels
//! (走访, 网上, 已受理…), and the rows that total a sheet (合计) rather than record a case.

use crate::domain::types::{Channel, DecisionKind};
use crate::strings::{form, labels};

use super::handling::named;

/// A channel as a register names it: the desk's label in either language, its short label
/// (邮件, 网上, 交办), or a word offices use for it.
pub fn channel(s: &str) -> Option<Channel> {
    let s = s.trim();
    named(&Channel::ALL, s, labels::channel)
        .or_else(|| named(&Channel::ALL, s, labels::channel_short))
        .or_else(|| {
            let words = |c| match c {
                Channel::Visit => &["走访", "上访", "到访", "接访", "面访", "来访接待"][..],
                Channel::Letter => &["信件", "书信", "信函", "写信", "来信件", "信箱"],
                Channel::Phone => &["电话", "热线", "来电话", "电话信访"],
                Channel::Email => &["电邮", "email", "e-mail", "电子信箱"],
                Channel::Online => &["网信", "网络", "网上投诉", "网上来信", "网络信访", "留言"],
                Channel::Referral => {
                    &["交办件", "转办", "转交办", "上级转送", "上级交办", "转送件"]
                }
            };
            let lower = s.to_lowercase();
            (Channel::ALL.into_iter()).find(|&c| words(c).contains(&lower.as_str()))
        })
}

/// A decision's kind as a register names it: the desk's label, or 已受理, 予以受理, 转办…
pub fn decision(s: &str) -> Option<DecisionKind> {
    let s = s.trim();
    named(&DecisionKind::ALL, s, form::decision).or_else(|| {
        let words = |k| match k {
            DecisionKind::Accept => &["已受理", "予以受理", "同意受理", "受理办理"][..],
            DecisionKind::Decline => &["不受理", "不予以受理", "不予受理告知"],
            DecisionKind::PassOn => &["已转送", "转办", "已转办", "转交"],
            DecisionKind::Answered => &["即时答复", "当场解答", "现场答复", "当面答复", "当场办结"],
        };
        (DecisionKind::ALL.into_iter()).find(|&k| words(k).contains(&s))
    })
}

/// Whether a row totals the sheet (合计, 总计, 小计, 共计): its first filled cell says so.
pub fn is_total(first_cell: &str) -> bool {
    let squeezed: String = (first_cell.chars())
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}' && *c != '：' && *c != ':')
        .collect();
    ["合计", "总计", "小计", "共计", "总数"].contains(&squeezed.as_str())
        || squeezed.eq_ignore_ascii_case("total")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strings::Lang;

    #[test]
    fn words_offices_use_are_read() {
        assert_eq!(channel("走访"), Some(Channel::Visit));
        assert_eq!(channel("网上"), Some(Channel::Online));
        assert_eq!(channel("交办"), Some(Channel::Referral));
        assert_eq!(channel("电话"), Some(Channel::Phone));
        assert_eq!(channel("Email"), Some(Channel::Email));
        assert_eq!(channel("飞鸽传书"), None);
        assert_eq!(decision("已受理"), Some(DecisionKind::Accept));
        assert_eq!(decision("不予受理"), Some(DecisionKind::Decline));
        assert_eq!(decision("转办"), Some(DecisionKind::PassOn));
        assert_eq!(decision("即时答复"), Some(DecisionKind::Answered));
        assert_eq!(decision("待定"), None);
    }

    #[test]
    fn a_total_row_is_known_by_its_first_cell() {
        assert!(is_total("合计"));
        assert!(is_total("合　计："));
        assert!(is_total("Total"));
        assert!(!is_total("合计局"));
        assert!(!is_total("2026-0001"));
    }

    #[test]
    fn the_desks_own_labels_read_back() {
        for lang in [Lang::Zh, Lang::En] {
            for c in Channel::ALL {
                assert_eq!(channel(labels::channel(lang, c)), Some(c));
                assert_eq!(channel(labels::channel_short(lang, c)), Some(c));
            }
            for k in DecisionKind::ALL {
                assert_eq!(decision(form::decision(lang, k)), Some(k));
            }
        }
    }
}
