//! 附件: keeping a file with the case and taking it off. The case records what the file is;
//! the bytes, when the caller has them, must be that file.

use super::checks::nonempty;
use super::gate::wrong_state;
use super::steps::{Change, Step};
use crate::domain::attachment::{FileBytes, MB, is_sha256, sha256_hex};
use crate::domain::case::{Attachment, Case, Removal};
use crate::domain::command::Command;
use crate::domain::error::{Field, WorkflowError};
use crate::domain::op::Op;

/// An `attach_file` or `detach_file` command on the case as it stands.
pub(super) fn apply(step: Step, command: &Command) -> Result<Change, WorkflowError> {
    let next = step.case.clone();
    if let Command::AttachFile {
        name,
        media_type,
        size,
        sha256,
        bytes,
    } = command
    {
        let file = File {
            name,
            media_type,
            size: *size,
            sha256,
            bytes: bytes.as_ref(),
        };
        attach(step, next, &file)
    } else if let Command::DetachFile { n, reason } = command {
        detach(step, next, *n, reason)
    } else {
        Err(wrong_state(step.case, command.op(), step.actor))
    }
}

/// What an `attach_file` command says of its file.
struct File<'a> {
    pub name: &'a str,
    pub media_type: &'a str,
    pub size: u64,
    pub sha256: &'a str,
    pub bytes: Option<&'a FileBytes>,
}

/// Keeps the file's record on the case; refused over the office's size limit, or when the
/// bytes given are not the file described (replay and `check` have the record only).
fn attach(step: Step, mut next: Case, file: &File) -> Result<Change, WorkflowError> {
    nonempty(Op::AttachFile, Field::FileName, file.name)?;
    let limit_mb = step.rules.policy.attachment_max_mb;
    if file.size > u64::from(limit_mb) * MB {
        return Err(WorkflowError::AttachmentTooLarge {
            name: file.name.to_owned(),
            size: file.size,
            limit_mb,
        });
    }
    let mismatch = || WorkflowError::AttachmentMismatch {
        name: file.name.to_owned(),
    };
    if !is_sha256(file.sha256) {
        return Err(mismatch());
    }
    if let Some(bytes) = file.bytes {
        let bytes = bytes.as_slice();
        if bytes.len() as u64 != file.size || sha256_hex(bytes) != file.sha256 {
            return Err(mismatch());
        }
    }
    next.attachments.push(Attachment {
        name: file.name.to_owned(),
        media_type: file.media_type.to_owned(),
        size: file.size,
        sha256: file.sha256.to_owned(),
        stamp: step.stamp,
        removed: None,
    });
    Ok(Change::to(next))
}

/// Takes attachment `n` (from 1) off the case, for a reason; its record stays.
fn detach(step: Step, mut next: Case, n: u32, reason: &str) -> Result<Change, WorkflowError> {
    nonempty(Op::DetachFile, Field::Reason, reason)?;
    let index = usize::try_from(n).ok().and_then(|n| n.checked_sub(1));
    let Some(file) = index.and_then(|i| next.attachments.get_mut(i)) else {
        return Err(WorkflowError::NoAttachment { n });
    };
    if file.removed.is_some() {
        return Err(WorkflowError::NoAttachment { n });
    }
    file.removed = Some(Removal {
        reason: reason.trim().to_owned(),
        by: step.stamp.by,
        at: step.stamp.at,
    });
    Ok(Change::to(next))
}
