//! Commands: every change to a case is one of these typed values. Their
//! serialised form is the `apply` contract (one JSON object per line, tagged
//! by `op`); the same value is stored in the journal.

use chrono::{DateTime, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize};

use super::attachment::FileBytes;
pub use super::correction::Correction;
use super::documents::IssueInput;
pub use super::intake::IntakeInput;
use super::intake::{Petitioner, Referral, field_names, strict_input};
use super::op::Op;
use super::types::{
    Decision, DecisionKind, Outcome, ResolveHow, Satisfaction, ServiceMethod, SuperviseGround,
};

/// A change to the ledger. `Intake` creates a case; `Review` creates a new
/// case linked to an archived one; every other command changes one case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Command {
    Intake(#[serde(deserialize_with = "strict_input")] Box<IntakeInput>),
    /// 登记 + 受理决定.
    Register(Decision),
    /// 交办 to a department and handler, optionally with an owning leader.
    Assign {
        department: String,
        handler: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        leader: Option<String>,
    },
    /// A handler steps aside (回避), or is marked as having an interest.
    Recuse {
        handler: String,
        reason: String,
    },
    /// 处理意见 from the handling department.
    Opinion {
        text: String,
    },
    /// 批示 on the latest opinion.
    Instruct {
        approve: bool,
        #[serde(default)]
        text: String,
    },
    /// 阅批: a leader's 批示 on the matter itself, no opinion needed (seed 000: leaders read
    /// and sign over half the letters).
    Sign {
        text: String,
    },
    /// 延期 (Art 34: once, ≤ 30 days, leader-approved, reason told).
    Extend {
        days: u32,
        reason: String,
    },
    /// 督办.
    Supervise {
        ground: SuperviseGround,
        #[serde(default)]
        text: String,
        feedback_by: NaiveDate,
    },
    /// 催办: a reminder to the handling department, lighter than 督办.
    Remind {
        ground: String,
        to: String,
        reply_by: NaiveDate,
    },
    /// 答复 and its service record.
    Reply {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        outcome: Option<Outcome>,
        method: ServiceMethod,
        text: String,
        #[serde(
            default,
            deserialize_with = "date_or_datetime",
            skip_serializing_if = "Option::is_none"
        )]
        served_at: Option<NaiveDate>,
        #[serde(default = "yes")]
        signed: bool,
    },
    /// 回访.
    ReturnVisit {
        unit: Satisfaction,
        office: Satisfaction,
        #[serde(default)]
        note: String,
    },
    /// 归档.
    Archive,
    /// 复查 request on an archived case (Art 35); 复核 on a 复查 case (Art 36).
    Review {
        text: String,
        /// The day the request was received (收到复查请求之日, Art 35–36): the window is
        /// checked and the new case's 30 days counted from it. Default: the day entered.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        received_on: Option<NaiveDate>,
    },
    /// 重复件: a new item on a matter still in progress joins that case
    /// instead of being numbered again (DOMAIN: repeat petitions).
    Attach(#[serde(deserialize_with = "strict_input")] Box<IntakeInput>),
    /// 包案: a leader takes an assigned case as theirs to see through.
    Own,
    /// The handler asks a leader for the extension (Art 34).
    AskExtension {
        days: u32,
        reason: String,
    },
    /// A leader refuses the extension asked, saying why.
    RefuseExtension {
        reason: String,
    },
    /// 办结报告 sent back to the body that passed the item down (Art 22 (三)); `sent_on`
    /// defaults to today.
    ReportBack {
        text: String,
        #[serde(
            default,
            deserialize_with = "date_or_datetime",
            skip_serializing_if = "Option::is_none"
        )]
        sent_on: Option<NaiveDate>,
    },
    /// 化解/息访 (Art 37): how the matter was resolved, the day (defaults to today), what was
    /// agreed.
    Resolve {
        how: ResolveHow,
        #[serde(
            default,
            deserialize_with = "date_or_datetime",
            skip_serializing_if = "Option::is_none"
        )]
        resolved_on: Option<NaiveDate>,
        text: String,
    },
    /// Issues a document (notice, reply letter, case file): numbered and
    /// its text kept by the ledger.
    Issue(Box<IssueInput>),
    /// 听证 on a 复核 case (Art 36 第二款): its days, `from` to `to` inclusive, are not counted
    /// in the 复核 clock.
    Hearing {
        from: NaiveDate,
        to: NaiveDate,
        participants: String,
        conclusion: String,
    },
    /// 不再受理 (Art 36 第三款): a request on the same facts after 复核, received on
    /// `received_on` (default today), recorded and refused.
    NoFurther {
        text: String,
        #[serde(
            default,
            deserialize_with = "date_or_datetime",
            skip_serializing_if = "Option::is_none"
        )]
        received_on: Option<NaiveDate>,
    },
    /// 终结: the matter closed for good after its 复核 opinion was served.
    Terminate {
        #[serde(default, skip_serializing_if = "String::is_empty")]
        note: String,
    },
    /// The 办结报告 received back from the body an item was 交办'd to (Art 22 (三));
    /// `received_on` defaults to today.
    ReportReceived {
        summary: String,
        #[serde(
            default,
            deserialize_with = "date_or_datetime",
            skip_serializing_if = "Option::is_none"
        )]
        received_on: Option<NaiveDate>,
    },
    /// A leader lets the handler of this confidential case see who the petitioners are, for
    /// a reason (2022 Art 30 第三款): on the journal like every step.
    Unmask {
        reason: String,
    },
    /// 更正: what the clerk recorded at the window, put right (`domain::correction`).
    Correct(Box<Correction>),
    /// 撤销: the operator takes back their own last step on the case within minutes
    /// (`workflow::undo`); `seq`, when given, names the event meant.
    Undo {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        seq: Option<i64>,
        /// Read by the store from the journal before the transition; never in the contract.
        #[serde(skip)]
        basis: Option<Box<crate::domain::workflow::undo::Basis>>,
    },
    /// 附件: a file kept with the case. The journal keeps its name, type, size and SHA-256;
    /// the bytes go with the command to the store, which keeps them inside the ledger.
    AttachFile {
        name: String,
        media_type: String,
        size: u64,
        sha256: String,
        /// Given by whoever read the file; never in the journal.
        #[serde(skip)]
        bytes: Option<FileBytes>,
    },
    /// An attachment taken off the case (`n` from 1, as listed), for a reason: its name,
    /// size and SHA-256 stay on record, the bytes go.
    DetachFile {
        n: u32,
        reason: String,
    },
}

fn yes() -> bool {
    true
}

/// Accepts `2026-03-01` or a full RFC 3339 time (its date is kept).
fn date_or_datetime<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    let Some(s) = Option::<String>::deserialize(d)? else {
        return Ok(None);
    };
    if let Ok(date) = NaiveDate::parse_from_str(&s, "%Y-%m-%d") {
        return Ok(Some(date));
    }
    DateTime::parse_from_rfc3339(&s)
        .map(|t| Some(t.date_naive()))
        .map_err(|_| serde::de::Error::custom(format!("not a date: {s} (use 2026-03-01)")))
}

impl Command {
    /// The `attach_file` command for a file read whole: what it is, worked out from its bytes.
    pub fn attach_file(name: &str, bytes: Vec<u8>) -> Command {
        use super::attachment::{file_name, media_type, sha256_hex};
        let name = file_name(name);
        Command::AttachFile {
            name: name.to_owned(),
            media_type: media_type(name, &bytes).to_owned(),
            size: bytes.len() as u64,
            sha256: sha256_hex(&bytes),
            bytes: Some(FileBytes::new(bytes)),
        }
    }

    /// Which step this is: its code is the `op` tag and the journal's event kind.
    pub fn op(&self) -> Op {
        match self {
            Command::Intake(_) => Op::Intake,
            Command::Register(_) => Op::Register,
            Command::Assign { .. } => Op::Assign,
            Command::Recuse { .. } => Op::Recuse,
            Command::Opinion { .. } => Op::Opinion,
            Command::Instruct { .. } => Op::Instruct,
            Command::Sign { .. } => Op::Sign,
            Command::Extend { .. } => Op::Extend,
            Command::Supervise { .. } => Op::Supervise,
            Command::Remind { .. } => Op::Remind,
            Command::Reply { .. } => Op::Reply,
            Command::ReturnVisit { .. } => Op::ReturnVisit,
            Command::Archive => Op::Archive,
            Command::Review { .. } => Op::Review,
            Command::Attach(_) => Op::Attach,
            Command::Own => Op::Own,
            Command::AskExtension { .. } => Op::AskExtension,
            Command::RefuseExtension { .. } => Op::RefuseExtension,
            Command::ReportBack { .. } => Op::ReportBack,
            Command::Resolve { .. } => Op::Resolve,
            Command::Issue(_) => Op::Issue,
            Command::Hearing { .. } => Op::Hearing,
            Command::NoFurther { .. } => Op::NoFurther,
            Command::Terminate { .. } => Op::Terminate,
            Command::ReportReceived { .. } => Op::ReportReceived,
            Command::Unmask { .. } => Op::Unmask,
            Command::Correct(_) => Op::Correct,
            Command::Undo { .. } => Op::Undo,
            Command::AttachFile { .. } => Op::AttachFile,
            Command::DetachFile { .. } => Op::DetachFile,
        }
    }
}

/// What every case line carries besides its command's own fields.
pub const ENVELOPE: [&str; 5] = ["op", "actor", "at", "case", "version"];

/// The fields an `apply` line of `op` may carry besides [`ENVELOPE`]: a field not listed
/// is refused by name, never dropped (a typo like `leadr` would silently lose the owning
/// leader). Kept beside `Command`; `every_listed_field_is_read` checks each is read.
pub fn fields(op: Op) -> &'static [&'static str] {
    match op {
        Op::Intake | Op::Attach => field_names::<IntakeInput>(),
        // Every decision's fields; `register_fields` says which one decision takes.
        Op::Register => &[
            "decision",
            "reason",
            "ground",
            "route",
            "note",
            "to",
            "assign",
            "report_by",
            "text",
        ],
        Op::Assign => &["department", "handler", "leader"],
        Op::Recuse => &["handler", "reason"],
        Op::Opinion | Op::Sign => &["text"],
        Op::Review => &["text", "received_on"],
        Op::Instruct => &["approve", "text"],
        Op::Extend | Op::AskExtension => &["days", "reason"],
        Op::Supervise => &["ground", "text", "feedback_by"],
        Op::Remind => &["ground", "to", "reply_by"],
        Op::Reply => &["outcome", "method", "text", "served_at", "signed"],
        Op::ReturnVisit => &["unit", "office", "note"],
        Op::Archive | Op::Own => &[],
        Op::RefuseExtension => &["reason"],
        Op::ReportBack => &["text", "sent_on"],
        Op::Resolve => &["how", "resolved_on", "text"],
        // The number, text and hash are the ledger's to fill in.
        Op::Issue => &["kind", "basis", "review_organ", "to", "advice"],
        Op::Hearing => &["from", "to", "participants", "conclusion"],
        Op::NoFurther => &["text", "received_on"],
        Op::Terminate => &["note"],
        Op::ReportReceived => &["summary", "received_on"],
        Op::Unmask => &["reason"],
        Op::Correct => field_names::<Correction>(),
        Op::Undo => &["seq"],
        // `apply` reads the bytes from `base64` or `path` and fills in what they are.
        Op::AttachFile => &["name", "media_type", "size", "sha256"],
        Op::DetachFile => &["n", "reason"],
    }
}

/// The fields a `register` line takes with `kind` (besides [`ENVELOPE`]): serde reads a
/// decision's own fields and would drop another's silently (a `to` on an accept, a
/// `reason` on a pass_on), so a field of another decision is refused by name.
pub fn register_fields(kind: DecisionKind) -> &'static [&'static str] {
    match kind {
        DecisionKind::Accept => &["decision"],
        // `ground` is the alias of `reason` (Decision::Decline).
        DecisionKind::Decline => &["decision", "reason", "ground", "route", "note"],
        DecisionKind::PassOn => &["decision", "to", "assign", "report_by"],
        DecisionKind::Answered => &["decision", "text"],
    }
}

/// A field a line does not have where it stands: its place (`leadr`,
/// `petitioners[2].phnoe`) and the fields known there. On a `register` line, the decision
/// the line names (whose fields `known` are) and the one the field belongs to, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownField {
    pub field: String,
    pub known: Vec<&'static str>,
    pub decision: Option<DecisionKind>,
    pub belongs_to: Option<DecisionKind>,
}

/// The first field of `line` (an `apply` line of `op`) that is not `envelope` or the
/// command's, looking into an intake's petitioners and referral too.
pub fn unknown_field(
    op: Op,
    line: &serde_json::Map<String, serde_json::Value>,
    envelope: &[&'static str],
) -> Option<UnknownField> {
    // A register line naming no known decision is serde's to refuse, with the decisions.
    let decision = match op {
        Op::Register => line
            .get("decision")
            .and_then(|d| d.as_str())
            .and_then(DecisionKind::from_code),
        _ => None,
    };
    let own = decision.map_or_else(|| fields(op), register_fields);
    let known: Vec<&'static str> = envelope.iter().chain(own).copied().collect();
    if let Some(k) = line.keys().find(|k| !known.contains(&k.as_str())) {
        let belongs_to = decision.and_then(|_| {
            DecisionKind::ALL
                .into_iter()
                .find(|d| register_fields(*d).contains(&k.as_str()))
        });
        return Some(UnknownField {
            field: k.clone(),
            known,
            decision,
            belongs_to,
        });
    }
    if !matches!(op, Op::Intake | Op::Attach) {
        return None;
    }
    let within = |place: String, v: &serde_json::Value, known: &'static [&'static str]| {
        let obj = v.as_object()?;
        let k = obj.keys().find(|k| !known.contains(&k.as_str()))?;
        Some(UnknownField {
            field: format!("{place}.{k}"),
            known: known.to_vec(),
            decision: None,
            belongs_to: None,
        })
    };
    let people = line.get("petitioners").and_then(|p| p.as_array());
    let mut people = people.into_iter().flatten().enumerate();
    people
        .find_map(|(i, p)| {
            within(
                format!("petitioners[{}]", i + 1),
                p,
                field_names::<Petitioner>(),
            )
        })
        .or_else(|| {
            let referral = line.get("referral")?;
            within("referral".to_owned(), referral, field_names::<Referral>())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One command of each op, as `apply` would read it.
    fn sample(op: Op) -> &'static str {
        match op {
            Op::Intake => r#"{"op":"intake","channel":"visit","category":"c","summary":"s"}"#,
            Op::Register => r#"{"op":"register","decision":"accept"}"#,
            Op::Assign => r#"{"op":"assign","department":"d","handler":"h"}"#,
            Op::Recuse => r#"{"op":"recuse","handler":"h","reason":"r"}"#,
            Op::Opinion => r#"{"op":"opinion","text":"t"}"#,
            Op::Instruct => r#"{"op":"instruct","approve":true}"#,
            Op::Sign => r#"{"op":"sign","text":"请城建科牵头办理"}"#,
            Op::Extend => r#"{"op":"extend","days":10,"reason":"r"}"#,
            Op::Supervise => r#"{"op":"supervise","ground":"overdue","feedback_by":"2026-03-01"}"#,
            Op::Remind => r#"{"op":"remind","ground":"g","to":"d","reply_by":"2026-03-01"}"#,
            Op::Reply => r#"{"op":"reply","method":"post","text":"t"}"#,
            Op::ReturnVisit => r#"{"op":"return_visit","unit":"satisfied","office":"basic"}"#,
            Op::Archive => r#"{"op":"archive"}"#,
            Op::Review => r#"{"op":"review","text":"t"}"#,
            Op::Attach => r#"{"op":"attach","channel":"letter","category":"c","summary":"s"}"#,
            Op::Own => r#"{"op":"own"}"#,
            Op::AskExtension => r#"{"op":"ask_extension","days":5,"reason":"r"}"#,
            Op::RefuseExtension => r#"{"op":"refuse_extension","reason":"r"}"#,
            Op::ReportBack => r#"{"op":"report_back","text":"t"}"#,
            Op::Resolve => r#"{"op":"resolve","how":"mediation","text":"t"}"#,
            Op::Issue => r#"{"op":"issue","kind":"accept"}"#,
            Op::Hearing => {
                r#"{"op":"hearing","from":"2026-03-02","to":"2026-03-03","participants":"p","conclusion":"c"}"#
            }
            Op::NoFurther => r#"{"op":"no_further","text":"t","received_on":"2026-03-02"}"#,
            Op::Terminate => r#"{"op":"terminate"}"#,
            Op::ReportReceived => r#"{"op":"report_received","summary":"s"}"#,
            Op::Unmask => r#"{"op":"unmask","reason":"r"}"#,
            Op::Correct => r#"{"op":"correct","summary":"s","reason":"r"}"#,
            Op::Undo => r#"{"op":"undo","seq":7}"#,
            Op::AttachFile => {
                r#"{"op":"attach_file","name":"a.pdf","media_type":"application/pdf","size":3,"sha256":"ab"}"#
            }
            Op::DetachFile => r#"{"op":"detach_file","n":1,"reason":"r"}"#,
        }
    }

    /// `Command::op` is exhaustive, so every command has an op; this checks
    /// the other way: every op in `Op::ALL` is some command's, under its code.
    #[test]
    fn every_op_names_one_kind_of_command() {
        let mut seen = std::collections::HashSet::new();
        for op in Op::ALL {
            let command: Command = serde_json::from_str(sample(op)).unwrap();
            assert_eq!(command.op(), op);
            let json = serde_json::to_value(&command).unwrap();
            assert_eq!(json["op"], op.code());
            assert!(seen.insert(std::mem::discriminant(&command)), "{op}");
        }
        assert_eq!(seen.len(), Op::ALL.len());
    }

    /// Every field `fields` lists is one serde reads: given a value of no type any field
    /// has, the line is refused (an unread field would be ignored).
    #[test]
    fn every_listed_field_is_read() {
        for op in Op::ALL {
            for field in fields(op) {
                let mut line: serde_json::Value = serde_json::from_str(sample(op)).unwrap();
                if op == Op::Register {
                    line = register_sample(field);
                }
                line[*field] = serde_json::json!({"\u{1}": [[]]});
                let read = serde_json::from_value::<Command>(line.clone());
                assert!(read.is_err(), "{op} does not read {field}: {line}");
            }
        }
    }

    /// A register line whose decision reads `field`.
    fn register_sample(field: &str) -> serde_json::Value {
        let decision = match field {
            "reason" | "ground" | "route" | "note" => "decline",
            "to" | "assign" | "report_by" => "pass_on",
            "text" => "answered",
            _ => "accept",
        };
        serde_json::json!({"op": "register", "decision": decision, "reason": "other_organ",
            "route": "r", "to": "t", "text": "x"})
    }

    /// `fields(Register)` is exactly every decision's fields together.
    #[test]
    fn register_fields_cover_every_decision_and_nothing_else() {
        let mut all: Vec<&str> = DecisionKind::ALL
            .into_iter()
            .flat_map(|d| register_fields(d).iter().copied())
            .collect();
        all.sort_unstable();
        all.dedup();
        let mut listed = fields(Op::Register).to_vec();
        listed.sort_unstable();
        assert_eq!(all, listed);
    }

    #[test]
    fn a_field_of_another_decision_is_named_with_the_decisions_fields() {
        let line = |s: &str| match serde_json::from_str(s).unwrap() {
            serde_json::Value::Object(m) => m,
            _ => unreachable!(),
        };
        let found = unknown_field(
            Op::Register,
            &line(r#"{"op":"register","decision":"accept","to":"区住建局"}"#),
            &ENVELOPE,
        )
        .expect("to is refused on an accept");
        assert_eq!(found.field, "to");
        assert_eq!(found.decision, Some(DecisionKind::Accept));
        assert_eq!(found.belongs_to, Some(DecisionKind::PassOn));
        assert!(!found.known.contains(&"to") && found.known.contains(&"decision"));
        let found = unknown_field(
            Op::Register,
            &line(r#"{"op":"register","decision":"pass_on","to":"t","reason":"other_organ"}"#),
            &ENVELOPE,
        )
        .expect("reason is refused on a pass_on");
        assert_eq!(found.belongs_to, Some(DecisionKind::Decline));
        assert!(found.known.contains(&"report_by"), "{found:?}");
        for ok in [
            r#"{"op":"register","decision":"decline","reason":"other_organ","route":"r","note":"n"}"#,
            r#"{"op":"register","decision":"pass_on","to":"t","assign":true,"report_by":"2026-03-01"}"#,
            r#"{"op":"register","decision":"answered","text":"t"}"#,
        ] {
            assert_eq!(
                unknown_field(Op::Register, &line(ok), &ENVELOPE),
                None,
                "{ok}"
            );
        }
    }

    #[test]
    fn a_typo_is_named_with_the_fields_known_there() {
        let line = |s: &str| match serde_json::from_str(s).unwrap() {
            serde_json::Value::Object(m) => m,
            _ => unreachable!(),
        };
        let found = unknown_field(
            Op::Assign,
            &line(r#"{"op":"assign","department":"d","handler":"h","leadr":"l"}"#),
            &ENVELOPE,
        )
        .expect("leadr is refused");
        assert_eq!(found.field, "leadr");
        assert!(found.known.contains(&"leader"), "{found:?}");
        let found = unknown_field(
            Op::Intake,
            &line(r#"{"op":"intake","petitioners":[{"name":"a"},{"name":"b","phnoe":"1"}]}"#),
            &ENVELOPE,
        );
        assert_eq!(
            found.map(|f| f.field),
            Some("petitioners[2].phnoe".to_owned())
        );
        for op in Op::ALL {
            assert_eq!(
                unknown_field(op, &line(sample(op)), &ENVELOPE),
                None,
                "{op}"
            );
        }
    }
}
