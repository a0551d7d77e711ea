//! 统计图: the charts' figures are drawn as loaded; the screen has no state
//! of its own besides them.

mod update;
pub mod view;
