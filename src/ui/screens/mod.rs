//! One folder per screen: its state in `mod.rs` (a leaf: the messages may
//! carry it), its keys in `update.rs`, its drawing in `view.rs`.

pub mod backlog;
pub mod case;
pub mod charts;
pub mod dashboard;
pub mod documents;
pub mod form;
pub mod help;
pub mod offer;
pub mod picker;
pub mod queue;
pub mod reception;
pub mod report;
pub mod settings;
pub mod setup;
pub mod signin;
