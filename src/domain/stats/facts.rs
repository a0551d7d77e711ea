//! What the report reads of a case ([`CaseFacts`]): a few instants, dates and codes. The store
//! keeps them in a narrow row beside each document, so that a report at a million cases reads
//! rows of a hundred bytes instead of parsing documents of three kilobytes.
//!
//! Instants stay instants (unix seconds): the office-local date is taken when the report is
//! computed, under the policy's `utc_offset` of that moment, exactly as from the document.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate};

use crate::domain::case::Case;
use crate::domain::deadline::ClockFacts;
use crate::domain::rules::Rules;
use crate::domain::types::{
    Channel, Level, Outcome, Satisfaction, State, SuperviseGround, Urgency,
};

/// A case as the report counts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFacts {
    pub id: i64,
    pub state: State,
    pub channel: Channel,
    pub people: u32,
    /// Names are shared: a million rows name a few hundred categories, units, departments.
    pub category: Arc<str>,
    /// 被反映单位 as recorded (the report trims it).
    pub target: Option<Arc<str>>,
    pub urgency: Urgency,
    /// Linked at intake to earlier cases, or a 复查 of one.
    pub linked: bool,
    /// A petitioner brought a case received earlier: the store's petitioner index answers it
    /// ([`facts`] cannot, from one case).
    pub earlier_petitioner: bool,
    /// Unix seconds of the first case received after this one from the same person (as
    /// `earlier_petitioner` matches them): whether a first-time item was closed at once (一次
    /// 办结). Filled by the store for the first-time cases replied to ([`facts`] cannot).
    pub again: Option<i64>,
    /// The department the case is assigned to now.
    pub department: Option<Arc<str>>,
    /// Unix seconds.
    pub received_at: i64,
    /// Receipt instants (unix seconds) of the repeat items attached to it.
    pub attached: Vec<i64>,
    pub decision: Option<Decided>,
    pub reply: Option<Replied>,
    pub return_visit: Option<Rating>,
    pub archived_at: Option<i64>,
    pub extension: Option<Extended>,
    pub supervisions: Vec<Supervised>,
    /// The date the superior set for the 办结报告 (Art 22 (三)), and the day it was sent.
    pub superior_due: Option<NaiveDate>,
    pub reported: Option<NaiveDate>,
    /// First handling, 复查 or 复核 (Art 35–36): which handling clock runs, and what the
    /// report counts it as.
    pub level: Level,
    /// Unix seconds of the first written notice of the decision issued (Art 23 第二款).
    pub notice_at: Option<i64>,
    /// The hearings (听证) of a 复核 case, each range inclusive: their days are not counted in
    /// its handling clock (Art 36 第二款).
    pub hearings: Vec<(NaiveDate, NaiveDate)>,
    /// A pass-on that asks the body for its 办结报告 (交办, Art 22 (三)): the `outbound`
    /// clock runs from the decision.
    pub outbound: Option<Outbound>,
    /// The day the body's 办结报告 came back.
    pub report_received: Option<NaiveDate>,
}

/// A 交办 (Art 22 (三)): the date this office set for the body's 办结报告, if it set one (else
/// the policy's `outbound` clock counts from the 交办).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outbound {
    pub report_by: Option<NaiveDate>,
}

/// A step of [`super::COUNTED_STEPS`] given (催办, 化解…): its kind and the instant of its
/// journal event (unix seconds). The store reads them from the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepEvent {
    pub op: crate::domain::op::Op,
    pub at: i64,
}

/// The acceptance decision without its details: the domain's own vocabulary.
pub use crate::domain::types::DecisionKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decided {
    pub kind: DecisionKind,
    /// Unix seconds of the `register` command.
    pub at: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Replied {
    /// The day served: the handling clock stops on it.
    pub served: NaiveDate,
    pub outcome: Option<Outcome>,
}

/// The return visit's two ratings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rating {
    pub unit: Satisfaction,
    pub office: Satisfaction,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Extended {
    pub days: u32,
    /// Unix seconds of the approval.
    pub at: i64,
}

/// One supervision order (督办).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Supervised {
    /// Unix seconds of the order.
    pub at: i64,
    pub ground: SuperviseGround,
    pub feedback_by: NaiveDate,
}

/// The facts of `case` (`earlier_petitioner` false: one case cannot tell).
pub fn facts(case: &Case) -> CaseFacts {
    let i = &case.intake;
    CaseFacts {
        id: case.id,
        state: case.state,
        channel: i.channel,
        people: i.people,
        category: Arc::from(i.category.as_str()),
        target: i.target.as_deref().map(Arc::from),
        urgency: i.urgency,
        linked: !i.links.is_empty() || case.review_of.is_some(),
        earlier_petitioner: false,
        again: None,
        department: case
            .assignment
            .as_ref()
            .map(|a| Arc::from(a.department.as_str())),
        received_at: i.received_at.timestamp(),
        attached: case
            .attached
            .iter()
            .map(|a| a.received_at.timestamp())
            .collect(),
        decision: case.decision.as_ref().map(|d| Decided {
            kind: d.decision.kind(),
            at: d.stamp.at.timestamp(),
        }),
        reply: case.reply.as_ref().map(|r| Replied {
            served: r.served_at,
            outcome: r.outcome,
        }),
        return_visit: case.return_visit.as_ref().map(|v| Rating {
            unit: v.unit,
            office: v.office,
        }),
        archived_at: case.archived.as_ref().map(|s| s.at.timestamp()),
        extension: case.extension.as_ref().map(|e| Extended {
            days: e.days,
            at: e.stamp.at.timestamp(),
        }),
        supervisions: case
            .supervisions
            .iter()
            .map(|s| Supervised {
                at: s.stamp.at.timestamp(),
                ground: s.ground,
                feedback_by: s.feedback_by,
            })
            .collect(),
        superior_due: i.referral.as_ref().and_then(|r| r.deadline),
        reported: case.report_back.as_ref().map(|r| r.sent_on),
        level: case.level(),
        notice_at: case.decision_notice().map(|d| d.stamp.at.timestamp()),
        hearings: case.hearing_days(),
        outbound: (case.decision.as_ref())
            .and_then(|d| d.decision.reports_back())
            .map(|report_by| Outbound { report_by }),
        report_received: case.report_received.as_ref().map(|r| r.received_on),
    }
}

/// The office-local date of an instant, as `workflow::local_date` gives it for the
/// `DateTime` it came from (a date changes on a whole second, so the seconds suffice).
pub fn local_day(secs: i64, rules: &Rules) -> NaiveDate {
    DateTime::from_timestamp(secs, 0).map_or(NaiveDate::MIN, |t| {
        t.with_timezone(&rules.policy.utc_offset).date_naive()
    })
}

impl CaseFacts {
    pub fn accepted(&self) -> bool {
        self.decision
            .is_some_and(|d| d.kind == DecisionKind::Accept)
    }

    /// As `due::clock_facts` reads them off the case.
    pub fn clock_facts(&self, rules: &Rules) -> ClockFacts {
        let decided = self.decision.map(|d| local_day(d.at, rules));
        ClockFacts {
            channel: self.channel,
            // A 复查 or 复核 case runs its own 30-day handling clock (Art 35–36).
            level: self.level,
            received: local_day(self.received_at, rules),
            decided,
            accepted: decided.filter(|_| self.accepted()),
            replied: self.reply.map(|r| r.served),
            extension_days: self.extension.map_or(0, |e| e.days),
            superior_due: self.superior_due,
            // As `due::clock_facts`: archiving ends the superior's clock too.
            reported: self
                .reported
                .or_else(|| self.archived_at.map(|s| local_day(s, rules))),
            // Art 36 第二款: a hearing's days are not counted in a 复核 case's clock.
            paused: self.hearings.clone(),
            // As `Case::passed_on_for_report`: a 交办 runs from the decision (Art 22 (三)).
            passed_on: self.outbound.and(decided),
            // As `Case::notified_on`: the first notice issued, or a not-accepted item's reply.
            notified: (self.notice_at.map(|s| local_day(s, rules)).into_iter())
                .chain(self.reply.filter(|_| !self.accepted()).map(|r| r.served))
                .min(),
            report_by: self.outbound.and_then(|o| o.report_by),
            report_received: self.report_received,
        }
    }
}
