//! Reusable pieces of screens.

pub mod text_field;
