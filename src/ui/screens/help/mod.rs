//! The help overlay: every key of the screen under it, from the keymap.

pub mod view;
