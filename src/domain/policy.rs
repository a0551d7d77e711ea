//! The office's time-limit policy: which clocks run on a case, from which event, for how long.
//!
//! The defaults (`assets/policy.toml`) encode the 2022《信访工作条例》; an office overrides any
//! part with a partial TOML file ([`Policy::with_override`]). Day counting is in
//! [`crate::domain::deadline`].

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::round::RoundPeriod;
use super::types::{Channel, Level};

const BUILTIN_POLICY: &str = include_str!("../../assets/policy.toml");

/// 评查's checklist when the office sets none, each item after the 2022《信访工作条例》:
/// 受理及时 (第二十二条: 15日内受理或转送交办), 告知规范 (第二十三条: 书面告知), 办理到位
/// (第二十七条: 依法按政策及时就地解决; 第三十四条: 60日内办结), 答复规范 (第三十一条第六项、
/// 第三十二条: 出具载明请求、事实和理由、处理意见及其依据的信访处理意见书), 群众满意
/// (第三十七条: 化解息诉; the return visit).
pub const DEFAULT_EVALUATION_ITEMS: [&str; 5] =
    ["受理及时", "告知规范", "办理到位", "答复规范", "群众满意"];

/// Longest clock or extension accepted, in days (ten years): keeps day-by-day counting cheap
/// and catches a mistyped length.
pub const MAX_DAYS: u32 = 3650;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayUnit {
    Calendar,
    Working,
    /// No length: the clock is due on the date the body that passed the item down set (Art 22
    /// (三): 要求其在指定办理期限内反馈结果); `days` is 0. It runs only on a case that has one.
    Given,
}

/// The event that starts a clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockStart {
    Received,
    Accepted,
    Replied,
    /// The written reply to an accepted item served: a 复查/复核 window opens on it (Art 35–36);
    /// an item not accepted has none.
    Answered,
    /// This office 交办'd the item to another body, asking for its 办结报告 (Art 22 (三)).
    PassedOn,
}

/// The event that stops a clock; `Never` makes it a window (e.g. the 复查 window) that closes
/// on its due date and is never overdue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockStop {
    Decided,
    Replied,
    /// The 办结报告 is sent back to the body that passed the item down (Art 22 (三)).
    Reported,
    Never,
    /// The 办结报告 of an item this office 交办'd came back (Art 22 (三)).
    ReportReceived,
    /// The decision, told the petitioner in writing (Art 23 第二款): met by a decision in time
    /// whose written notice, where one is recorded, is in time too; else 书面告知逾期.
    Notified,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClockRule {
    pub key: String,
    pub label_zh: String,
    pub label_en: String,
    pub start: ClockStart,
    pub stop: ClockStop,
    pub days: u32,
    pub unit: DayUnit,
    pub roll_forward: bool,
    pub extension_cap: u32,
    /// `None`: every channel; `Some([])`: no channel (the clock is switched off).
    pub channels: Option<Vec<Channel>>,
    /// `None`: cases of every level; else only first handling, 复查 or 复核 cases as listed.
    pub levels: Option<Vec<Level>>,
    pub basis: String,
}

/// The idle desk's lock when the policy names none.
pub const DEFAULT_IDLE_LOCK_MINUTES: u32 = 15;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    pub utc_offset: FixedOffset,
    pub due_soon_working_days: u32,
    pub clocks: Vec<ClockRule>,
    /// Minutes without a key after which the desk locks and asks the
    /// operator's passphrase again (0: never; 等保 2.0 会话超时).
    pub idle_lock_minutes: u32,
    /// How often every unit reports its 矛盾纠纷排查 (seed 000: every half month).
    pub screening_round: RoundPeriod,
    /// 积案: an open case with a clock this many days past due…
    pub backlog_overdue_days: u32,
    /// …or with this many repeat petitions (重复件) attached (0: the rule is off).
    pub backlog_repeats: u32,
    /// The largest file kept with a case, in MB (附件; at most `attachment::CEILING_MB`).
    pub attachment_max_mb: u32,
    /// 初信初访一次办结: a first-time case counts as closed at once when its petitioner has not
    /// come again within this many days of the reply served (seed 002 (八) names 一次办结 and
    /// sets no window: the office's own rule).
    pub first_time_window_days: u32,
    /// 评查: the office's checklist (default `evaluation::DEFAULT_ITEMS`) and the total out of
    /// 100 a case must reach to pass (合格).
    pub evaluation_items: Vec<String>,
    pub evaluation_pass_mark: u32,
}

#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    #[error("policy file is not valid TOML, or a field is misspelt or has the wrong type: {0}")]
    Toml(#[from] Box<toml::de::Error>),
    #[error(
        "policy: `{field}` is missing; add it at the top of the file (utc_offset = \"+08:00\", due_soon_working_days = 3)"
    )]
    MissingField { field: &'static str },
    #[error(
        "policy: new clock `{key}` has no `{field}`; a new [[clock]] needs key, label_zh, label_en, start, stop, days, unit and basis"
    )]
    MissingClockField { key: String, field: &'static str },
    #[error(
        "policy: utc_offset = {value:?} is not understood; write it as \"+HH:MM\", e.g. \"+08:00\""
    )]
    BadUtcOffset { value: String },
    #[error(
        "policy: clock key {key:?} is not usable; use lower-case letters, digits and _, e.g. \"decide\""
    )]
    BadKey { key: String },
    #[error(
        "policy: clock `{key}` is listed twice; give each [[clock]] its own key (an override lists a clock once, with only the fields it changes)"
    )]
    DuplicateKey { key: String },
    #[error(
        "policy: clock `{key}`: {field} = {value} is out of range; use a whole number from {min} to {MAX_DAYS}"
    )]
    OutOfRange {
        key: String,
        field: &'static str,
        value: u32,
        min: u32,
    },
    #[error(
        "policy: clock `{key}`: channel {channel:?} is unknown; use any of {codes}, or leave `channels` out to cover all",
        codes = channel_codes()
    )]
    BadChannel { key: String, channel: String },
    #[error(
        "policy: clock `{key}` is a window (stop = \"never\") and cannot be extended; set extension_cap = 0 or remove it"
    )]
    ExtensionOnWindow { key: String },
    #[error(
        "policy: attachment_max_mb = {value} is out of range; use a whole number of MB from 1 to {ceiling}",
        ceiling = crate::domain::attachment::CEILING_MB
    )]
    AttachmentLimit { value: u32 },
}

/// A policy file as written: every field optional so the same shape reads a full policy and a
/// partial override; unknown fields are refused so that typos are reported.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPolicy {
    utc_offset: Option<String>,
    due_soon_working_days: Option<u32>,
    idle_lock_minutes: Option<u32>,
    screening_round: Option<RoundPeriod>,
    backlog_overdue_days: Option<u32>,
    backlog_repeats: Option<u32>,
    attachment_max_mb: Option<u32>,
    first_time_window_days: Option<u32>,
    evaluation_items: Option<Vec<String>>,
    evaluation_pass_mark: Option<u32>,
    #[serde(default)]
    clock: Vec<RawClock>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClock {
    key: String,
    label_zh: Option<String>,
    label_en: Option<String>,
    start: Option<ClockStart>,
    stop: Option<ClockStop>,
    days: Option<u32>,
    unit: Option<DayUnit>,
    roll_forward: Option<bool>,
    extension_cap: Option<u32>,
    channels: Option<Vec<String>>,
    levels: Option<Vec<Level>>,
    basis: Option<String>,
}

impl RawClock {
    /// The fields given here over `base` (an existing clock of the same key), or a new clock;
    /// with the first channel code that names no channel, for `validate` to report.
    fn resolve(self, base: Option<&ClockRule>) -> Result<(ClockRule, Option<String>), PolicyError> {
        let key = self.key;
        let (channels, bad_channel) = match self.channels {
            Some(codes) => {
                let bad = codes.iter().find(|c| Channel::from_code(c).is_none());
                let known = codes.iter().filter_map(|c| Channel::from_code(c));
                (Some(known.collect()), bad.cloned())
            }
            None => (base.and_then(|b| b.channels.clone()), None),
        };
        macro_rules! pick {
            ($field:ident, $default:expr) => {
                match (self.$field, base) {
                    (Some(v), _) => v,
                    (None, Some(b)) => b.$field.clone(),
                    (None, None) => $default,
                }
            };
            ($field:ident) => {
                pick!(
                    $field,
                    return Err(PolicyError::MissingClockField {
                        key,
                        field: stringify!($field),
                    })
                )
            };
        }
        let rule = ClockRule {
            label_zh: pick!(label_zh),
            label_en: pick!(label_en),
            start: pick!(start),
            stop: pick!(stop),
            days: pick!(days),
            unit: pick!(unit),
            basis: pick!(basis),
            roll_forward: pick!(roll_forward, true),
            extension_cap: pick!(extension_cap, 0),
            levels: self.levels.or_else(|| base.and_then(|b| b.levels.clone())),
            channels,
            key,
        };
        Ok((rule, bad_channel))
    }
}

impl Policy {
    /// The default policy, `assets/policy.toml` (`builtin_policy_parses` checks it).
    pub fn builtin() -> Policy {
        Policy::from_toml(BUILTIN_POLICY).expect("embedded policy.toml is valid")
    }

    /// A complete policy: top-level fields and every field of each clock are required, except
    /// `roll_forward` (default true), `extension_cap` (default 0) and `channels` (default all).
    pub fn from_toml(s: &str) -> Result<Policy, PolicyError> {
        Self::merge(None, parse(s)?)
    }

    /// This policy with a partial override applied: top-level fields given replace, a clock given
    /// by an existing key replaces only the fields listed, a new key adds a clock at the end.
    pub fn with_override(&self, toml: &str) -> Result<Policy, PolicyError> {
        Self::merge(Some(self), parse(toml)?)
    }

    pub fn clock(&self, key: &str) -> Option<&ClockRule> {
        self.clocks.iter().find(|c| c.key == key)
    }

    /// Whether `rule` runs for a case that came in on `channel`.
    pub fn applies(&self, rule: &ClockRule, channel: Channel) -> bool {
        rule.channels
            .as_ref()
            .is_none_or(|list| list.contains(&channel))
    }

    /// Whether `rule` runs for a case of `channel` at review `level` (first handling, 复查, 复核).
    pub fn applies_at(&self, rule: &ClockRule, channel: Channel, level: Level) -> bool {
        self.applies(rule, channel) && rule.levels.as_ref().is_none_or(|l| l.contains(&level))
    }

    /// The office's local date at `now`.
    pub fn today(&self, now: DateTime<Utc>) -> NaiveDate {
        now.with_timezone(&self.utc_offset).date_naive()
    }

    fn merge(base: Option<&Policy>, raw: RawPolicy) -> Result<Policy, PolicyError> {
        let missing = |field| PolicyError::MissingField { field };
        let utc_offset = match raw.utc_offset {
            Some(s) => s
                .parse()
                .map_err(|_| PolicyError::BadUtcOffset { value: s })?,
            None => base.map(|b| b.utc_offset).ok_or(missing("utc_offset"))?,
        };
        let due_soon_working_days = (raw.due_soon_working_days)
            .or(base.map(|b| b.due_soon_working_days))
            .ok_or(missing("due_soon_working_days"))?;
        let clocks = merge_clocks(base, raw.clock)?;
        let idle_lock_minutes = (raw.idle_lock_minutes)
            .or(base.map(|b| b.idle_lock_minutes))
            .unwrap_or(DEFAULT_IDLE_LOCK_MINUTES);
        let screening_round = (raw.screening_round)
            .or(base.map(|b| b.screening_round))
            .unwrap_or_default();
        let backlog_overdue_days = (raw.backlog_overdue_days)
            .or(base.map(|b| b.backlog_overdue_days))
            .unwrap_or(30);
        let backlog_repeats = (raw.backlog_repeats)
            .or(base.map(|b| b.backlog_repeats))
            .unwrap_or(3);
        let attachment_max_mb = (raw.attachment_max_mb)
            .or(base.map(|b| b.attachment_max_mb))
            .unwrap_or(crate::domain::attachment::DEFAULT_MAX_MB);
        if !(1..=crate::domain::attachment::CEILING_MB).contains(&attachment_max_mb) {
            return Err(PolicyError::AttachmentLimit {
                value: attachment_max_mb,
            });
        }
        let first_time_window_days = (raw.first_time_window_days)
            .or(base.map(|b| b.first_time_window_days))
            .unwrap_or(90);
        let evaluation_items = (raw.evaluation_items)
            .filter(|items| !items.is_empty())
            .or(base.map(|b| b.evaluation_items.clone()))
            .unwrap_or_else(|| DEFAULT_EVALUATION_ITEMS.map(str::to_owned).to_vec());
        let evaluation_pass_mark = (raw.evaluation_pass_mark)
            .or(base.map(|b| b.evaluation_pass_mark))
            .unwrap_or(80);
        Ok(Policy {
            utc_offset,
            due_soon_working_days,
            clocks,
            idle_lock_minutes,
            screening_round,
            backlog_overdue_days,
            backlog_repeats,
            attachment_max_mb,
            first_time_window_days,
            evaluation_items,
            evaluation_pass_mark,
        })
    }
}

/// The policy's clocks: the base's, each changed or added by the file's `[[clock]]` tables,
/// every one validated.
fn merge_clocks(
    base: Option<&Policy>,
    raw_clocks: Vec<RawClock>,
) -> Result<Vec<ClockRule>, PolicyError> {
    let mut clocks = base.map(|b| b.clocks.clone()).unwrap_or_default();
    let mut seen = HashSet::new();
    // Unknown channel codes by clock key, reported in `validate`'s order.
    let mut bad_channels = HashMap::new();
    for raw_clock in raw_clocks {
        let key = &raw_clock.key;
        let key_ok = !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !key_ok {
            return Err(PolicyError::BadKey { key: key.clone() });
        }
        if !seen.insert(key.clone()) {
            return Err(PolicyError::DuplicateKey { key: key.clone() });
        }
        let existing = clocks.iter().position(|c| c.key == raw_clock.key);
        let (rule, bad) = raw_clock.resolve(existing.map(|i| &clocks[i]))?;
        if let Some(code) = bad {
            bad_channels.insert(rule.key.clone(), code);
        }
        match existing {
            Some(i) => clocks[i] = rule,
            None => clocks.push(rule),
        }
    }
    for rule in &clocks {
        validate(rule, bad_channels.remove(&rule.key))?;
    }
    Ok(clocks)
}

fn parse(s: &str) -> Result<RawPolicy, PolicyError> {
    toml::from_str(s).map_err(|e| PolicyError::Toml(Box::new(e)))
}

/// The channel codes a clock may name, for the message that lists them.
fn channel_codes() -> String {
    Channel::ALL.map(Channel::code).join(", ")
}

fn validate(rule: &ClockRule, bad_channel: Option<String>) -> Result<(), PolicyError> {
    let key = rule.key.clone();
    let out_of_range = |field, value, min| PolicyError::OutOfRange {
        key: key.clone(),
        field,
        value,
        min,
    };
    // A given date has no length; every other clock has one.
    let min_days = match rule.unit {
        DayUnit::Given => 0,
        DayUnit::Calendar | DayUnit::Working => 1,
    };
    Err(if !(min_days..=MAX_DAYS).contains(&rule.days) {
        out_of_range("days", rule.days, min_days)
    } else if rule.extension_cap > MAX_DAYS {
        out_of_range("extension_cap", rule.extension_cap, 0)
    } else if rule.stop == ClockStop::Never && rule.extension_cap > 0 {
        // An extension lengthens a time limit (Art 34); a window such as the 复查 period has none.
        PolicyError::ExtensionOnWindow { key }
    } else if let Some(channel) = bad_channel {
        PolicyError::BadChannel { key, channel }
    } else {
        return Ok(());
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_policy_parses() {
        let p = Policy::from_toml(BUILTIN_POLICY).unwrap();
        assert_eq!(p, Policy::builtin());
        assert_eq!(p.utc_offset, FixedOffset::east_opt(8 * 3600).unwrap());
        assert_eq!(p.due_soon_working_days, 3);
        let summary: Vec<String> = (p.clocks.iter())
            .map(|c| {
                let (from, to, roll) = (c.start, c.stop, c.roll_forward);
                let (key, days, unit, cap) = (&c.key, c.days, c.unit, c.extension_cap);
                format!("{key}: {from:?}->{to:?} {days} {unit:?} roll={roll} ext={cap}")
            })
            .collect();
        let expected = [
            "decide: Received->Notified 15 Calendar roll=true ext=0",
            "object: Received->Never 5 Working roll=true ext=0",
            "handle: Accepted->Replied 60 Calendar roll=true ext=30",
            "superior: Received->Reported 0 Given roll=false ext=0",
            "review: Answered->Never 30 Calendar roll=true ext=0",
            "review_handle: Received->Replied 30 Calendar roll=true ext=0",
            "rereview: Answered->Never 30 Calendar roll=true ext=0",
            "rereview_handle: Received->Replied 30 Calendar roll=true ext=0",
            "outbound: PassedOn->ReportReceived 60 Calendar roll=true ext=0",
        ];
        assert_eq!(summary, expected);
        let decide = p.clock("decide").unwrap();
        assert_eq!(
            (decide.label_zh.as_str(), &decide.channels),
            ("受理告知", &None)
        );
        let object = p.clock("object").unwrap();
        assert_eq!(object.channels, Some(vec![Channel::Referral]));
        assert!(p.clock("review").unwrap().basis.contains("第三十五条"));
        // Each level its own clocks (Art 34–36).
        let levels = |key: &str| p.clock(key).unwrap().levels.clone();
        assert_eq!(levels("handle"), Some(vec![Level::First]));
        assert_eq!(levels("review_handle"), Some(vec![Level::Review]));
        assert_eq!(levels("rereview"), Some(vec![Level::Review]));
        assert_eq!(levels("rereview_handle"), Some(vec![Level::ReReview]));
        assert_eq!(levels("decide"), None);
        assert!(p.clock("nope").is_none());
    }

    #[test]
    fn channels_limit_a_clock() {
        let p = Policy::builtin();
        let object = p.clock("object").unwrap();
        assert!(p.applies(object, Channel::Referral));
        assert!(!p.applies(object, Channel::Visit));
        let decide = p.clock("decide").unwrap();
        assert!(Channel::ALL.iter().all(|ch| p.applies(decide, *ch)));
        let off = p
            .with_override("[[clock]]\nkey = 'object'\nchannels = []")
            .unwrap();
        assert!(!off.applies(off.clock("object").unwrap(), Channel::Referral));
    }

    #[test]
    fn today_is_the_office_local_date() {
        let p = Policy::builtin();
        let local = |p: &Policy, utc: &str| p.today(utc.parse().unwrap()).to_string();
        // 16:30 UTC is 00:30 the next day in Beijing; 15:59 UTC is still 23:59 the same day.
        assert_eq!(local(&p, "2026-02-16T16:30:00Z"), "2026-02-17");
        assert_eq!(local(&p, "2026-02-16T15:59:00Z"), "2026-02-16");
        let west = p.with_override("utc_offset = \"-05:30\"").unwrap();
        assert_eq!(local(&west, "2026-02-17T05:00:00Z"), "2026-02-16");
    }

    #[test]
    fn override_changes_only_given_fields() {
        let base = Policy::builtin();
        let p = base
            .with_override(
                r#"
                due_soon_working_days = 5
                [[clock]]
                key = "decide"
                days = 7
                unit = "working"
                [[clock]]
                key = "simple"
                label_zh = "简易办理"
                label_en = "simple handling"
                start = "accepted"
                stop = "replied"
                days = 7
                unit = "working"
                basis = "本单位信访工作制度"
                "#,
            )
            .unwrap();
        assert_eq!(
            (p.due_soon_working_days, p.utc_offset),
            (5, base.utc_offset)
        );
        let mut expected = base.clock("decide").unwrap().clone();
        (expected.days, expected.unit) = (7, DayUnit::Working);
        assert_eq!(p.clock("decide"), Some(&expected));
        assert_eq!(p.clock("handle"), base.clock("handle"));
        let keys: Vec<&str> = p.clocks.iter().map(|c| c.key.as_str()).collect();
        let expected = [
            "decide",
            "object",
            "handle",
            "superior",
            "review",
            "review_handle",
            "rereview",
            "rereview_handle",
            "outbound",
            "simple",
        ];
        assert_eq!(keys, expected);
        let simple = p.clock("simple").unwrap();
        assert_eq!(
            (simple.roll_forward, simple.extension_cap, &simple.channels),
            (true, 0, &None)
        );
    }

    /// The message for `toml` applied as an override to the builtin policy.
    fn err(toml: &str) -> String {
        Policy::builtin()
            .with_override(toml)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn bad_toml_gives_a_clear_error() {
        let e = err("[[clock]\nkey = 'decide'");
        assert!(e.starts_with("policy file is not valid TOML"), "{e}");
        let e = err("[[clock]]\nkey = 'decide'\ndayz = 7");
        assert!(e.contains("dayz"), "{e}");
        let e = err("[[clock]]\nkey = 'decide'\nunit = 'hours'");
        assert!(e.contains("hours") && e.contains("working"), "{e}");
        let e = err("due_soon_working_days = 'three'");
        assert!(e.contains("due_soon_working_days"), "{e}");
    }

    #[test]
    fn invalid_values_name_the_field_and_the_fix() {
        let e = err("[[clock]]\nkey = 'decide'\ndays = 0");
        assert!(
            e.contains("`decide`: days = 0") && e.contains("1 to 3650"),
            "{e}"
        );
        let e = err("utc_offset = 'UTC+8'");
        assert!(e.contains("\"UTC+8\"") && e.contains("+08:00"), "{e}");
        assert!(err("utc_offset = '+8:00'").contains("+HH:MM"));
        let e = err("[[clock]]\nkey = 'decide'\nchannels = ['fax']");
        assert!(e.contains("\"fax\"") && e.contains("referral"), "{e}");
        let e = err("[[clock]]\nkey = 'review'\nextension_cap = 10");
        assert!(
            e.contains("`review`") && e.contains("extension_cap = 0"),
            "{e}"
        );
        let e = err("[[clock]]\nkey = 'decide'\n[[clock]]\nkey = 'decide'");
        assert!(e.contains("`decide` is listed twice"), "{e}");
        assert!(err("[[clock]]\nkey = 'Bad Key'").contains("\"Bad Key\" is not usable"));
        let e = err("[[clock]]\nkey = 'new'\nlabel_zh = '新'");
        assert!(e.contains("`new` has no `label_en`"), "{e}");
        let e = Policy::from_toml("due_soon_working_days = 3")
            .unwrap_err()
            .to_string();
        assert!(e.contains("`utc_offset` is missing"), "{e}");
    }
}
