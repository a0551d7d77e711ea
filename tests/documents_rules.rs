//! What each document must state, straight from the domain: every kind
//! against a case in every state, the reply's parts one by one, who may
//! issue, and what an issue leaves on the case.

mod common;

use common::fixture::*;
use xinfang::domain::command::Command;
use xinfang::domain::documents::{DocKind, IssueInput, Missing, prepare};
use xinfang::domain::error::WorkflowError;
use xinfang::domain::types::*;

fn input(kind: DocKind) -> IssueInput {
    let mut i = IssueInput::new(kind);
    i.basis = Some("《某条例》第五条".into());
    i.review_organ = Some("某市信访局".into());
    i
}

/// The refusal of each kind on a case in each state: `None` when it may be
/// issued. Columns: accept, decline, transfer, extension, supervision,
/// reply, closing, casefile, reminder (催办单: none of these cases was reminded), no_further
/// (不再受理告知书: none of these cases recorded a request as 不再受理).
#[test]
fn every_kind_against_every_state() {
    use Missing as M;
    let ok = None;
    let o = Office0::new();
    let table: [(&str, [Option<Missing>; 10]); 8] = [
        (
            "intake",
            [
                Some(M::Acceptance),
                Some(M::DeclineDecision),
                Some(M::TransferTarget),
                Some(M::Extension),
                Some(M::Supervision),
                Some(M::Facts),
                Some(M::Reply),
                Some(M::Archived),
                Some(M::Reminder),
                Some(M::NoFurther),
            ],
        ),
        (
            "registered",
            [
                ok,
                Some(M::DeclineDecision),
                Some(M::TransferTarget),
                Some(M::Extension),
                Some(M::Supervision),
                Some(M::Facts),
                Some(M::Reply),
                Some(M::Archived),
                Some(M::Reminder),
                Some(M::NoFurther),
            ],
        ),
        (
            "declined",
            [
                Some(M::Acceptance),
                ok,
                Some(M::TransferTarget),
                Some(M::Extension),
                Some(M::Supervision),
                Some(M::Facts),
                Some(M::Reply),
                Some(M::Archived),
                Some(M::Reminder),
                Some(M::NoFurther),
            ],
        ),
        (
            "passed_on",
            [
                Some(M::Acceptance),
                Some(M::DeclineDecision),
                ok,
                Some(M::Extension),
                Some(M::Supervision),
                Some(M::Facts),
                Some(M::Reply),
                Some(M::Archived),
                Some(M::Reminder),
                Some(M::NoFurther),
            ],
        ),
        (
            "assigned",
            [
                ok,
                Some(M::DeclineDecision),
                ok,
                Some(M::Extension),
                Some(M::Supervision),
                Some(M::Facts),
                Some(M::Reply),
                Some(M::Archived),
                Some(M::Reminder),
                Some(M::NoFurther),
            ],
        ),
        (
            "approved",
            [
                ok,
                Some(M::DeclineDecision),
                ok,
                Some(M::Extension),
                Some(M::Supervision),
                Some(M::Outcome),
                Some(M::Reply),
                Some(M::Archived),
                Some(M::Reminder),
                Some(M::NoFurther),
            ],
        ),
        (
            "replied",
            [
                ok,
                Some(M::DeclineDecision),
                ok,
                Some(M::Extension),
                Some(M::Supervision),
                ok,
                ok,
                Some(M::Archived),
                Some(M::Reminder),
                Some(M::NoFurther),
            ],
        ),
        (
            "archived",
            [
                ok,
                Some(M::DeclineDecision),
                ok,
                Some(M::Extension),
                Some(M::Supervision),
                ok,
                ok,
                ok,
                Some(M::Reminder),
                Some(M::NoFurther),
            ],
        ),
    ];
    let cases = fixtures(&o);
    for (state, expected) in table {
        let case = &cases.iter().find(|(n, _)| *n == state).unwrap().1;
        for (kind, want) in DocKind::ALL.into_iter().zip(expected) {
            let got = prepare(case, &input(kind), &o.rules()).err();
            assert_eq!(got, want, "{state} / {}", kind.code());
        }
    }
}

#[test]
fn the_reply_states_request_facts_outcome_basis_and_the_review_route() {
    let o = Office0::new();
    let cases = fixtures(&o);
    let replied = &cases.iter().find(|(n, _)| *n == "replied").unwrap().1;
    let mut i = input(DocKind::Reply);
    i.basis = Some("  ".into());
    assert_eq!(prepare(replied, &i, &o.rules()), Err(Missing::Basis));
    let mut i = input(DocKind::Reply);
    i.review_organ = None;
    assert_eq!(prepare(replied, &i, &o.rules()), Err(Missing::ReviewOrgan));
    let mut no_request = replied.clone();
    no_request.intake.request = String::new();
    assert_eq!(
        prepare(&no_request, &input(DocKind::Reply), &o.rules()),
        Err(Missing::Request)
    );
    // The 复查 window is the policy's (Art 35: 30 days).
    let content = prepare(replied, &input(DocKind::Reply), &o.rules()).unwrap();
    let body = serde_json::to_value(&content).unwrap();
    assert_eq!(body["review_days"], 30);
    assert_eq!(body["outcome"], "support");
}

#[test]
fn a_notice_needs_a_name_to_address_and_an_acceptance_a_route() {
    let o = Office0::new();
    let cases = fixtures(&o);
    let reg = &cases.iter().find(|(n, _)| *n == "registered").unwrap().1;
    let mut anonymous = reg.clone();
    anonymous.intake.anonymous = true;
    for kind in [
        DocKind::Accept,
        DocKind::Decline,
        DocKind::Extension,
        DocKind::Reply,
    ] {
        assert_eq!(
            prepare(&anonymous, &input(kind), &o.rules()),
            Err(Missing::Addressee),
            "{}",
            kind.code()
        );
    }
    let mut untyped = reg.clone();
    untyped.intake.handling_type = None;
    assert_eq!(
        prepare(&untyped, &input(DocKind::Accept), &o.rules()),
        Err(Missing::HandlingRoute)
    );
}

#[test]
fn issuing_is_the_offices_and_leaves_a_numbered_entry_for_the_store() {
    let o = Office0::new();
    let cases = fixtures(&o);
    let reg = &cases.iter().find(|(n, _)| *n == "registered").unwrap().1;
    let cmd = Command::Issue(Box::new(input(DocKind::Accept)));
    let t1 = o.apply(Some(reg), &cmd, "李娜", t(2)).unwrap();
    assert_eq!(t1.case.documents.len(), 1);
    assert_eq!(t1.case.documents[0].kind, DocKind::Accept);
    assert!(t1.document.is_some());
    assert_eq!(t1.case.state, State::Registered);
    // A handler does not issue the office's documents.
    assert!(matches!(
        o.apply(Some(reg), &cmd, "王强", t(2)),
        Err(WorkflowError::RoleRequired { .. })
    ));
    // A refusal names the kind and the part.
    let e = o
        .apply(
            Some(reg),
            &Command::Issue(Box::new(input(DocKind::Extension))),
            "李娜",
            t(2),
        )
        .unwrap_err();
    assert_eq!(
        e,
        WorkflowError::DocumentIncomplete {
            kind: DocKind::Extension,
            missing: Missing::Extension
        }
    );
}
