//! The `Command` each of the case screen's action forms amounts to: the
//! domain judges it; this only reads the fields.

use super::Form;
use super::Purpose;
use super::check::parse_date;
use crate::domain::command::Command;
use crate::domain::op::Op;
use crate::domain::types::{Decision, DecisionKind, DeclineGround};
use crate::strings::form::FieldKey as K;

impl Form {
    /// The command the action form amounts to (call after a `Save`).
    pub fn to_command(&self) -> Option<Command> {
        let Purpose::Action { op, .. } = self.purpose else {
            return None;
        };
        let text = |k: K| self.text(k).unwrap_or_default();
        let code = |k: K| self.code(k).unwrap_or_default().to_owned();
        Some(match op {
            Op::Register => Command::Register(self.to_decision()?),
            Op::Assign => Command::Assign {
                department: code(K::Department),
                handler: code(K::Handler),
                leader: self
                    .code(K::Leader)
                    .filter(|c| !c.is_empty())
                    .map(str::to_owned),
            },
            Op::Recuse => Command::Recuse {
                handler: code(K::Handler),
                reason: text(K::Reason),
            },
            Op::Opinion | Op::Sign | Op::Review => self.to_text_command(op)?,
            Op::Instruct => Command::Instruct {
                approve: code(K::Approve) == "true",
                text: text(K::Instruction),
            },
            Op::Extend => Command::Extend {
                days: text(K::Days).parse().ok()?,
                reason: text(K::Reason),
            },
            Op::AskExtension => Command::AskExtension {
                days: text(K::Days).parse().ok()?,
                reason: text(K::Reason),
            },
            Op::RefuseExtension => Command::RefuseExtension {
                reason: text(K::Refusal),
            },
            Op::Supervise => self.to_supervise()?,
            Op::Remind => self.to_remind()?,
            Op::Resolve => self.to_resolve()?,
            Op::Reply => self.to_reply()?,
            Op::ReturnVisit => Command::ReturnVisit {
                unit: parse(code(K::UnitSatisfaction))?,
                office: parse(code(K::OfficeSatisfaction))?,
                note: text(K::Note),
            },
            Op::Archive => Command::Archive,
            Op::Own => Command::Own,
            // The version the form was opened on guards it: the step offered is still the last.
            Op::Undo => Command::Undo {
                seq: None,
                basis: None,
            },
            Op::ReportBack => Command::ReportBack {
                text: text(K::ReportText),
                sent_on: parse_date(&text(K::SentOn)),
            },
            Op::Hearing => self.to_hearing()?,
            Op::NoFurther => Command::NoFurther {
                text: text(K::NoFurtherText),
                received_on: parse_date(&text(K::NoFurtherOn)),
            },
            Op::Terminate => Command::Terminate {
                note: text(K::TerminateNote),
            },
            Op::ReportReceived => Command::ReportReceived {
                summary: text(K::ReportSummary),
                received_on: parse_date(&text(K::ReportReceivedOn)),
            },
            // An intake and a repeat item come from the intake form, a
            // document from the documents panel: no step form gives them.
            Op::Intake | Op::Attach | Op::Issue | Op::Unmask => return None,
            Op::AttachFile | Op::DetachFile => self.to_file_command(op)?,
            Op::Correct => self.to_correction(),
        })
    }

    /// The steps that carry one text: 处理意见, 阅批, a 复查 request.
    fn to_text_command(&self, op: Op) -> Option<Command> {
        let text = |k: K| self.text(k).unwrap_or_default();
        Some(match op {
            Op::Opinion => Command::Opinion {
                text: text(K::Opinion),
            },
            Op::Sign => Command::Sign {
                text: text(K::Instruction),
            },
            Op::Review => Command::Review {
                text: text(K::ReviewText),
                received_on: self.text(K::ReviewOn).and_then(|s| parse_date(&s)),
            },
            _ => return None,
        })
    }

    /// 附件: the path typed (the desk's runtime reads the file, `runtime::step`), or which
    /// attachment to remove and why.
    fn to_file_command(&self, op: Op) -> Option<Command> {
        let text = |k: K| self.text(k).unwrap_or_default();
        if op == Op::AttachFile {
            return Some(Command::AttachFile {
                name: text(K::FilePath).trim().to_owned(),
                media_type: String::new(),
                size: 0,
                sha256: String::new(),
                bytes: None,
            });
        }
        Some(Command::DetachFile {
            n: text(K::FileNo).trim().parse().ok()?,
            reason: text(K::FileReason),
        })
    }

    /// The decision of the register form (受理决定).
    fn to_decision(&self) -> Option<Decision> {
        let text = |k: K| self.text(k).unwrap_or_default();
        let code = |k: K| self.code(k).unwrap_or_default();
        // The choice always holds one of the kinds; accepting is its first.
        let kind = DecisionKind::from_code(code(K::Decision)).unwrap_or(DecisionKind::Accept);
        Some(match kind {
            DecisionKind::Decline => Decision::Decline {
                ground: DeclineGround::ALL
                    .into_iter()
                    .find(|g| g.code() == code(K::Ground))?,
                route: text(K::Route),
                note: self.text(K::DeclineNote),
            },
            DecisionKind::PassOn => Decision::PassOn {
                to: text(K::PassTo),
                // A date for the 办结报告 makes the 转送 a 交办 (Art 22 (三)).
                assign: false,
                report_by: match self.text(K::ReportBy) {
                    Some(s) => Some(parse_date(&s)?),
                    None => None,
                },
            },
            DecisionKind::Answered => Decision::Answered {
                text: text(K::Answer),
            },
            DecisionKind::Accept => Decision::Accept,
        })
    }

    /// 督办: the ground, what is asked, the feedback date.
    fn to_supervise(&self) -> Option<Command> {
        let text = |k: K| self.text(k).unwrap_or_default();
        Some(Command::Supervise {
            ground: parse(self.code(K::SuperviseGround).unwrap_or_default().to_owned())?,
            text: text(K::SuperviseText),
            feedback_by: parse_date(&text(K::FeedbackBy))?,
        })
    }

    /// 催办: the ground, whom, the answer's date.
    fn to_remind(&self) -> Option<Command> {
        let text = |k: K| self.text(k).unwrap_or_default();
        Some(Command::Remind {
            ground: text(K::RemindGround),
            to: text(K::RemindTo),
            reply_by: parse_date(&text(K::ReplyBy))?,
        })
    }

    /// 化解/息访 (Art 37).
    fn to_resolve(&self) -> Option<Command> {
        let text = |k: K| self.text(k).unwrap_or_default();
        Some(Command::Resolve {
            how: parse(self.code(K::ResolveHow).unwrap_or_default().to_owned())?,
            resolved_on: parse_date(&text(K::ResolvedOn)),
            text: text(K::ResolveText),
        })
    }

    /// 听证 (Art 36 第二款).
    fn to_hearing(&self) -> Option<Command> {
        let text = |k: K| self.text(k).unwrap_or_default();
        Some(Command::Hearing {
            from: parse_date(&text(K::HearingFrom))?,
            to: parse_date(&text(K::HearingTo))?,
            participants: text(K::Participants),
            conclusion: text(K::Conclusion),
        })
    }

    fn to_reply(&self) -> Option<Command> {
        let text = |k: K| self.text(k).unwrap_or_default();
        Some(Command::Reply {
            outcome: self.code(K::Outcome).and_then(|c| parse(c.to_owned())),
            method: parse(self.code(K::Method).unwrap_or_default().to_owned())?,
            text: text(K::ReplyText),
            served_at: parse_date(&text(K::ServedAt)),
            signed: self.flag(K::Signed),
        })
    }
}

/// A choice's code as the domain's value (codes are serde names).
fn parse<T: serde::de::DeserializeOwned>(code: String) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(code)).ok()
}
