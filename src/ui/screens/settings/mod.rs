//! 人员和部门: the office's operators and departments, changed from the
//! desk by a leader (others may look).

mod update;
pub mod view;
