//! Demo ledgers (being written by the demo helper; this is the interface only).

use crate::domain::types::State;
use crate::store::Store;

pub struct DemoOptions {
    pub cases: usize,
    pub seed: u64,
    pub now: chrono::DateTime<chrono::FixedOffset>,
}

pub struct DemoSummary {
    pub cases: usize,
    pub events: usize,
    pub by_state: Vec<(State, usize)>,
    pub overdue: usize,
}

#[derive(Debug, thiserror::Error)]
#[error("demo generation is not written yet")]
pub struct DemoError;

pub fn generate(_store: &mut Store, _opts: &DemoOptions) -> Result<DemoSummary, DemoError> {
    Err(DemoError)
}
