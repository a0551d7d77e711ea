//! The overlay offering a draft left by an earlier session.

pub mod view;
