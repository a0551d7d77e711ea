//! The pure domain: rules, the case state machine, time limits and validation.
//! No SQL, no terminal, no clock reads: time is always passed in.

pub mod attachment;
pub mod audit;
pub mod backlog;
pub mod calendar;
pub mod case;
pub mod command;
pub mod correction;
pub mod counting;
pub mod deadline;
pub mod documents;
pub mod due;
pub mod error;
pub mod evaluation;
pub mod filing;
pub mod flags;
pub mod identity;
pub mod intake;
pub mod limits;
pub mod masking;
pub mod op;
pub mod phone;
pub mod policy;
pub mod presets;
pub mod reception;
pub mod repeat;
pub mod round;
pub mod rules;
pub mod screening;
pub mod screening_table;
pub mod stats;
pub mod types;
pub mod visibility;
pub mod vocab;
pub mod workflow;
