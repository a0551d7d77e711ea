//! 领导接待日: the schedule ahead and today's records.

mod update;
pub mod view;
