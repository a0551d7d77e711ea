//! A case's steps as labelled text — the decision, the assignment, 回避, each opinion with
//! its 批示, the extension, 督办 and the reply — for the case screen and `show` alike.

use super::form::{self as f, FieldKey as K};
use super::{Lang, labels};
use crate::domain::case::Case;
use crate::domain::types::Decision;

/// One labelled value; `text` when it may run over several lines (an opinion).
pub struct Shown {
    pub key: K,
    pub value: String,
    pub text: bool,
}

fn line(key: K, value: String) -> Shown {
    Shown {
        key,
        value,
        text: false,
    }
}

/// The registration's decision in words, with its details (the ground and route of a
/// 不予受理, whom a 转送 went to, the answer given on the spot).
pub fn decision(lang: Lang, d: &Decision) -> String {
    match d {
        Decision::Accept => f::decision(lang, d.kind()).to_owned(),
        Decision::Decline { ground, route, .. } => format!(
            "{}{}{}{}{route}",
            f::decision(lang, d.kind()),
            f::colon(lang),
            labels::decline_ground(lang, *ground),
            f::semicolon(lang),
        ),
        Decision::PassOn { to, .. } => format!("{} {to}", f::decided(lang, d)),
        Decision::Answered { text } => {
            format!("{}{}{text}", f::decision(lang, d.kind()), f::colon(lang))
        }
    }
}

/// The decision, the assignment, 回避, opinions with their 批示, the extension.
pub fn handling(lang: Lang, c: &Case) -> Vec<Shown> {
    let mut out = Vec::new();
    if let Some(d) = &c.decision {
        out.push(line(K::Decision, decision(lang, &d.decision)));
        // A 不予受理's words for the petitioner, printed in its notice, shown with the case.
        if let Decision::Decline {
            note: Some(note), ..
        } = &d.decision
            && !note.trim().is_empty()
        {
            out.push(line(K::DeclineNote, note.clone()));
        }
    }
    if let Some(a) = &c.assignment {
        let mut s = format!("{} / {}", a.department, a.handler);
        if let Some(l) = &a.owner_leader {
            s.push_str(&format!("  {} {l}", f::label(lang, K::Leader)));
        }
        out.push(line(K::Department, s));
    }
    for r in &c.recusals {
        out.push(line(
            K::Recusal,
            format!("{}{}{}", r.handler, f::colon(lang), r.reason),
        ));
    }
    // Each opinion followed by the 批示 on it (one to one, in order), so a return reads
    // against the opinion it returned and not the revised one after it.
    for (n, o) in c.opinions.iter().enumerate() {
        let draft = match n {
            0 => String::new(),
            n => super::timeline::draft(lang, n + 1),
        };
        out.push(Shown {
            key: K::Opinion,
            value: format!("{draft}{}（{}）", o.text, o.stamp.by),
            text: true,
        });
        if let Some(i) = c.instructions.get(n) {
            let verdict = f::approve(lang, i.approve);
            let said = format!("{verdict} {}（{}）", i.text, i.stamp.by);
            out.push(line(K::Approve, said.replace("  ", " ")));
        }
    }
    for r in &c.readings {
        out.push(Shown {
            key: K::Reading,
            value: format!("{}（{}）", r.text, r.stamp.by),
            text: true,
        });
    }
    if let Some(r) = c.extension_asked() {
        let asked = super::desk::waits_extension(lang, r.days, &r.reason);
        out.push(line(K::Extension, format!("{asked}（{}）", r.stamp.by)));
    }
    if let Some(e) = &c.extension {
        let mut s = format!("+{} {}", e.days, e.reason);
        if let Some(superior) = e.past_superior_due {
            s.push_str(&format!("（{}）", labels::past_superior(lang, superior)));
        }
        out.push(line(K::Extension, s));
    }
    out
}

/// Each 督办 with its ground and feedback date.
pub fn supervisions(lang: Lang, c: &Case) -> Vec<Shown> {
    (c.supervisions.iter())
        .map(|s| {
            line(
                K::Supervision,
                format!(
                    "{} {}（{} {}）",
                    labels::supervise_ground(lang, s.ground),
                    s.text,
                    f::label(lang, K::FeedbackBy),
                    s.feedback_by
                ),
            )
        })
        .collect()
}

/// The reply: its outcome, text, how and when it was served.
pub fn reply(lang: Lang, c: &Case) -> Option<Shown> {
    let r = c.reply.as_ref()?;
    let outcome = r.outcome.map_or("", |o| labels::outcome(lang, o));
    let said = format!(
        "{outcome} {}（{} {}）",
        r.text,
        labels::service(lang, r.method),
        r.served_at
    );
    Some(line(K::ReplyText, said.trim_start().to_owned()))
}
