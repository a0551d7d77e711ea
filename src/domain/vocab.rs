//! The closed sets of the domain are field-less enums whose variants each
//! have one code: the word the ledger, the policy file and `apply` use.
//! `vocabulary!` writes that code once per variant and derives the rest from
//! it (`ALL`, `code`, `from_code`, `FromStr`, and serde's name), so a new
//! variant is one line here and a compile error wherever it must be handled.

/// A code that names no variant of the set being parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {set} code {code:?}")]
pub struct UnknownCode {
    /// The set's type name, e.g. `Channel`.
    pub set: &'static str,
    pub code: String,
}

/// Declares a field-less enum from `Variant = "code"` lines. The enum's own
/// attributes (derives, docs) and each variant's (docs, serde aliases,
/// `#[default]`) are kept; the enum must derive `Serialize` and
/// `Deserialize`, which (de)serialise each variant as its code.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$vmeta])* #[serde(rename = $code)] $variant, )+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: [$name; [$($code),+].len()] = [$($name::$variant),+];

            /// The code used in the ledger, the policy file and `apply`.
            pub const fn code(self) -> &'static str {
                match self {
                    $( $name::$variant => $code, )+
                }
            }

            /// The variant whose code is `code` (aliases are serde's only).
            pub fn from_code(code: &str) -> Option<$name> {
                match code {
                    $( $code => Some($name::$variant), )+
                    _ => None,
                }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::domain::vocab::UnknownCode;

            fn from_str(s: &str) -> Result<$name, Self::Err> {
                $name::from_code(s).ok_or_else(|| $crate::domain::vocab::UnknownCode {
                    set: stringify!($name),
                    code: s.to_owned(),
                })
            }
        }
    };
}

pub(crate) use vocabulary;

#[cfg(test)]
mod tests {
    use serde::Serialize;
    use serde::de::DeserializeOwned;

    use crate::domain::error::Field;
    use crate::domain::identity::{IdType, Sex};
    use crate::domain::op::{Act, Op};
    use crate::domain::types::*;

    /// Every variant's code parses back to it, and is its serde name.
    fn round_trip<T>(all: &[T], code: fn(T) -> &'static str)
    where
        T: Copy + PartialEq + std::fmt::Debug + std::str::FromStr + Serialize + DeserializeOwned,
        T::Err: std::fmt::Debug,
    {
        let mut codes = std::collections::HashSet::new();
        for &v in all {
            let c = code(v);
            assert!(codes.insert(c), "{c} twice");
            assert_eq!(c.parse::<T>().unwrap(), v);
            assert_eq!(serde_json::to_value(v).unwrap(), serde_json::json!(c));
            assert_eq!(
                serde_json::from_value::<T>(serde_json::json!(c)).unwrap(),
                v
            );
        }
        assert!("no such code".parse::<T>().is_err());
    }

    #[test]
    fn every_code_round_trips() {
        round_trip(&Channel::ALL, Channel::code);
        round_trip(&HandlingType::ALL, HandlingType::code);
        round_trip(&Urgency::ALL, Urgency::code);
        round_trip(&Role::ALL, Role::code);
        round_trip(&State::ALL, State::code);
        round_trip(&DeclineGround::ALL, DeclineGround::code);
        round_trip(&DecisionKind::ALL, DecisionKind::code);
        round_trip(&Outcome::ALL, Outcome::code);
        round_trip(&ServiceMethod::ALL, ServiceMethod::code);
        round_trip(&Satisfaction::ALL, Satisfaction::code);
        round_trip(&Level::ALL, Level::code);
        round_trip(&SuperviseGround::ALL, SuperviseGround::code);
        {
            use crate::domain::screening::*;
            round_trip(&DisputeKind::ALL, DisputeKind::code);
            round_trip(&RiskLevel::ALL, RiskLevel::code);
            round_trip(&Resolution::ALL, Resolution::code);
            round_trip(&RoundPeriod::ALL, RoundPeriod::code);
            round_trip(&ChangeKind::ALL, ChangeKind::code);
            use crate::domain::backlog::{BacklogAct, BacklogGround};
            round_trip(&BacklogGround::ALL, BacklogGround::code);
            round_trip(&BacklogAct::ALL, BacklogAct::code);
        }
        round_trip(&IdType::ALL, IdType::code);
        round_trip(&Sex::ALL, Sex::code);
        round_trip(&Op::ALL, Op::code);
        round_trip(&Field::ALL, Field::code);
    }

    #[test]
    fn chinese_aliases_still_read() {
        let read = |s: &str| serde_json::from_value(serde_json::json!(s));
        assert_eq!(read("来访").ok(), Some(Channel::Visit));
        assert_eq!(read("上级转交办").ok(), Some(Channel::Referral));
        let urgent: Urgency = serde_json::from_value(serde_json::json!("urgent")).unwrap();
        assert_eq!(urgent, Urgency::Major);
        let id: IdType = serde_json::from_value(serde_json::json!("台胞证")).unwrap();
        assert_eq!(id, IdType::TaiwanPermit);
    }

    #[test]
    fn a_decision_is_tagged_with_its_kind() {
        for (json, kind) in [
            (r#"{"decision":"accept"}"#, DecisionKind::Accept),
            (r#"{"decision":"pass_on","to":"x"}"#, DecisionKind::PassOn),
            (
                r#"{"decision":"answered","text":"x"}"#,
                DecisionKind::Answered,
            ),
            (
                r#"{"decision":"decline","reason":"in_progress","route":"x"}"#,
                DecisionKind::Decline,
            ),
        ] {
            let d: Decision = serde_json::from_str(json).unwrap();
            assert_eq!(d.kind(), kind);
            assert_eq!(d.code(), kind.code());
        }
        assert_eq!(DecisionKind::ALL.len(), 4);
    }

    #[test]
    fn acts_parse_from_their_codes() {
        for op in Op::ALL {
            assert_eq!(Act::from_code(op.code()), Some(Act::Step(op)));
        }
        for act in [Act::Settings, Act::Schedule, Act::Reception] {
            assert_eq!(Act::from_code(act.code()), Some(act));
        }
        assert_eq!(Act::from_code("nothing"), None);
    }
}
