//! The warnings a step is saved with, in words: what to check, and the article behind it.

use super::Lang;
use crate::domain::workflow::Warning;

pub fn warning(lang: Lang, w: &Warning) -> String {
    match w {
        Warning::TooManyRepresentatives { count } => {
            if lang == Lang::Zh {
                format!(
                    "代表{count}人，超过5人（《信访工作条例》第二十条）：请信访人推选不超过5名代表"
                )
            } else {
                format!(
                    "{count} representatives, more than 5 (Art 20): ask the group to choose at most 5"
                )
            }
        }
        Warning::LegacyIdNumber { index } => {
            if lang == Lang::Zh {
                format!("第{index}位信访人使用15位旧身份证号码，请核对")
            } else {
                format!("petitioner {index} has a 15-digit legacy ID number: please verify")
            }
        }
        Warning::SexDiffersFromId { index } => {
            if lang == Lang::Zh {
                format!("第{index}位信访人所填性别与身份证号码不符，请核对（已按所填保存）")
            } else {
                format!(
                    "petitioner {index}'s sex is not the one the ID number gives: please verify (saved as entered)"
                )
            }
        }
        Warning::PastSuperiorDeadline { due, superior } => {
            if lang == Lang::Zh {
                format!(
                    "延期后办理期限至{due}，晚于上级要求办结日期{superior}：须经交办机关同意（《信访工作条例》第二十二条第（三）项）"
                )
            } else {
                format!(
                    "the extension moves the handling limit to {due}, past the date {superior} the superior set: the superior body must agree (Art 22 (3))"
                )
            }
        }
        Warning::SuperiorDateBeforeReceipt { superior, received } => match lang {
            Lang::Zh => format!(
                "上级要求办结日期{superior}早于收件日期{received}：本件一登记即超期，请核对上级来文的日期（已按所填保存）"
            ),
            Lang::En => format!(
                "the superior's date {superior} is before the day received, {received}: the item is overdue at once; check the date on the superior's document (saved as entered)"
            ),
        },
        Warning::MajorUrgent => lang
            .pick(
                "重大紧急事项：请当日报告领导（《信访工作条例》第二十五条）",
                "major/urgent: report to the leader today (Art 25)",
            )
            .to_owned(),
        Warning::RouteByLaw(route) => law_route(lang, *route).to_owned(),
    }
}

fn law_route(lang: Lang, route: crate::domain::workflow::LawRoute) -> &'static str {
    use crate::domain::workflow::LawRoute;
    match route {
        LawRoute::Discipline => lang.pick(
            "纪检监察类检举控告应按照管理权限转送有关纪检监察机关处理（《信访工作条例》第二十二条第二款）：请核对是否应选择转送",
            "an accusation for the discipline inspection bodies is passed on to them (Art 22 ¶2): check whether it should be passed on",
        ),
        LawRoute::Legal => lang.pick(
            "涉法涉诉信件应转送同级政法部门依法处理（《信访工作条例》第二十二条第二款）：请核对是否应选择转送",
            "a letter on a legal or court matter is passed on to the political-legal department (Art 22 ¶2): check whether it should be passed on",
        ),
    }
}
