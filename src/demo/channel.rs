//! What depends on how a petition came in: what the petitioner brings
//! along, how the clerk opens the summary, and the letter, call, e-mail,
//! online or referral particulars.

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime};
use rand::Rng;
use rand::rngs::StdRng;

use super::people::Brings;
use super::text::pick;
use crate::domain::case::Referral;
use crate::domain::types::Channel;

/// How the clerk opens the summary, by channel and crowd.
pub const OPENINGS_VISIT: [&str; 3] = [
    "信访人来访反映：",
    "信访人到信访接待大厅反映：",
    "信访人当面反映：",
];
pub const OPENINGS_GROUP: [&str; 2] =
    ["{人数}名群众集体来访反映：", "群众集体来访，推选代表反映："];
pub const OPENINGS_LETTER: [&str; 2] = ["信访人来信反映：", "来信反映："];
pub const OPENINGS_ANONYMOUS: [&str; 2] = ["匿名来信反映：", "匿名信件举报："];
pub const OPENINGS_PHONE: [&str; 2] = ["信访人来电反映：", "信访人致电反映："];
pub const OPENINGS_ONLINE: [&str; 2] = ["信访人通过网上信访平台反映：", "网上信访件："];
pub const OPENINGS_EMAIL: [&str; 1] = ["信访人发送电子邮件反映："];
pub const OPENINGS_REFERRAL: [&str; 2] = ["上级机关转送：", "上级交办件："];

/// How likely an ID number, a phone and an address are given.
pub fn brings(channel: Channel) -> Brings {
    let (id, phone, address) = match channel {
        Channel::Visit => (0.92, 0.95, 0.9),
        Channel::Letter => (0.2, 0.6, 0.9),
        Channel::Phone => (0.1, 1.0, 0.4),
        Channel::Online => (0.7, 1.0, 0.6),
        Channel::Email => (0.2, 0.5, 0.3),
        Channel::Referral => (0.5, 0.8, 0.7),
    };
    Brings { id, phone, address }
}

/// How the clerk starts the summary.
pub fn opening(rng: &mut StdRng, channel: Channel, anonymous: bool, group: bool) -> &'static str {
    match channel {
        _ if anonymous => pick(rng, &OPENINGS_ANONYMOUS),
        _ if group => pick(rng, &OPENINGS_GROUP),
        Channel::Visit => pick(rng, &OPENINGS_VISIT),
        Channel::Letter => pick(rng, &OPENINGS_LETTER),
        Channel::Phone => pick(rng, &OPENINGS_PHONE),
        Channel::Online => pick(rng, &OPENINGS_ONLINE),
        Channel::Email => pick(rng, &OPENINGS_EMAIL),
        Channel::Referral => pick(rng, &OPENINGS_REFERRAL),
    }
}

#[derive(Debug, Default)]
pub struct Extras {
    pub postmark: Option<NaiveDate>,
    pub letter_no: Option<String>,
    pub contact: Option<String>,
    pub referral: Option<Referral>,
}

const REFERRERS: [(&str, &str); 4] = [
    ("市信访局", "市信转"),
    ("省信访局", "省信转"),
    ("市长热线办公室", "热线转"),
    ("市委督查室", "督交"),
];

/// Postmark and letter number, caller number, e-mail address, online
/// reference, or the referring body and its document.
pub fn extras(
    rng: &mut StdRng,
    channel: Channel,
    received: NaiveDateTime,
    index: usize,
    phone: Option<&str>,
) -> Extras {
    let year = received.year();
    let mut x = Extras::default();
    match channel {
        Channel::Letter => {
            let days = Days::new(rng.random_range(1..6));
            x.postmark = received.date().checked_sub_days(days);
            x.letter_no = Some(format!("XF{year}{:05}", index + 1));
        }
        Channel::Phone => {
            x.contact = Some(match phone {
                Some(p) => p.to_owned(),
                None => format!("0571-8{:07}", rng.random_range(0..10_000_000u32)),
            });
        }
        Channel::Email => {
            let domain = pick(rng, &["qq.com", "163.com", "126.com", "sina.com"]);
            let user = rng.random_range(10_000_000..3_000_000_000u64);
            x.contact = Some(format!("{user}@{domain}"));
        }
        Channel::Online => {
            x.contact = Some(format!("WS{year}{:07}", rng.random_range(0..10_000_000u32)));
        }
        Channel::Referral => {
            let (body, abbr) = REFERRERS[rng.random_range(0..REFERRERS.len())];
            let no = rng.random_range(1..2000);
            x.referral = Some(Referral {
                body: body.to_owned(),
                doc_no: Some(format!("{abbr}〔{year}〕{no}号")),
                deadline: received.date().checked_add_days(Days::new(30)),
            });
        }
        Channel::Visit => {}
    }
    x
}
