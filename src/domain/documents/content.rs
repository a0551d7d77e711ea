//! What each document must say, read off the case and checked before any
//! rendering: a document missing a required part is refused, naming it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::body::{Body, WarningFlag};
use super::kind::DocKind;
use super::missing::Missing;
use super::profile::OfficeProfile;
use crate::domain::case::{Case, Stamp};
use crate::domain::deadline::due_date;
use crate::domain::due::{handling_clock, review_window};
use crate::domain::flags::PersonFlag;
use crate::domain::policy::ClockRule;
use crate::domain::policy::ClockStart;
use crate::domain::rules::{Rules, local_date};
use crate::domain::types::{Decision, HandlingType, Level};

/// What the person issuing adds to what the case already holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssueInput {
    pub kind: DocKind,
    /// 处理意见的法律法规依据 (Art 32), for the reply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    /// Where a 复查 is asked; default the office profile's (Art 35).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_organ: Option<String>,
    /// Filled in by the ledger when issued: the number and the SHA-256 of
    /// the stored text and HTML, so the journal vouches for them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub html_sha256: Option<String>,
    /// The unit a 工作建议函 or 预警稳控提醒函 goes to; default the assigned department (never
    /// the unit complained of: Art 30 第三款).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// The office's suggestion (工作建议函, Art 40).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advice: Option<String>,
    /// The 重点信访人 flags on the case's petitioners, filled in by the ledger for a
    /// 预警稳控提醒函 so the journal vouches for what it told.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<PersonFlag>,
}

/// A document recorded on the case: its kind, number, who issued it, when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedDoc {
    pub kind: DocKind,
    pub number: String,
    #[serde(flatten)]
    pub stamp: Stamp,
}

/// Who a document is addressed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Addressee {
    /// The names written on it: the representatives of a group visit,
    /// else the petitioners named.
    pub names: Vec<String>,
    /// Answered to a group's chosen representatives (Art 20).
    pub representatives: bool,
    /// 人数 of the whole petition.
    pub people: u32,
    pub anonymous: bool,
    /// Where a notice is posted: the first addressee's address, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

/// A document ready to render: the kind, who it goes to, and its body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Content {
    pub kind: DocKind,
    pub addressee: Addressee,
    #[serde(flatten)]
    pub body: Body,
}

impl IssueInput {
    pub fn new(kind: DocKind) -> IssueInput {
        IssueInput {
            kind,
            basis: None,
            review_organ: None,
            number: None,
            text: None,
            html_sha256: None,
            to: None,
            advice: None,
            flags: Vec::new(),
        }
    }
}

fn text(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

fn need<T>(v: Option<T>, missing: Missing) -> Result<T, Missing> {
    v.ok_or(missing)
}

/// The office must be named on every document.
pub fn check_profile(profile: &OfficeProfile) -> Result<(), Missing> {
    if profile.name.trim().is_empty() {
        Err(Missing::OfficeName)
    } else {
        Ok(())
    }
}

fn addressee(case: &Case) -> Addressee {
    let intake = &case.intake;
    let reps: Vec<String> = intake
        .petitioners
        .iter()
        .filter(|p| p.representative && !p.name.trim().is_empty())
        .map(|p| p.name.clone())
        .collect();
    let representatives = !reps.is_empty();
    let mut names = if representatives {
        reps
    } else {
        let mut all: Vec<&crate::domain::case::Petitioner> = intake.petitioners.iter().collect();
        // The main petitioner first.
        all.sort_by_key(|p| !p.main);
        all.iter()
            .map(|p| p.name.trim().to_owned())
            .filter(|n| !n.is_empty())
            .collect()
    };
    if intake.anonymous {
        names.clear();
    }
    let address = intake
        .petitioners
        .iter()
        .find(|p| names.first() == Some(&p.name))
        .and_then(|p| p.address.clone())
        .filter(|a| !a.trim().is_empty());
    Addressee {
        names,
        representatives,
        people: intake.people,
        anonymous: intake.anonymous,
        address,
    }
}

/// Checks that `case` holds everything document `input.kind` must state,
/// and gathers it.
pub fn prepare(case: &Case, input: &IssueInput, rules: &Rules) -> Result<Content, Missing> {
    let kind = input.kind;
    let to = addressee(case);
    // Art 23 第二款: no written notice can reach a petitioner whose name is
    // unknown, so a notice to an anonymous or unnamed one is refused.
    if kind.to_petitioner() && !case.notice_owed() {
        return Err(Missing::Addressee);
    }
    let decision = case.decision.as_ref();
    let accepted_on = decision
        .filter(|d| d.decision == Decision::Accept)
        .map(|d| local_date(d.stamp.at, rules));
    let src = Sources {
        case,
        input,
        rules,
        decision: decision.map(|d| &d.decision),
        accepted_on,
        handle: rules.policy.clock(handling_clock(case.level())),
    };
    let body = match kind {
        DocKind::Accept => src.accept()?,
        DocKind::Decline => src.decline()?,
        DocKind::Transfer => src.transfer()?,
        DocKind::Extension => src.extension()?,
        DocKind::Supervision => src.supervision()?,
        DocKind::Reminder => src.reminder()?,
        DocKind::Reply => src.reply()?,
        DocKind::Closing => src.closing()?,
        DocKind::CaseFile => src.case_file()?,
        DocKind::NoFurther => src.no_further()?,
        DocKind::Whereabouts => src.whereabouts()?,
        DocKind::Warning => src.warning()?,
        DocKind::Advice => src.advice()?,
        DocKind::Objection => src.objection()?,
    };
    Ok(Content {
        kind,
        addressee: to,
        body,
    })
}

/// What a document's body is read from: the case, what the issuer adds,
/// and the handling clock.
struct Sources<'a, 'r> {
    case: &'a Case,
    input: &'a IssueInput,
    rules: &'a Rules<'r>,
    decision: Option<&'a Decision>,
    /// The office's date of acceptance, if the case was accepted.
    accepted_on: Option<NaiveDate>,
    handle: Option<&'a ClockRule>,
}

impl Sources<'_, '_> {
    /// The handling period's due date with `extra` days of extension: from acceptance, or
    /// for 复查/复核 from receipt of the request.
    fn handle_due(&self, extra: u32) -> Option<NaiveDate> {
        let rule = self.handle?;
        let start = match rule.start {
            ClockStart::Received => local_date(self.case.intake.received_at, self.rules),
            ClockStart::Accepted
            | ClockStart::Replied
            | ClockStart::Answered
            | ClockStart::PassedOn => self.accepted_on?,
        };
        Some(due_date(self.rules.calendar, rule, start, extra))
    }

    /// When the 办结报告 of an item this office 交办'd is due (Art 22 (三)): the date set, else
    /// the policy's `outbound` clock from the 交办.
    fn outbound_due(&self) -> Option<NaiveDate> {
        let (on, by) = self.case.passed_on_for_report(self.rules)?;
        by.or_else(|| {
            let rule = self
                .rules
                .policy
                .clock(crate::domain::due::OUTBOUND_CLOCK)?;
            Some(due_date(self.rules.calendar, rule, on, 0))
        })
    }

    /// Art 23 第一款: 告知接收情况以及处理途径和程序; Art 34: 60 日内办结.
    fn accept(&self) -> Result<Body, Missing> {
        let case = self.case;
        need(self.accepted_on, Missing::Acceptance)?;
        let department = case.assignment.as_ref().map(|a| a.department.clone());
        let handling_type = case.intake.handling_type;
        let route = match (handling_type, &department) {
            (None, None) => return Err(Missing::HandlingRoute),
            (Some(t), d) => route_of(t, case.level(), d.as_deref()),
            (None, Some(d)) => format!("交由{d}办理"),
        };
        Ok(Body::Accept {
            route,
            handling_type,
            department,
            due: need(self.handle_due(0), Missing::DueDate)?,
            handle_days: self.handle.map_or(0, |h| h.days),
            level: case.level(),
            decided: need(self.accepted_on, Missing::Acceptance)?,
            late_for: None,
            leader: case
                .assignment
                .as_ref()
                .and_then(|a| a.owner_leader.clone()),
            handler: case.assignment.as_ref().map(|a| a.handler.clone()),
        })
    }

    /// Art 23 第一款: 不属于职权范围的，告知向有权处理的机关提出.
    fn decline(&self) -> Result<Body, Missing> {
        if self.case.objected() {
            return Err(Missing::ObjectionInstead);
        }
        match self.decision {
            Some(Decision::Decline {
                ground,
                route,
                note,
            }) => Ok(Body::Decline {
                ground: *ground,
                route: need(text(&Some(route.clone())), Missing::DeclineRoute)?,
                note: text(note),
                late_for: None,
            }),
            None | Some(Decision::Accept | Decision::PassOn { .. } | Decision::Answered { .. }) => {
                Err(Missing::DeclineDecision)
            }
        }
    }

    /// Art 22: 转送有权处理的机关; 交办的，要求在指定期限内反馈结果.
    fn transfer(&self) -> Result<Body, Missing> {
        match (self.decision, &self.case.assignment) {
            (Some(d @ Decision::PassOn { to, .. }), _) => Ok(Body::Transfer {
                // A 交办 asks for the 办结报告 by the date set, else the outbound clock's.
                mode: d.reports_back().map_or("pass_on", |_| "assign"),
                to: need(text(&Some(to.clone())), Missing::TransferTarget)?,
                handler: None,
                due: self.outbound_due(),
                due_set: self
                    .case
                    .passed_on_for_report(self.rules)
                    .is_some_and(|(_, by)| by.is_some()),
            }),
            (_, Some(a)) => {
                // The department answers by whichever comes first: the handling period or
                // the date the superior set on the item it passed down (Art 22 (三)); a
                // trial's 交办单 gave the 60th day, past the superior's.
                let handling = self.handle_due(self.case.extension_days());
                let superior = (self.case.intake.referral.as_ref()).and_then(|r| r.deadline);
                let set = superior.filter(|s| handling.is_none_or(|h| *s < h));
                Ok(Body::Transfer {
                    mode: "assign",
                    to: a.department.clone(),
                    handler: Some(a.handler.clone()),
                    due: set.or(handling),
                    due_set: set.is_some(),
                })
            }
            (
                None
                | Some(Decision::Accept | Decision::Decline { .. } | Decision::Answered { .. }),
                None,
            ) => Err(Missing::TransferTarget),
        }
    }

    /// Art 34: 延长不超过30日，并告知信访人延期理由.
    fn extension(&self) -> Result<Body, Missing> {
        let ext = need(self.case.extension.as_ref(), Missing::Extension)?;
        Ok(Body::Extension {
            days: ext.days,
            reason: need(text(&Some(ext.reason.clone())), Missing::ExtensionReason)?,
            old_due: need(self.handle_due(0), Missing::DueDate)?,
            due: need(self.handle_due(ext.days), Missing::DueDate)?,
        })
    }

    fn supervision(&self) -> Result<Body, Missing> {
        let s = need(self.case.supervisions.last(), Missing::Supervision)?;
        let a = need(self.case.assignment.as_ref(), Missing::SupervisedUnit)?;
        Ok(Body::Supervision {
            ground: s.ground,
            text: s.text.clone(),
            feedback_by: s.feedback_by,
            department: a.department.clone(),
            handler: a.handler.clone(),
            ordered_by: s.stamp.by.clone(),
        })
    }

    fn reminder(&self) -> Result<Body, Missing> {
        let r = need(self.case.reminders.last(), Missing::Reminder)?;
        Ok(Body::Reminder {
            ground: r.ground.clone(),
            to: r.to.clone(),
            reply_by: r.reply_by,
            handler: self.case.assignment.as_ref().map(|a| a.handler.clone()),
            count: self.case.reminders.len(),
            reminded_by: r.stamp.by.clone(),
            due: self.current_due(),
            days_left: self
                .current_due()
                .map(|d| (d - local_date(r.stamp.at, self.rules)).num_days()),
        })
    }

    /// The handling due date as it stands: with the extension granted, if any.
    fn current_due(&self) -> Option<NaiveDate> {
        self.case.assignment.as_ref()?;
        self.handle_due(self.case.extension_days())
    }

    /// The unit a letter goes to: the one given, else the assigned department. Never the
    /// unit complained of by default: the letter tells of the petitioners and their matter,
    /// which may not go to the accused (Art 30 第三款); a unit given is checked for that
    /// with the command (`workflow::accused`).
    fn unit(&self) -> Result<String, Missing> {
        let given = text(&self.input.to);
        let assigned = self.case.assignment.as_ref().map(|a| a.department.clone());
        need(given.or(assigned), Missing::Unit)
    }

    /// Seed 002 三函: 预警稳控提醒函 to the unit responsible for a flagged petitioner.
    fn warning(&self) -> Result<Body, Missing> {
        if self.input.flags.is_empty() {
            return Err(Missing::KeyFlag);
        }
        let flags = self
            .input
            .flags
            .iter()
            .map(|f| WarningFlag {
                name: f.name.clone(),
                flag: f.flag,
                reason: f.reason.clone(),
                on: f.on,
            })
            .collect();
        Ok(Body::Warning {
            to: self.unit()?,
            flags,
            due: self.current_due(),
        })
    }

    /// Art 23 第三款: 认为不属于本机关、单位职权范围的，应当自收到之日起5个工作日内向转送、
    /// 交办机关提出异议，并详细说明理由.
    fn objection(&self) -> Result<Body, Missing> {
        let case = self.case;
        let (Some(Decision::Decline { route, note, .. }), true) = (self.decision, case.objected())
        else {
            return Err(Missing::Objection);
        };
        let to = (case.intake.referral.as_ref()).map(|r| r.body.trim().to_owned());
        let reason = [Some(route.as_str()), note.as_deref()]
            .into_iter()
            .flatten()
            .map(|s| s.trim().trim_end_matches(['。', '.', '；', ';']))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("；");
        Ok(Body::Objection {
            to: need(to.filter(|t| !t.is_empty()), Missing::Unit)?,
            reason: need(
                Some(reason).filter(|r| !r.is_empty()),
                Missing::DeclineRoute,
            )?,
            due: crate::domain::due::objection_due(case, self.rules),
        })
    }

    /// Art 40: 提出改进工作的建议.
    fn advice(&self) -> Result<Body, Missing> {
        Ok(Body::Advice {
            to: self.unit()?,
            advice: need(text(&self.input.advice), Missing::Advice)?,
        })
    }

    /// Art 32: 载明投诉请求、事实和理由、处理意见及其法律法规依据;
    /// Art 35: 不服的，30日内请求上一级机关复查.
    fn reply(&self) -> Result<Body, Missing> {
        let (case, input) = (self.case, self.input);
        let request = need(text(&Some(case.intake.request.clone())), Missing::Request)?;
        let facts = case
            .reply
            .as_ref()
            .map(|r| r.text.clone())
            .or_else(|| case.approved_opinion().map(|o| o.text.clone()));
        let facts = need(text(&facts), Missing::Facts)?;
        let outcome = need(
            case.reply.as_ref().and_then(|r| r.outcome),
            Missing::Outcome,
        )?;
        let basis = need(text(&input.basis), Missing::Basis)?;
        // The ledger fills the office profile's in when none is given.
        let organ = text(&input.review_organ);
        let window = review_window(case.level()).and_then(|k| self.rules.policy.clock(k));
        let review_days = window.map_or(30, |c| c.days);
        Ok(Body::Reply {
            request,
            facts,
            outcome,
            basis,
            review_organ: need(organ, Missing::ReviewOrgan)?,
            review_days,
            level: case.level(),
        })
    }

    /// Art 22 第三项: 交办的，承办单位提交办结报告.
    fn closing(&self) -> Result<Body, Missing> {
        let r = need(self.case.reply.as_ref(), Missing::Reply)?;
        let a = self.case.assignment.as_ref();
        Ok(Body::Closing {
            department: a.map(|a| a.department.clone()).unwrap_or_default(),
            handler: a.map(|a| a.handler.clone()).unwrap_or_default(),
            facts: r.text.clone(),
            outcome: r.outcome,
            method: r.method,
            served_at: r.served_at,
            signed: r.signed,
        })
    }

    /// Art 36 第三款: 对复核意见不服，仍然以同一事实和理由提出投诉请求的，不再受理.
    fn no_further(&self) -> Result<Body, Missing> {
        let case = self.case;
        let n = need(case.no_further.last(), Missing::NoFurther)?;
        let r = need(case.reply.as_ref(), Missing::Reply)?;
        Ok(Body::NoFurther {
            received_on: n.received_on,
            // Quoted, then closed with the letter's own 。 (a trial's ended bare).
            request: n.text.trim().trim_end_matches(['。', '.']).to_owned(),
            opinion: r.text.trim().trim_end_matches(['。', '.']).to_owned(),
            outcome: r.outcome,
            served_on: r.served_at,
            terminated: case.terminated.is_some(),
        })
    }

    /// Art 23 第一款: 转送、交办有权处理的机关、单位，并告知信访人转送、交办去向.
    fn whereabouts(&self) -> Result<Body, Missing> {
        let d = need(self.case.decision.as_ref(), Missing::TransferTarget)?;
        let Decision::PassOn { to, .. } = &d.decision else {
            return Err(Missing::TransferTarget);
        };
        let mode = match d.decision.reports_back() {
            Some(_) => "assign",
            None => "pass_on",
        };
        Ok(Body::Whereabouts {
            mode,
            to: need(text(&Some(to.clone())), Missing::TransferTarget)?,
            passed_on: local_date(d.stamp.at, self.rules),
            late_for: None,
        })
    }

    fn case_file(&self) -> Result<Body, Missing> {
        let s = need(self.case.archived.as_ref(), Missing::Archived)?;
        Ok(Body::CaseFile {
            archived_at: s.at,
            archived_by: s.by.clone(),
        })
    }
}

/// The handling route told with an acceptance (Art 29–31 by kind of matter).
/// A 复查 or 复核 is answered with its own opinion (Art 35–36), whatever the matter's kind:
/// a trial's 复查 notice promised a 信访处理意见书 under 第三十一条.
fn route_of(t: HandlingType, level: Level, department: Option<&str>) -> String {
    let how = match (level, t) {
        (Level::Review, _) => "调查核实后提出复查意见并书面答复（《信访工作条例》第三十五条）",
        (Level::ReReview, _) => "调查核实后提出复核意见（《信访工作条例》第三十六条）",
        (Level::First, HandlingType::Suggestion) => {
            "研究论证后予以回复（《信访工作条例》第二十九条）"
        }
        (Level::First, HandlingType::Accusation) => {
            "依规依纪依法办理并反馈（《信访工作条例》第三十条）"
        }
        (Level::First, HandlingType::Claim) => {
            "调查核实后出具信访处理意见书（《信访工作条例》第三十一条）"
        }
    };
    match department {
        Some(d) => format!("交由{d}{how}"),
        None => format!("由本机关{how}"),
    }
}
