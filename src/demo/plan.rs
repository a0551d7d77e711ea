//! One demo case: what the clerk records at intake. The later history of
//! the case is planned in `flow`.

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime};
use rand::Rng;
use rand::rngs::StdRng;
use rand::SeedableRng;

use super::clock::Clock;
use super::people::{Brings, Person, Places, surname};
use super::staff::CLERKS;
use super::text::{self, Topic, fill, pick};
use crate::config::Office;
use crate::domain::case::Referral;
use crate::domain::command::{Command, IntakeInput};
use crate::domain::policy::ClockRule;
use crate::domain::types::{Channel, HandlingType, Urgency};

/// How often each category comes in (城乡建设 and 劳动社保 lead, as in the
/// seeds' 信访情况分析报告).
const CATEGORY_WEIGHTS: [(&str, u32); 18] = [
    ("城乡建设", 22),
    ("劳动社保", 15),
    ("民政", 10),
    ("国土资源水利林业", 10),
    ("农村农业", 9),
    ("交通能源环保", 7),
    ("教育", 5),
    ("卫生计生", 4),
    ("政法", 4),
    ("纪检监察", 3),
    ("商贸旅游", 3),
    ("经济综合", 3),
    ("其他", 2),
    ("组织人事", 1),
    ("政治综合", 1),
    ("科技文体", 1),
    ("宣传舆论", 1),
    ("信息产业", 1),
];

/// visit 35 · letter 25 · phone 15 · online 15 · email 5 · referral 5.
const CHANNEL_WEIGHTS: [(Channel, u32); 6] = [
    (Channel::Visit, 35),
    (Channel::Letter, 25),
    (Channel::Phone, 15),
    (Channel::Online, 15),
    (Channel::Email, 5),
    (Channel::Referral, 5),
];

/// Representatives of a group visit: 1 to 7, more than 5 now and then.
const REPRESENTATIVES: [u32; 7] = [10, 15, 25, 15, 20, 8, 7];

pub fn weighted(rng: &mut StdRng, weights: &[u32]) -> usize {
    let total: u32 = weights.iter().sum();
    let mut x = rng.random_range(0..total.max(1));
    for (i, w) in weights.iter().enumerate() {
        if x < *w {
            return i;
        }
        x -= w;
    }
    weights.len().saturating_sub(1)
}

/// A step of a case's history after intake.
#[derive(Debug, Clone)]
pub struct Step {
    pub command: Command,
    pub actor: &'static str,
    pub at: NaiveDateTime,
}

pub struct Plan {
    pub intake: IntakeInput,
    pub actor: &'static str,
    pub at: NaiveDateTime,
    pub steps: Vec<Step>,
}

/// A case a petitioner may come back to (重复信访).
pub struct Earlier {
    pub id: i64,
    pub person: Person,
    pub topic: usize,
    pub places: Places,
    pub target: Option<String>,
    pub received: NaiveDate,
    pub links: Vec<i64>,
    /// When it was replied to, if it was before `now`.
    pub replied: Option<NaiveDateTime>,
}

/// What the later history needs to know about the case.
pub struct Facts<'p> {
    pub topic: usize,
    pub places: &'p Places,
    pub anonymous: bool,
    pub group: bool,
    pub repeat_of_open: bool,
    pub major: bool,
    pub accusation: bool,
    pub channel: Channel,
    pub target: Option<&'p str>,
    pub target_person: Option<&'p str>,
}

pub struct Planner<'a> {
    pub rng: StdRng,
    pub clock: Clock<'a>,
    pub topics: Vec<Topic>,
    pub handle_rule: Option<&'a ClockRule>,
    /// Category weights and the topics of each category.
    categories: Vec<(u32, Vec<usize>)>,
    earlier: Vec<Earlier>,
}

impl<'a> Planner<'a> {
    /// None when the office knows none of the demo's categories.
    pub fn new(office: &'a Office, now: NaiveDateTime, seed: u64) -> Option<Planner<'a>> {
        let topics: Vec<Topic> = text::topics()
            .into_iter()
            .filter(|t| office.categories.iter().any(|c| c == t.category))
            .collect();
        let categories: Vec<(u32, Vec<usize>)> = CATEGORY_WEIGHTS
            .iter()
            .map(|(c, w)| {
                let of: Vec<usize> = (0..topics.len()).filter(|&i| topics[i].category == *c).collect();
                (*w, of)
            })
            .filter(|(_, of)| !of.is_empty())
            .collect();
        if categories.is_empty() {
            return None;
        }
        Some(Planner {
            rng: StdRng::seed_from_u64(seed),
            clock: Clock::new(&office.calendar, now),
            topics,
            handle_rule: office.policy.clock("handle"),
            categories,
            earlier: Vec::new(),
        })
    }

    /// When and how each of `n` petitions came in, oldest first.
    pub fn receipts(&mut self, n: usize) -> Vec<(NaiveDateTime, Channel)> {
        let weights: Vec<u32> = CHANNEL_WEIGHTS.iter().map(|(_, w)| *w).collect();
        let mut out: Vec<(NaiveDateTime, Channel)> = (0..n)
            .map(|_| {
                let channel = CHANNEL_WEIGHTS[weighted(&mut self.rng, &weights)].0;
                (self.clock.received(&mut self.rng, channel), channel)
            })
            .collect();
        out.sort_by_key(|r| r.0);
        out
    }

    fn topic_for(&mut self, received: NaiveDateTime) -> usize {
        // Before the Spring Festival unpaid wages pile up (拖欠工资).
        if matches!(received.month(), 12 | 1)
            && self.rng.random_bool(0.15)
            && let Some(i) = self.topics.iter().position(|t| t.name == "拖欠工资")
        {
            return i;
        }
        let weights: Vec<u32> = self.categories.iter().map(|(w, _)| *w).collect();
        let of = &self.categories[weighted(&mut self.rng, &weights)].1;
        of[self.rng.random_range(0..of.len())]
    }

    /// Plans case `id` (the `index`-th of the run) received at `received`.
    pub fn plan(&mut self, index: usize, id: i64, channel: Channel, received: NaiveDateTime) -> Plan {
        let rng = &mut self.rng;
        let year = self.clock.today().year();
        let repeat = (!self.earlier.is_empty() && rng.random_bool(0.15)).then(|| {
            let window = self.earlier.len().min(2000);
            self.earlier.len() - 1 - rng.random_range(0..window)
        });
        let (topic, places, mut target) = match repeat {
            Some(e) => {
                let e = &self.earlier[e];
                (e.topic, e.places, e.target.clone())
            }
            None => {
                let topic = self.topic_for(received);
                let places = Places::random(&mut self.rng);
                (topic, places, None)
            }
        };
        let rng = &mut self.rng;
        let t = &self.topics[topic];
        let accusation = t.kind == HandlingType::Accusation;
        let anonymous = repeat.is_none()
            && match channel {
                Channel::Letter => rng.random_bool(if accusation { 0.45 } else { 0.06 }),
                Channel::Online => accusation && rng.random_bool(0.1),
                _ => false,
            };
        let group = channel == Channel::Visit && repeat.is_none() && rng.random_bool(0.23);
        let brings = match channel {
            Channel::Visit => Brings { id: 0.92, phone: 0.95, address: 0.9 },
            Channel::Letter => Brings { id: 0.2, phone: 0.6, address: 0.9 },
            Channel::Phone => Brings { id: 0.1, phone: 1.0, address: 0.4 },
            Channel::Online => Brings { id: 0.7, phone: 1.0, address: 0.6 },
            Channel::Email => Brings { id: 0.2, phone: 0.5, address: 0.3 },
            Channel::Referral => Brings { id: 0.5, phone: 0.8, address: 0.7 },
        };
        let rural = t.rural();
        let mut petitioners = Vec::new();
        let mut people = None;
        let main = match repeat {
            Some(e) => Some(self.earlier[e].person.clone()),
            None if anonymous => None,
            None => Some(Person::random(rng, &places, rural, brings)),
        };
        if let Some(p) = &main {
            petitioners.push(p.petitioner(true, group));
        }
        if group {
            let reps = weighted(rng, &REPRESENTATIVES) + 1;
            for _ in 1..reps {
                petitioners.push(Person::random(rng, &places, rural, brings).petitioner(false, true));
            }
            people = Some(rng.random_range(5..=40u32).max(reps as u32));
        } else if channel == Channel::Visit && !petitioners.is_empty() && rng.random_bool(0.1) {
            // A relative comes along.
            let mut companion = Person::random(rng, &places, rural, brings);
            companion.address = main.as_ref().and_then(|m| m.address.clone());
            petitioners.push(companion.petitioner(false, false));
            people = Some(2);
        }
        if target.is_none() && !t.targets.is_empty() && (accusation || rng.random_bool(0.75)) {
            let mut s = String::with_capacity(48);
            fill(&mut s, pick(rng, &t.targets), &places, year, rng);
            target = Some(s);
        }
        let target_person = (t.person && rng.random_bool(0.5)).then(|| {
            let mut s = String::with_capacity(9);
            s.push(surname(rng));
            s.push_str(if rng.random_bool(0.6) { "某" } else { "某某" });
            s
        });
        // The summary: how it came in, the matter, perhaps a detail.
        let mut summary = String::with_capacity(600);
        let opening = match channel {
            _ if anonymous => pick(rng, &text::OPENINGS_ANONYMOUS),
            _ if group => pick(rng, &text::OPENINGS_GROUP),
            Channel::Visit => pick(rng, &text::OPENINGS_VISIT),
            Channel::Letter => pick(rng, &text::OPENINGS_LETTER),
            Channel::Phone => pick(rng, &text::OPENINGS_PHONE),
            Channel::Online => pick(rng, &text::OPENINGS_ONLINE),
            Channel::Email => pick(rng, &text::OPENINGS_EMAIL),
            Channel::Referral => pick(rng, &text::OPENINGS_REFERRAL),
        };
        fill(&mut summary, opening, &places, year, rng);
        let mut links = Vec::new();
        let mut repeat_of_open = false;
        if let Some(e) = repeat {
            let e = &self.earlier[e];
            summary.push_str(&format!(
                "信访人曾于{}年{}月就同一问题反映（见关联件），",
                e.received.year(),
                e.received.month()
            ));
            let keep = e.links.len().saturating_sub(2);
            links.extend_from_slice(&e.links[keep..]);
            links.push(e.id);
            repeat_of_open = e.replied.is_none_or(|r| r > received);
        }
        fill(&mut summary, pick(rng, &t.summaries), &places, year, rng);
        if summary.chars().count() < 120 || rng.random_bool(0.3) {
            summary.push_str(pick(rng, &text::DETAILS));
        }
        let mut request = String::with_capacity(160);
        fill(&mut request, pick(rng, &t.requests), &places, year, rng);
        let mut location = String::with_capacity(60);
        fill(&mut location, t.location, &places, year, rng);
        let major = (group && rng.random_bool(0.3)) || rng.random_bool(0.012);
        let confidential = if accusation { rng.random_bool(0.6) } else { rng.random_bool(0.02) };
        let contact_person = main.as_ref();
        let (mut postmark, mut letter_no, mut contact, mut referral) = (None, None, None, None);
        match channel {
            Channel::Letter => {
                postmark = received.date().checked_sub_days(Days::new(rng.random_range(1..6)));
                letter_no = Some(format!("XF{}{:05}", received.year(), index + 1));
            }
            Channel::Phone => {
                contact = contact_person.and_then(|p| p.phone.clone()).or_else(|| {
                    Some(format!("0571-8{:07}", rng.random_range(0..10_000_000u32)))
                });
            }
            Channel::Email => {
                let domain = pick(rng, &["qq.com", "163.com", "126.com", "sina.com"]);
                contact = Some(format!("{}@{domain}", rng.random_range(10_000_000..3_000_000_000u64)));
            }
            Channel::Online => {
                contact = Some(format!("WS{}{:07}", received.year(), rng.random_range(0..10_000_000u32)));
            }
            Channel::Referral => {
                let (body, abbr) = [("市信访局", "市信转"), ("省信访局", "省信转"), ("市长热线办公室", "热线转"), ("市委督查室", "督交")]
                    [rng.random_range(0..4)];
                referral = Some(Referral {
                    body: body.to_owned(),
                    doc_no: Some(format!("{abbr}〔{}〕{}号", received.year(), rng.random_range(1..2000))),
                    deadline: received.date().checked_add_days(Days::new(30)),
                });
            }
            Channel::Visit => {}
        }
        let intake = IntakeInput {
            channel,
            received_at: Some(super::fixed(received, self.clock.offset)),
            receiver: None,
            postmark,
            letter_no,
            contact,
            referral,
            petitioners,
            people,
            anonymous,
            confidential,
            category: t.category.to_owned(),
            handling_type: Some(t.kind),
            target: target.clone(),
            target_person,
            location: Some(location),
            summary,
            request,
            urgency: if major { Urgency::Major } else { Urgency::Normal },
            links: links.clone(),
        };
        let actor = CLERKS[self.rng.random_range(0..CLERKS.len())];
        let at = match channel {
            Channel::Online | Channel::Email => self.clock.at_office(&mut self.rng, received),
            _ => received,
        };
        let facts = Facts {
            topic,
            places: &places,
            anonymous,
            group,
            repeat_of_open,
            major,
            accusation,
            channel,
            target: intake.target.as_deref(),
            target_person: intake.target_person.as_deref(),
        };
        let (steps, replied) = self.history(&facts, at);
        if let Some(person) = main {
            self.earlier.push(Earlier {
                id,
                person,
                topic,
                places,
                target,
                received: received.date(),
                links,
                replied,
            });
        }
        Plan { intake, actor, at, steps }
    }
}
