//! xinfang: a terminal desk for a 信访 (letters and visits) reception office.
//!
//! Layers look only downwards: `domain` (pure rules) ← `store` (the only SQL)
//! ← `cli` (and, later, `ui`). `strings` holds every user-facing text.

pub mod cli;
pub mod clock;
pub mod config;
pub mod demo;
pub mod display;
pub mod documents;
pub mod domain;
pub mod files;
pub mod import;
pub mod report;
pub mod sheet;
pub mod store;
pub mod strings;
pub mod ui;
