//! The words of the demo: topics per category (assets/demo/topics.txt),
//! template filling, and the texts of opinions, instructions and replies.

use rand::Rng;
use rand::rngs::StdRng;

use super::people::{Places, surname};
use crate::domain::types::{DeclineGround, HandlingType, Outcome};

const TOPICS: &str = include_str!("../../assets/demo/topics.txt");

/// One kind of matter petitioners bring, with its text templates.
#[derive(Debug, Clone)]
pub struct Topic {
    pub category: &'static str,
    pub name: &'static str,
    pub kind: HandlingType,
    pub targets: Vec<&'static str>,
    /// The case may name a person (被反映人).
    pub person: bool,
    pub location: &'static str,
    pub summaries: Vec<&'static str>,
    pub requests: Vec<&'static str>,
}

impl Topic {
    /// Rural matters give the petitioner a village address.
    pub fn rural(&self) -> bool {
        self.location.contains("{村}")
    }
}

/// Parses the topics file; malformed headers and stray lines are skipped
/// (a unit test keeps the file clean).
pub fn topics() -> Vec<Topic> {
    let mut out: Vec<Topic> = Vec::new();
    for line in TOPICS.lines().map(str::trim) {
        if let Some(head) = line.strip_prefix("## ") {
            let f: Vec<&'static str> = head.split('|').map(str::trim).collect();
            let kind = match f.get(2).copied() {
                Some("accusation") => HandlingType::Accusation,
                Some("suggestion") => HandlingType::Suggestion,
                _ => HandlingType::Claim,
            };
            out.push(Topic {
                category: f.first().copied().unwrap_or("其他"),
                name: f.get(1).copied().unwrap_or("其他问题"),
                kind,
                targets: f
                    .get(3)
                    .map(|t| {
                        t.split(';')
                            .map(str::trim)
                            .filter(|t| !t.is_empty())
                            .collect()
                    })
                    .unwrap_or_default(),
                person: f.get(4).is_some_and(|p| *p == "person"),
                location: "{区}",
                summaries: Vec::new(),
                requests: Vec::new(),
            });
        } else if let Some(topic) = out.last_mut() {
            if let Some(l) = line.strip_prefix("L: ") {
                topic.location = l;
            } else if let Some(s) = line.strip_prefix("S: ") {
                topic.summaries.push(s);
            } else if let Some(r) = line.strip_prefix("R: ") {
                topic.requests.push(r);
            }
        }
    }
    out.retain(|t| !t.summaries.is_empty() && !t.requests.is_empty());
    out
}

pub fn pick<'a>(rng: &mut StdRng, items: &[&'a str]) -> &'a str {
    if items.is_empty() {
        return "";
    }
    items[rng.random_range(0..items.len())]
}

/// Appends `template` to `out` with its placeholders filled in.
pub fn fill(out: &mut String, template: &str, p: &Places, year: i32, rng: &mut StdRng) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return;
        };
        slot(out, &after[..close], p, year, rng);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
}

fn slot(out: &mut String, key: &str, p: &Places, year: i32, rng: &mut StdRng) {
    use std::fmt::Write;
    let _ = match key {
        "区" => write!(out, "{}", p.district),
        "街道" => write!(out, "{}", p.street),
        "小区" => write!(out, "{}", p.community),
        "镇" => write!(out, "{}", p.town),
        "村" => write!(out, "{}", p.village),
        "公司" => write!(out, "{}", p.company),
        "物业" => write!(out, "{}", p.property),
        "学校" => write!(out, "{}", p.school),
        "医院" => write!(out, "{}", p.hospital),
        "路" => write!(out, "{}", p.road),
        "年" => write!(out, "{}", year - rng.random_range(1..7)),
        "月" => write!(out, "{}", rng.random_range(1..=12)),
        "几个月" => write!(out, "{}", rng.random_range(2..=18)),
        "万" => write!(out, "{:.1}", f64::from(rng.random_range(8..850)) / 10.0),
        "元" => write!(out, "{}", rng.random_range(3..200) * 100),
        "面积" => write!(out, "{}", rng.random_range(45..160)),
        "亩" => write!(out, "{:.1}", f64::from(rng.random_range(3..60)) / 2.0),
        "人数" => write!(out, "{}", rng.random_range(6..80)),
        "天" => write!(out, "{}", rng.random_range(3..30)),
        "号" => write!(out, "{}", rng.random_range(1..36)),
        "层" => write!(out, "{}", rng.random_range(2..32)),
        "姓" => write!(out, "{}", surname(rng)),
        "时段" => write!(
            out,
            "{}",
            pick(
                rng,
                &[
                    "凌晨1点至4点",
                    "晚上10点以后",
                    "每天早上6点前",
                    "夜间",
                    "午休时间"
                ]
            )
        ),
        other => write!(out, "{other}"),
    };
}

/// Sentences added when a summary runs short.
pub const DETAILS: [&str; 9] = [
    "该问题已持续较长时间，严重影响信访人及家人的正常生活。",
    "信访人表示曾多次找相关单位协商，对方均以各种理由推脱。",
    "信访人称如有需要可提供证人证言及相关票据。",
    "信访人情绪较为激动，表示如问题得不到解决将继续上访。",
    "信访人提供了相关照片和书面材料复印件。",
    "信访人称此前已向有关部门反映，但一直没有得到明确答复。",
    "据信访人介绍，周边群众对此反映强烈。",
    "信访人表示家庭经济困难，希望尽快得到解决。",
    "信访人称已拨打12345热线反映多次。",
];

pub const EXTEND_REASONS: [&str; 3] = [
    "案情复杂，涉及多个部门，需进一步调查核实",
    "需委托第三方机构进行鉴定评估",
    "涉及历史遗留问题，需调取档案材料",
];

pub const RECUSE_REASONS: [&str; 3] = [
    "与信访人系亲属关系，申请回避",
    "曾参与被反映事项的前期处理，申请回避",
    "与被反映单位存在利害关系，申请回避",
];

pub const SUPERVISE_TEXTS: [&str; 4] = [
    "请承办部门抓紧办理，按期反馈办理情况。",
    "该件群众反映强烈，请主要负责同志亲自过问。",
    "请查明原因，提出切实可行的解决方案。",
    "已超过办理期限，请说明原因并限期办结。",
];

/// 处理意见 from the handling department, pointing to `outcome`.
pub fn opinion(
    out: &mut String,
    topic: &str,
    department: &str,
    outcome: Outcome,
    rework: bool,
    rng: &mut StdRng,
) {
    out.push_str(if rework {
        "根据领导批示，经进一步核实，"
    } else {
        "经"
    });
    out.push_str(department);
    out.push_str(pick(
        rng,
        &[
            "调查核实，",
            "实地走访并查阅相关资料，",
            "约谈相关当事人并现场查看，",
        ],
    ));
    out.push_str("信访人反映的");
    out.push_str(topic);
    out.push_str(match outcome {
        Outcome::Support => pick(
            rng,
            &[
                "问题基本属实。建议责成相关单位限期整改，并将整改情况书面告知信访人。",
                "问题系历史遗留问题。建议由属地街道牵头协调，对信访人的合理诉求予以支持。",
            ],
        ),
        Outcome::Explain => pick(
            rng,
            &[
                "问题部分属实。建议依据现行政策向信访人做好解释说明工作。",
                "问题涉及政策调整。建议向信访人说明政策依据和办理程序，引导其按规定申请。",
            ],
        ),
        Outcome::Reject => pick(
            rng,
            &[
                "问题与事实不符，诉求缺乏政策依据。建议不予支持，并做好解释疏导工作。",
                "问题已按规定处理到位，诉求超出政策规定。建议不予支持。",
            ],
        ),
    });
}

/// 批示: approval, or a return for rework.
pub fn instruction(approve: bool, rng: &mut StdRng) -> &'static str {
    if approve {
        pick(
            rng,
            &[
                "同意处理意见，请按期答复信访人。",
                "同意。请做好解释工作，防止矛盾激化。",
                "同意，请抓紧落实。",
            ],
        )
    } else {
        pick(
            rng,
            &[
                "处理意见依据不足，请进一步核实后重新报送。",
                "请补充政策依据和具体整改措施。",
                "请与属地街道共同研究，提出可操作的解决方案。",
            ],
        )
    }
}

/// The reply (信访处理意见书): outcome, reasons and the 复查 route.
pub fn reply(out: &mut String, topic: &str, outcome: Outcome, rng: &mut StdRng) {
    out.push_str("关于您反映的");
    out.push_str(topic);
    out.push_str("问题，经调查核实，");
    out.push_str(match outcome {
        Outcome::Support => pick(
            rng,
            &[
                "情况基本属实，已责成相关单位整改到位，您的诉求予以支持。",
                "您的诉求符合政策规定，予以支持，相关单位将于30日内落实。",
            ],
        ),
        Outcome::Explain => pick(
            rng,
            &[
                "现将有关政策规定解释说明如下：相关事项已按现行政策办理，请予以理解。",
                "该问题涉及政策调整，已向您详细说明政策依据和办理程序。",
            ],
        ),
        Outcome::Reject => pick(
            rng,
            &[
                "您的诉求缺乏事实和政策依据，不予支持。",
                "经核查，所反映情况与事实不符，不予支持。",
            ],
        ),
    });
    out.push_str("如对本处理意见不服，可自收到本意见书之日起30日内向上一级行政机关请求复查。");
}

/// The proper route a 不予受理 notice names.
pub fn decline_route(ground: DeclineGround, category: &str, rng: &mut StdRng) -> &'static str {
    match ground {
        DeclineGround::LegalProcedure => match category {
            "劳动社保" => "请依法向区劳动人事争议仲裁委员会申请劳动仲裁",
            "城乡建设" | "国土资源水利林业" => {
                "请依法申请行政复议或向区人民法院提起行政诉讼"
            }
            _ => "请依法向区人民法院提起民事诉讼",
        },
        DeclineGround::OtherOrgan => pick(
            rng,
            &[
                "该事项属于人民法院职权范围，请向区人民法院反映",
                "该事项属于检察机关职权范围，请向区人民检察院反映",
                "该事项属于人大职权范围，请向区人大常委会反映",
            ],
        ),
        DeclineGround::NotCompetent => pick(
            rng,
            &[
                "请向市自然资源和规划局反映",
                "请向市市场监督管理局反映",
                "请向市公安局反映",
                "请向所在地乡镇人民政府反映",
            ],
        ),
        DeclineGround::InProgress => "该事项已受理并正在办理中，请等待办理结果",
        DeclineGround::WindowMissed => "已超过复查请求期限，原处理意见为最终意见",
        DeclineGround::FinalAfterReReview => "该事项已经复核，复核意见为最终意见，不再受理",
    }
}

/// Where a pass-on goes (转送).
pub fn pass_on_to(category: &str, rng: &mut StdRng) -> &'static str {
    match category {
        "纪检监察" => "区纪委监委",
        "政法" => "区委政法委",
        _ => pick(
            rng,
            &[
                "市自然资源和规划局",
                "市市场监督管理局",
                "市人力资源和社会保障局",
                "区人民政府办公室",
            ],
        ),
    }
}

pub const ANSWERED: [&str; 3] = [
    "经当场查询相关政策，已向信访人解释清楚，信访人表示理解。",
    "当场联系相关单位核实，问题已协调解决，信访人表示满意。",
    "已当场告知信访人办理渠道和所需材料，信访人表示认可。",
];

/// Notes of a return visit by satisfaction: 满意, 基本满意, 不满意.
pub const VISIT_NOTES: [[&str; 3]; 3] = [
    [
        "电话回访，信访人对处理结果表示满意。",
        "上门回访，信访人表示问题已解决。",
        "",
    ],
    [
        "电话回访，信访人对处理结果基本认可。",
        "电话回访，信访人表示理解，希望尽快落实。",
        "",
    ],
    [
        "电话回访，信访人对答复不满意，表示将申请复查。",
        "上门回访，信访人不认可处理结果。",
        "",
    ],
];

/// The 办结报告 a referral sends back (Art 22 (三)).
pub(super) const REPORT_BACK: &str =
    "该件已按要求办理完毕，处理意见已书面答复信访人并送达，现将办理情况报告如下。";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::default_categories;
    use rand::SeedableRng;

    #[test]
    fn every_topic_fills_in_and_every_category_has_one() {
        let topics = topics();
        let categories = default_categories();
        for c in &categories {
            assert!(topics.iter().any(|t| t.category == c), "no topic for {c}");
        }
        let mut rng = StdRng::seed_from_u64(3);
        let p = Places::random(&mut rng);
        for t in &topics {
            assert!(categories.iter().any(|c| c == t.category), "{}", t.category);
            for s in t
                .summaries
                .iter()
                .chain(&t.requests)
                .chain(&t.targets)
                .chain([&t.location])
            {
                let mut out = String::new();
                fill(&mut out, s, &p, 2026, &mut rng);
                assert!(!out.contains('{') && !out.contains('}'), "{out}");
            }
        }
    }
}
