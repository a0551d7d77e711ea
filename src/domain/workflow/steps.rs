//! What each command does to a case the gates let it reach: one function a
//! step, so a new step is a new arm in `Step::apply` and a function here.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::checks::{check_assignment, check_date_range, nonempty};
use super::gate::wrong_state;
use super::intake::validate_intake;
use super::warning::Warning;
use crate::domain::case::{
    Attached, Case, Instruction, Intake, Opinion, Reading, Recusal, Reminder, Reply, ReportBack,
    ReportReceived, Resolution, ReturnVisit, Stamp, Supervision, Unmasked,
};
use crate::domain::command::{Command, Correction, IntakeInput};
use crate::domain::documents::{Body, Content, IssueInput, IssuedDoc, prepare};
use crate::domain::due::{case_clocks, notice_due, overdue};
use crate::domain::error::{Field, WorkflowError};
use crate::domain::op::Op;
use crate::domain::rules::{Operator, Rules, local_date};
use crate::domain::types::{
    Outcome, ResolveHow, Role, Satisfaction, ServiceMethod, State, SuperviseGround,
};

/// A command's setting: the case as it stands, who acts, when.
pub(super) struct Step<'a, 'r> {
    pub case: &'a Case,
    pub actor: &'a Operator,
    pub at: DateTime<FixedOffset>,
    /// The office's local date of `at`.
    pub today: NaiveDate,
    pub rules: &'a Rules<'r>,
    pub stamp: Stamp,
}

/// What a step makes of the case.
pub(super) struct Change {
    pub case: Case,
    pub created: bool,
    pub allot_number_for_year: Option<i32>,
    pub warnings: Vec<Warning>,
    pub document: Option<Content>,
}

impl Change {
    pub(super) fn to(case: Case) -> Change {
        Change {
            case,
            created: false,
            allot_number_for_year: None,
            warnings: Vec::new(),
            document: None,
        }
    }
}

impl Step<'_, '_> {
    pub(super) fn apply(self, command: &Command) -> Result<Change, WorkflowError> {
        let next = self.case.clone();
        match command {
            // `gate` refuses intake on an existing case; this arm never runs.
            Command::Intake(_) => Err(wrong_state(self.case, Op::Intake, self.actor)),
            Command::Register(decision) => self.register(next, decision),
            Command::Assign {
                department,
                handler,
                leader,
            } => self.assign(next, department, handler, leader),
            Command::Recuse { handler, reason } => self.recuse(next, handler, reason),
            Command::Opinion { text } => self.opinion(next, text),
            Command::Sign { text } => self.sign(next, text),
            Command::Instruct { approve, text } => self.instruct(next, *approve, text),
            Command::Extend { days, reason } => self.extend(next, *days, reason),
            Command::Supervise {
                ground,
                text,
                feedback_by,
            } => self.supervise(next, *ground, text, *feedback_by),
            Command::Remind {
                ground,
                to,
                reply_by,
            } => self.remind(next, ground, to, *reply_by),
            Command::Reply {
                outcome,
                method,
                text,
                served_at,
                signed,
            } => self.reply(next, *outcome, *method, text, *served_at, *signed),
            Command::ReturnVisit { unit, office, note } => {
                self.return_visit(next, *unit, *office, note)
            }
            Command::Archive => Ok(self.archive(next)),
            Command::Review { text, received_on } => self.review(text, *received_on),
            Command::Attach(input) => self.attach(next, input),
            Command::Own => self.own(next),
            Command::AskExtension { days, reason } => self.ask_extension(next, *days, reason),
            Command::RefuseExtension { reason } => self.refuse_extension(next, reason),
            Command::ReportBack { text, sent_on } => self.report_back(next, text, *sent_on),
            Command::Resolve {
                how,
                resolved_on,
                text,
            } => self.resolve(next, *how, *resolved_on, text),
            Command::Issue(input) => self.issue(next, input),
            Command::Hearing {
                from,
                to,
                participants,
                conclusion,
            } => self.hearing(next, (*from, *to), participants, conclusion),
            Command::NoFurther { text, received_on } => self.no_further(next, text, *received_on),
            Command::Terminate { note } => Ok(self.terminate(next, note)),
            Command::ReportReceived {
                summary,
                received_on,
            } => self.report_received(next, summary, *received_on),
            Command::Unmask { reason } => self.unmask(next, reason),
            Command::Correct(c) => self.correct(&next, c),
            // `workflow::files` takes these before `apply` (`transition`); never here.
            Command::AttachFile { .. } | Command::DetachFile { .. } => {
                Err(wrong_state(self.case, command.op(), self.actor))
            }
            Command::Undo { seq, basis } => {
                super::undo_step::step(basis.as_deref(), *seq, self.stamp).map(Change::to)
            }
        }
    }

    /// 更正 (`workflow::correct`): the record put right, with its checks' warnings.
    fn correct(self, case: &Case, c: &Correction) -> Result<Change, WorkflowError> {
        let who = (self.actor, self.rules);
        let (case, warnings) = super::correct::correct(case, c, who, self.today, &self.stamp)?;
        Ok(Change {
            warnings,
            ..Change::to(case)
        })
    }

    /// Art 22 (三): the 办结报告 goes back once the reply is served; it stops the superior's
    /// clock, met if sent on or before the date the superior set.
    fn report_back(
        self,
        mut next: Case,
        text: &str,
        sent_on: Option<NaiveDate>,
    ) -> Result<Change, WorkflowError> {
        nonempty(Op::ReportBack, Field::Text, text)?;
        let sent = sent_on.unwrap_or(self.today);
        let served = self.case.reply.as_ref().map_or(self.today, |r| r.served_at);
        check_date_range(sent, served, self.today)?;
        next.report_back = Some(ReportBack {
            text: text.to_owned(),
            sent_on: sent,
            stamp: self.stamp,
        });
        Ok(Change::to(next))
    }

    /// 化解/息访 (Art 37): the day it was settled is not before the item was received, nor
    /// after today.
    fn resolve(
        self,
        mut next: Case,
        how: ResolveHow,
        resolved_on: Option<NaiveDate>,
        text: &str,
    ) -> Result<Change, WorkflowError> {
        nonempty(Op::Resolve, Field::Text, text)?;
        let on = resolved_on.unwrap_or(self.today);
        let received = local_date(self.case.intake.received_at, self.rules);
        check_date_range(on, received, self.today)?;
        next.resolutions.push(Resolution {
            how,
            resolved_on: on,
            text: text.to_owned(),
            stamp: self.stamp,
        });
        Ok(Change::to(next))
    }

    /// Art 22 (三): the 办结报告 of a 交办'd item, received on a day between the 交办 and
    /// today; it stops the `outbound` clock.
    fn report_received(
        self,
        mut next: Case,
        summary: &str,
        received_on: Option<NaiveDate>,
    ) -> Result<Change, WorkflowError> {
        nonempty(Op::ReportReceived, Field::Text, summary)?;
        let received = received_on.unwrap_or(self.today);
        let passed = self
            .case
            .passed_on_for_report(self.rules)
            .map_or(self.today, |(on, _)| on);
        check_date_range(received, passed, self.today)?;
        next.report_received = Some(ReportReceived {
            summary: summary.to_owned(),
            received_on: received,
            stamp: self.stamp,
        });
        Ok(Change::to(next))
    }

    fn assign(
        self,
        mut next: Case,
        department: &str,
        handler: &str,
        leader: &Option<String>,
    ) -> Result<Change, WorkflowError> {
        let (case, rules) = (self.case, self.rules);
        next.assignment = Some(check_assignment(
            case, department, handler, leader, rules, self.stamp,
        )?);
        next.state = State::Assigned;
        Ok(Change::to(next))
    }

    fn recuse(self, mut next: Case, handler: &str, reason: &str) -> Result<Change, WorkflowError> {
        let op = Op::Recuse;
        nonempty(op, Field::Reason, reason)?;
        nonempty(op, Field::Handler, handler)?;
        let actor = self.actor;
        if actor.role == Role::Handler && actor.name != *handler {
            return Err(WorkflowError::RoleRequired {
                op: op.into(),
                needed: vec![Role::Clerk, Role::Leader],
                actor: actor.name.clone(),
                actual: actor.role,
            });
        }
        next.recusals.push(Recusal {
            handler: handler.to_owned(),
            reason: reason.to_owned(),
            stamp: self.stamp,
        });
        // The assigned handler stepping aside sends the case back to be
        // assigned again; nobody else may take their opinion on.
        if next
            .assignment
            .as_ref()
            .is_some_and(|a| a.handler == *handler)
        {
            next.assignment = None;
            next.state = State::Registered;
        }
        Ok(Change::to(next))
    }

    fn opinion(self, mut next: Case, text: &str) -> Result<Change, WorkflowError> {
        nonempty(Op::Opinion, Field::Text, text)?;
        next.opinions.push(Opinion {
            text: text.to_owned(),
            role: self.actor.role,
            stamp: self.stamp,
        });
        Ok(Change::to(next))
    }

    fn instruct(self, mut next: Case, approve: bool, text: &str) -> Result<Change, WorkflowError> {
        if !approve {
            nonempty(Op::Instruct, Field::Text, text)?;
        }
        next.instructions.push(Instruction {
            approve,
            text: text.to_owned(),
            stamp: self.stamp,
        });
        Ok(Change::to(next))
    }

    /// 阅批: the leader's word on the matter itself (who is to handle it, how), kept apart
    /// from the 批示 that answer opinions; the case stays where it stands.
    fn sign(self, mut next: Case, text: &str) -> Result<Change, WorkflowError> {
        nonempty(Op::Sign, Field::Text, text)?;
        next.readings.push(Reading {
            text: text.to_owned(),
            stamp: self.stamp,
        });
        Ok(Change::to(next))
    }

    fn supervise(
        self,
        mut next: Case,
        ground: SuperviseGround,
        text: &str,
        feedback_by: NaiveDate,
    ) -> Result<Change, WorkflowError> {
        if feedback_by < self.today {
            return Err(WorkflowError::DateBeforeToday {
                field: Field::FeedbackBy,
                date: feedback_by,
                today: self.today,
            });
        }
        // 逾期未办结 only for a case past a due date: the report counts it under that ground.
        let clocks = case_clocks(self.case, self.rules, self.today);
        if ground == SuperviseGround::Overdue && !overdue(&clocks, self.today) {
            return Err(WorkflowError::NotOverdue);
        }
        next.supervisions.push(Supervision {
            ground,
            text: text.to_owned(),
            feedback_by,
            stamp: self.stamp,
        });
        Ok(Change::to(next))
    }

    /// 催办: a reminder to the department or handler; the answer may not be due before
    /// the day the reminder is given.
    fn remind(
        self,
        mut next: Case,
        ground: &str,
        to: &str,
        reply_by: NaiveDate,
    ) -> Result<Change, WorkflowError> {
        nonempty(Op::Remind, Field::Reason, ground)?;
        nonempty(Op::Remind, Field::Handler, to)?;
        if reply_by < self.today {
            return Err(WorkflowError::DateBeforeToday {
                field: Field::ReplyBy,
                date: reply_by,
                today: self.today,
            });
        }
        next.reminders.push(Reminder {
            ground: ground.to_owned(),
            to: to.to_owned(),
            reply_by,
            stamp: self.stamp,
        });
        Ok(Change::to(next))
    }

    fn reply(
        self,
        mut next: Case,
        outcome: Option<Outcome>,
        method: ServiceMethod,
        text: &str,
        served_at: Option<NaiveDate>,
        signed: bool,
    ) -> Result<Change, WorkflowError> {
        let (case, today) = (self.case, self.today);
        nonempty(Op::Reply, Field::Text, text)?;
        if case.accepted() && outcome.is_none() {
            return Err(WorkflowError::MissingField {
                op: Op::Reply.into(),
                field: Field::Outcome,
            });
        }
        if !case.accepted() && outcome.is_some() {
            return Err(WorkflowError::OutcomeOnNotice);
        }
        let served = served_at.unwrap_or(today);
        let settled = reply_settled(case, self.rules).unwrap_or(today);
        if served < settled {
            return Err(WorkflowError::ServedBeforeReply { served, settled });
        }
        check_date_range(served, settled, today)?;
        next.reply = Some(Reply {
            outcome,
            method,
            text: text.to_owned(),
            served_at: served,
            signed,
            stamp: self.stamp,
        });
        next.state = State::Replied;
        Ok(Change::to(next))
    }

    fn return_visit(
        self,
        mut next: Case,
        unit: Satisfaction,
        office: Satisfaction,
        note: &str,
    ) -> Result<Change, WorkflowError> {
        next.return_visit = Some(ReturnVisit {
            unit,
            office,
            note: note.to_owned(),
            stamp: self.stamp,
        });
        Ok(Change::to(next))
    }

    fn archive(self, mut next: Case) -> Change {
        next.archived = Some(self.stamp);
        next.state = State::Archived;
        Change::to(next)
    }

    /// 复查 of a first handling, 复核 of a 复查 (Art 35–36): a new case on the replied one's
    /// matter, linked to it, one level up.
    fn attach(self, mut next: Case, input: &IntakeInput) -> Result<Change, WorkflowError> {
        let (intake, warnings) = validate_intake(input, self.actor, self.at, self.rules)?;
        if let Some(target) = super::accused::accusing_another(&self.case.intake, &intake) {
            return Err(WorkflowError::AttachAccusesAnother { target });
        }
        next.attached.push(Attached {
            channel: intake.channel,
            received_at: intake.received_at,
            postmark: intake.postmark,
            letter_no: intake.letter_no,
            petitioners: intake.petitioners,
            summary: intake.summary,
            stamp: self.stamp,
        });
        Ok(Change {
            warnings,
            ..Change::to(next)
        })
    }

    /// Art 30 第三款: the handler sees who the petitioners are once a leader says why.
    fn unmask(self, mut next: Case, reason: &str) -> Result<Change, WorkflowError> {
        nonempty(Op::Unmask, Field::Reason, reason)?;
        next.unmasked = Some(Unmasked {
            reason: reason.trim().to_owned(),
            stamp: self.stamp,
        });
        Ok(Change::to(next))
    }

    /// 包案; a second by the same leader is refused rather than journaled twice.
    fn own(self, mut next: Case) -> Result<Change, WorkflowError> {
        if let Some(a) = next.assignment.as_mut() {
            if a.owner_leader.as_deref() == Some(self.actor.name.as_str()) {
                return Err(WorkflowError::AlreadyOwned);
            }
            a.owner_leader = Some(self.actor.name.clone());
        }
        Ok(Change::to(next))
    }

    fn issue(self, mut next: Case, input: &IssueInput) -> Result<Change, WorkflowError> {
        if input.kind.leader_only() && self.actor.role != Role::Leader {
            return Err(WorkflowError::RoleRequired {
                op: Op::Issue.into(),
                needed: vec![Role::Leader],
                actor: self.actor.name.clone(),
                actual: self.actor.role,
            });
        }
        let mut content = prepare(self.case, input, self.rules).map_err(|missing| {
            WorkflowError::DocumentIncomplete {
                kind: input.kind,
                missing,
            }
        })?;
        // Art 23 第二款: a notice of the decision issued after the written notice was due says
        // so (and the decide clock shows 书面告知逾期).
        if let Body::Accept { late_for, .. }
        | Body::Decline { late_for, .. }
        | Body::Whereabouts { late_for, .. } = &mut content.body
        {
            *late_for = notice_due(self.case, self.rules).filter(|due| self.today > *due);
        }
        // The number is the store's to allot; it fills this entry in.
        next.documents.push(IssuedDoc {
            kind: input.kind,
            number: input.number.clone().unwrap_or_default(),
            stamp: self.stamp,
        });
        Ok(Change {
            document: Some(content),
            ..Change::to(next)
        })
    }
}

/// The day the reply's content was settled, before which it cannot be served: the approval of
/// the opinion it carries (accepted items), else the decision it notifies.
fn reply_settled(case: &Case, rules: &Rules) -> Option<NaiveDate> {
    let approved = case.approved_opinion().and(case.instructions.last());
    let stamp = match approved {
        Some(instruction) => &instruction.stamp,
        None => &case.decision.as_ref()?.stamp,
    };
    Some(local_date(stamp.at, rules))
}

/// A case just taken in (or asked to be reviewed): nothing done on it yet.
pub(super) fn new_case(intake: Intake, review_of: Option<i64>) -> Case {
    Case {
        id: 0,
        case_no: None,
        state: State::Intake,
        undone: Vec::new(),
        attachments: Vec::new(),
        intake,
        decision: None,
        assignment: None,
        recusals: Vec::new(),
        opinions: Vec::new(),
        instructions: Vec::new(),
        readings: Vec::new(),
        extension: None,
        supervisions: Vec::new(),
        reminders: Vec::new(),
        reply: None,
        return_visit: None,
        report_back: None,
        archived: None,
        review_of,
        review_level: None,
        attached: Vec::new(),
        extension_request: None,
        documents: Vec::new(),
        resolutions: Vec::new(),
        hearings: Vec::new(),
        no_further: Vec::new(),
        terminated: None,
        report_received: None,
        unmasked: None,
        corrections: Vec::new(),
    }
}
