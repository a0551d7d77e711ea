//! 领导接待日: the schedule ahead and today's records.

mod update;
pub mod view;

use crate::domain::reception::ReceptionDay;
use crate::store::StoredRecord;

/// The reception schedule ahead and today's records.
#[derive(Debug, Clone, Default)]
pub struct ReceptionScreen {
    pub days: Vec<ReceptionDay>,
    pub records: Vec<StoredRecord>,
}
