//! One demo case: what the clerk records at intake. The later history of
//! the case is planned in `flow`.

use chrono::{Datelike, FixedOffset, NaiveDateTime};
use rand::Rng;
use rand::SeedableRng;
use rand::rngs::StdRng;

use super::channel;
use super::clock::Clock;
use super::people::{Person, Places, surname};
use super::staff::CLERKS;
use super::text::{self, Topic, fill, pick};
use crate::config::Office;
use crate::domain::case::Petitioner;
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

/// visit 35 · letter 25 · phone 15 · online 15 · email 5 · referral 5. In this order, not
/// `Channel::ALL`'s: the draws of a seed depend on it (a test checks every channel is here).
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
    pub received_at: NaiveDateTime,
    pub links: Vec<i64>,
    /// When it was replied to, if it was before `now`.
    pub replied: Option<NaiveDateTime>,
}

/// What the later history needs to know about the case.
pub struct Facts<'p> {
    pub topic: usize,
    pub anonymous: bool,
    pub group: bool,
    /// The petitioner came before with the same matter.
    pub repeat: bool,
    /// ... and that case had not been replied to yet.
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
    /// The topics of each category, and how often each category comes.
    categories: Vec<Vec<usize>>,
    category_weights: Vec<u32>,
    earlier: Vec<Earlier>,
}

impl<'a> Planner<'a> {
    /// None when the office knows none of the demo's categories.
    pub fn new(office: &'a Office, now: NaiveDateTime, seed: u64) -> Option<Planner<'a>> {
        let topics: Vec<Topic> = text::topics()
            .into_iter()
            .filter(|t| office.categories.iter().any(|c| c == t.category))
            .collect();
        let (categories, category_weights): (Vec<Vec<usize>>, Vec<u32>) = CATEGORY_WEIGHTS
            .iter()
            .map(|(c, w)| {
                let of: Vec<usize> = (0..topics.len())
                    .filter(|&i| topics[i].category == *c)
                    .collect();
                (of, *w)
            })
            .filter(|(of, _)| !of.is_empty())
            .unzip();
        if categories.is_empty() {
            return None;
        }
        Some(Planner {
            rng: StdRng::seed_from_u64(seed),
            clock: Clock::new(&office.calendar, now, office.policy.utc_offset),
            topics,
            handle_rule: office.policy.clock("handle"),
            categories,
            category_weights,
            earlier: Vec::new(),
        })
    }

    /// When and how each of `n` petitions came in, oldest first. A few
    /// extra fall in the last two weeks, so that even a small demo opens on
    /// a queue with fresh items in every state.
    pub fn receipts(&mut self, n: usize) -> Vec<(NaiveDateTime, Channel)> {
        let weights: Vec<u32> = CHANNEL_WEIGHTS.iter().map(|(_, w)| *w).collect();
        let fresh = (n / 10).min(15);
        let mut out: Vec<(NaiveDateTime, Channel)> = (0..n)
            .map(|i| {
                let channel = CHANNEL_WEIGHTS[weighted(&mut self.rng, &weights)].0;
                let at = self.clock.received(&mut self.rng, channel, i < fresh);
                (at, channel)
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
        let of = &self.categories[weighted(&mut self.rng, &self.category_weights)];
        of[self.rng.random_range(0..of.len())]
    }

    /// Plans case `id` (the `index`-th of the run) received at `received`. The draws from
    /// the seeded generator come in a fixed order (the demo is the same for the same seed):
    /// the parts below are called in that order.
    pub fn plan(
        &mut self,
        index: usize,
        id: i64,
        channel: Channel,
        received: NaiveDateTime,
    ) -> Plan {
        let year = self.clock.today().year();
        let repeat = self.repeat_of(received);
        let (topic, places, target) = match repeat {
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
        let earlier = repeat.map(|e| &self.earlier[e]);
        let t = &self.topics[topic];
        let rng = &mut self.rng;
        let comers = Comers::draw(rng, t, channel, earlier, &places);
        let (target, target_person) = targets(rng, t, target, &places, year);
        let told = Told::draw(rng, t, channel, &comers, earlier, &places, (received, year));
        let matter = Matter {
            topic: t,
            target,
            target_person,
            told,
        };
        let form = Form {
            index,
            channel,
            received,
            offset: self.clock.offset,
        };
        let intake = intake(rng, &form, &comers, matter);
        let actor = CLERKS[self.rng.random_range(0..CLERKS.len())];
        let at = match channel {
            Channel::Online | Channel::Email => self.clock.at_office(&mut self.rng, received),
            Channel::Visit | Channel::Letter | Channel::Phone | Channel::Referral => received,
        };
        let facts = Facts {
            topic,
            anonymous: comers.anonymous,
            group: comers.group,
            repeat: repeat.is_some(),
            repeat_of_open: intake.1,
            major: intake.0.urgency == Urgency::Major,
            accusation: self.topics[topic].kind == HandlingType::Accusation,
            channel,
            target: intake.0.target.as_deref(),
            target_person: intake.0.target_person.as_deref(),
        };
        let (steps, replied) = self.history(&facts, at);
        let (intake, _) = intake;
        if let Some(person) = comers.main {
            self.earlier.push(Earlier {
                id,
                person,
                topic,
                places,
                target: intake.target.clone(),
                received_at: received,
                links: intake.links.clone(),
                replied,
            });
        }
        Plan {
            intake,
            actor,
            at,
            steps,
        }
    }

    /// Whether this petitioner came before, and with which earlier case (an index into
    /// `earlier`). A repeat petitioner comes back a week to a year later, usually within a
    /// few months: the earlier case received about then.
    fn repeat_of(&mut self, received: NaiveDateTime) -> Option<usize> {
        let rng = &mut self.rng;
        (!self.earlier.is_empty() && rng.random_bool(0.15)).then(|| {
            let u: f64 = rng.random();
            let gap = chrono::Duration::days(7 + (u * u * 358.0) as i64);
            let since = self
                .earlier
                .partition_point(|e| e.received_at < received - gap);
            let last = self.earlier.len() - 1;
            if since == 0 {
                // The gap reaches back before the history: anyone earlier.
                rng.random_range(0..=last)
            } else {
                (since + rng.random_range(0..20)).min(last)
            }
        })
    }
}

/// When and how the case came in, the `index`-th of the run.
struct Form {
    index: usize,
    channel: Channel,
    received: NaiveDateTime,
    offset: FixedOffset,
}

/// The intake form as the clerk fills it in, and whether the case repeats one not yet
/// replied to.
fn intake(rng: &mut StdRng, form: &Form, comers: &Comers, matter: Matter) -> (IntakeInput, bool) {
    let Form {
        index,
        channel,
        received,
        offset,
    } = *form;
    let t = matter.topic;
    let accusation = t.kind == HandlingType::Accusation;
    let major = (comers.group && rng.random_bool(0.3)) || rng.random_bool(0.012);
    let confidential = if accusation {
        rng.random_bool(0.6)
    } else {
        rng.random_bool(0.02)
    };
    let phone = comers.main.as_ref().and_then(|p| p.phone.as_deref());
    let extras = channel::extras(rng, channel, received, index, phone);
    let told = matter.told;
    let intake = IntakeInput {
        channel,
        received_at: Some(super::fixed(received, offset)),
        receiver: None,
        postmark: extras.postmark,
        letter_no: extras.letter_no,
        contact: extras.contact,
        referral: extras.referral,
        petitioners: comers.petitioners.clone(),
        people: comers.people,
        anonymous: comers.anonymous,
        confidential,
        category: t.category.to_owned(),
        handling_type: Some(t.kind),
        target: matter.target,
        target_person: matter.target_person,
        location: Some(told.location),
        summary: told.summary,
        request: told.request,
        urgency: if major {
            Urgency::Major
        } else {
            Urgency::Normal
        },
        links: told.links,
        origin: None,
    };
    (intake, told.repeat_of_open)
}

/// Who came: anonymous or not, a group or not, the main petitioner (the earlier one's, for a
/// repeat), everyone recorded and the head count when it is more than the petitioners.
struct Comers {
    anonymous: bool,
    group: bool,
    main: Option<Person>,
    petitioners: Vec<Petitioner>,
    people: Option<u32>,
}

impl Comers {
    fn draw(
        rng: &mut StdRng,
        t: &Topic,
        channel: Channel,
        repeat: Option<&Earlier>,
        places: &Places,
    ) -> Comers {
        let accusation = t.kind == HandlingType::Accusation;
        let anonymous = repeat.is_none()
            && match channel {
                Channel::Letter => rng.random_bool(if accusation { 0.45 } else { 0.06 }),
                Channel::Online => accusation && rng.random_bool(0.1),
                Channel::Visit | Channel::Phone | Channel::Email | Channel::Referral => false,
            };
        let group = channel == Channel::Visit && repeat.is_none() && rng.random_bool(0.27);
        let brings = channel::brings(channel);
        let rural = t.rural();
        let mut petitioners = Vec::new();
        let mut people = None;
        let main = match repeat {
            Some(e) => Some(e.person.clone()),
            None if anonymous => None,
            None => Some(Person::random(rng, places, rural, brings)),
        };
        if let Some(p) = &main {
            petitioners.push(p.petitioner(true, group));
        }
        if group {
            let reps = weighted(rng, &REPRESENTATIVES) + 1;
            for _ in 1..reps {
                petitioners
                    .push(Person::random(rng, places, rural, brings).petitioner(false, true));
            }
            people = Some(rng.random_range(5..=40u32).max(reps as u32));
        } else if channel == Channel::Visit && !petitioners.is_empty() && rng.random_bool(0.1) {
            // A relative comes along.
            let mut companion = Person::random(rng, places, rural, brings);
            companion.address = main.as_ref().and_then(|m| m.address.clone());
            petitioners.push(companion.petitioner(false, false));
            people = Some(2);
        }
        Comers {
            anonymous,
            group,
            main,
            petitioners,
            people,
        }
    }
}

/// The unit complained about (kept from the earlier case of a repeat) and, at times, a
/// person named in it.
fn targets(
    rng: &mut StdRng,
    t: &Topic,
    mut target: Option<String>,
    places: &Places,
    year: i32,
) -> (Option<String>, Option<String>) {
    let accusation = t.kind == HandlingType::Accusation;
    if target.is_none() && !t.targets.is_empty() && (accusation || rng.random_bool(0.75)) {
        let mut s = String::with_capacity(48);
        fill(&mut s, pick(rng, &t.targets), places, year, rng);
        target = Some(s);
    }
    let target_person = (t.person && rng.random_bool(0.5)).then(|| {
        let mut s = String::with_capacity(9);
        s.push(surname(rng));
        s.push_str(if rng.random_bool(0.6) {
            "某"
        } else {
            "某某"
        });
        s
    });
    (target, target_person)
}

/// What the petitioner told: the summary, the request, where it happened, and the earlier
/// cases a repeat links to.
struct Told {
    summary: String,
    request: String,
    location: String,
    links: Vec<i64>,
    repeat_of_open: bool,
}

impl Told {
    /// `when` is the day received and its year (the year the texts are set in).
    fn draw(
        rng: &mut StdRng,
        t: &Topic,
        channel: Channel,
        comers: &Comers,
        repeat: Option<&Earlier>,
        places: &Places,
        (received, year): (NaiveDateTime, i32),
    ) -> Told {
        // The summary: how it came in, the matter, perhaps a detail.
        let mut summary = String::with_capacity(600);
        let opening = channel::opening(rng, channel, comers.anonymous, comers.group);
        fill(&mut summary, opening, places, year, rng);
        let mut links = Vec::new();
        let mut repeat_of_open = false;
        if let Some(e) = repeat {
            summary.push_str(&format!(
                "信访人曾于{}年{}月就同一问题反映（见关联件），",
                e.received_at.year(),
                e.received_at.month()
            ));
            let keep = e.links.len().saturating_sub(2);
            links.extend_from_slice(&e.links[keep..]);
            links.push(e.id);
            repeat_of_open = e.replied.is_none_or(|r| r > received);
        }
        fill(&mut summary, pick(rng, &t.summaries), places, year, rng);
        // One or two details, more when the matter was told briefly.
        let details = usize::from(summary.chars().count() < 120 || rng.random_bool(0.5))
            + usize::from(rng.random_bool(0.3));
        let first = rng.random_range(0..text::DETAILS.len());
        for k in 0..details {
            summary.push_str(text::DETAILS[(first + 4 * k) % text::DETAILS.len()]);
        }
        let mut request = String::with_capacity(160);
        fill(&mut request, pick(rng, &t.requests), places, year, rng);
        let mut location = String::with_capacity(60);
        fill(&mut location, t.location, places, year, rng);
        Told {
            summary,
            request,
            location,
            links,
            repeat_of_open,
        }
    }
}

/// What the case is about, as drawn for its intake.
struct Matter<'t> {
    topic: &'t Topic,
    target: Option<String>,
    target_person: Option<String>,
    told: Told,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_channel_has_a_weight_once() {
        for ch in Channel::ALL {
            let n = CHANNEL_WEIGHTS.iter().filter(|(c, _)| *c == ch).count();
            assert_eq!(n, 1, "{ch:?}");
        }
        assert_eq!(CHANNEL_WEIGHTS.len(), Channel::ALL.len());
    }
}
