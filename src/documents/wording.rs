//! How the petitioner's words and the office's routes read on a notice: the
//! request quoted as the petitioner put it (without the clerk's "信访人反映："),
//! a route turned into a sentence addressed to them, a reply text without the
//! 复查 sentence the letter states itself.

/// A quote on a notice longer than this is cut at a clause, so the notice keeps to one page
/// (tests/documents_layout.rs); the reply letter quotes the request whole (Art 32).
pub const QUOTE_MAX: usize = 40;

/// Who the clerk writes of at the start of a summary or a request.
const SUBJECTS: [&str; 8] = [
    "该信访人",
    "信访人们",
    "信访人",
    "来访人",
    "来信人",
    "来电人",
    "反映人",
    "当事人",
];

/// The verbs of the clerk's framing after the subject (`要求` stays: it is the request).
const SAYS: [&str; 7] = ["诉称", "声称", "反映", "提出", "表示", "称", "说"];

/// `信访人来访反映：…`, `匿名来信反映：…`, `信访人称，…`, `信访人要求…` as the
/// petitioner put it: `…`, `要求…`. Trailing full stops go (the quote marks close it).
pub fn first_person(s: &str) -> String {
    let mut t = s.trim();
    // A clerk's opening ends in a colon within its first few words: 信访人到信访接待大厅反映：
    if let Some((head, rest)) = t.split_once(['：', ':'])
        && head.chars().count() <= 20
        && [
            "反映",
            "举报",
            "转送",
            "交办",
            "信访件",
            "来信",
            "来电",
            "来访",
            "称",
        ]
        .iter()
        .any(|w| head.contains(w))
    {
        t = rest.trim_start();
    }
    if let Some(rest) = SUBJECTS.iter().find_map(|s| t.strip_prefix(s)) {
        let rest = SAYS
            .iter()
            .find_map(|v| rest.strip_prefix(v))
            .unwrap_or(rest);
        t = rest.trim_start_matches(['，', ',', '：', ':', ' ']);
    }
    // The demo's and the desk's note of an earlier petition is the clerk's, not the matter.
    if let Some(rest) = t.strip_prefix("曾于")
        && let Some((head, after)) = rest.split_once("（见关联件）")
        && head.chars().count() <= 20
    {
        t = after.trim_start_matches(['，', ',', '。']);
    }
    t.trim_end_matches(['。', '.', ' ']).to_owned()
}

/// `text` whole if short, else cut at the last clause mark before `max` characters, with `……`.
pub fn quote(text: &str, max: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= max {
        return text.to_owned();
    }
    let head = &chars[..max];
    let cut = head
        .iter()
        .rposition(|c| matches!(c, '，' | '；' | '。' | '、' | ',' | ';'))
        .filter(|&i| i >= max / 2)
        .unwrap_or(max);
    let mut out: String = head[..cut].iter().collect();
    out.push_str("……");
    out
}

/// Words a route may start with that the petitioner does: `请您` reads well before them.
const ACTIONS: [&str; 14] = [
    "向", "到", "依法", "通过", "等待", "按", "就", "持", "自行", "另行", "及时", "提起", "申请",
    "在",
];

/// The route a 不予受理 notice tells, as a sentence: `请您…` where the route is what the
/// petitioner should do, its own `请…` addressed to them, a statement left as it is.
pub fn route_sentence(route: &str, you: &str) -> String {
    let r = route.trim().trim_end_matches(['。', '.', '；', ';']);
    for polite in ["请您", "请你们", "请你"] {
        if let Some(rest) = r.strip_prefix(polite) {
            return format!("请{you}{rest}");
        }
    }
    if let Some(rest) = r.strip_prefix('请') {
        return format!("请{you}{rest}");
    }
    if let Some((before, after)) = r.split_once("，请")
        && !after.starts_with(['您', '你'])
    {
        return format!("{before}，请{you}{after}");
    }
    if ACTIONS.iter().any(|a| r.starts_with(a)) {
        return format!("请{you}{r}");
    }
    r.to_owned()
}

/// The reply text without its own sentences on asking for a 复查 or 复核: the letter states
/// that right once, with the organ and the days (Art 35–36).
pub fn without_review_sentence(text: &str) -> String {
    let mut out = String::new();
    for sentence in text.split_inclusive('。') {
        let tells_review = ["复查", "复核"].iter().any(|w| sentence.contains(w))
            && ["不服", "请求", "申请", "提出"]
                .iter()
                .any(|w| sentence.contains(w));
        if !tells_review {
            out.push_str(sentence);
        }
    }
    let out = out.trim();
    if out.is_empty() {
        text.trim().to_owned()
    } else {
        out.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clerks_framing_is_taken_off() {
        assert_eq!(
            first_person("信访人来访反映：小区电梯经常停运。"),
            "小区电梯经常停运"
        );
        assert_eq!(first_person("3名群众集体来访反映：拖欠工资"), "拖欠工资");
        assert_eq!(first_person("信访人称，其房屋漏水"), "其房屋漏水");
        assert_eq!(
            first_person("信访人要求尽快支付补偿款。"),
            "要求尽快支付补偿款"
        );
        assert_eq!(first_person("要求尽快支付补偿款"), "要求尽快支付补偿款");
        assert_eq!(
            first_person(
                "信访人来信反映：信访人曾于2025年3月就同一问题反映（见关联件），物业费上涨"
            ),
            "物业费上涨"
        );
        // A colon late in the text is the petitioner's own.
        let own = "要求答复以下问题：一是补偿标准，二是安置时间";
        assert_eq!(first_person(own), own);
    }

    #[test]
    fn a_long_quote_is_cut_at_a_clause() {
        assert_eq!(quote("短", QUOTE_MAX), "短");
        let long = format!("{}，{}", "甲".repeat(40), "乙".repeat(40));
        assert_eq!(quote(&long, 60), format!("{}……", "甲".repeat(40)));
        assert_eq!(
            quote(&"丙".repeat(70), 60),
            format!("{}……", "丙".repeat(60))
        );
    }

    #[test]
    fn every_demo_route_reads_as_a_sentence_to_the_petitioner() {
        for (route, want) in [
            (
                "请依法向区人民法院提起民事诉讼",
                "请您依法向区人民法院提起民事诉讼",
            ),
            (
                "该事项属于人民法院职权范围，请向区人民法院反映",
                "该事项属于人民法院职权范围，请您向区人民法院反映",
            ),
            ("请向市公安局反映", "请您向市公安局反映"),
            (
                "该事项已受理并正在办理中，请等待办理结果",
                "该事项已受理并正在办理中，请您等待办理结果",
            ),
            (
                "已超过复查请求期限，原处理意见为最终意见",
                "已超过复查请求期限，原处理意见为最终意见",
            ),
            ("向区人民法院起诉。", "请您向区人民法院起诉"),
            ("请您向区法院起诉", "请您向区法院起诉"),
        ] {
            assert_eq!(route_sentence(route, "您"), want, "{route}");
        }
        assert_eq!(
            route_sentence("请向区法院起诉", "你们"),
            "请你们向区法院起诉"
        );
    }

    #[test]
    fn the_reply_text_loses_its_own_review_sentence() {
        let text = "经核实，补偿款已拨付。如对本处理意见不服，可自收到本意见书之日起30日内向上一级行政机关请求复查。";
        assert_eq!(without_review_sentence(text), "经核实，补偿款已拨付。");
        assert_eq!(without_review_sentence("经核实属实。"), "经核实属实。");
    }
}
