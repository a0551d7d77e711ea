//! The documents the office hands out (notices, reply letters) and files
//! (the 案卷): their kinds, numbers and what each must state. Pure: the
//! templates and rendering live in `crate::documents`.

mod body;
mod content;
mod kind;
mod missing;
mod profile;

pub use body::{Body, WarningFlag};
pub use content::{Addressee, Content, IssueInput, IssuedDoc, check_profile, prepare};
pub use kind::{DocKind, doc_number};
pub use missing::Missing;
pub use profile::{DEFAULT_REPEAT_NOTICE, OfficeProfile};
