//! The desk's WAL checkpoints, off the key path.
//!
//! SQLite copies the -wal file back into the ledger (a checkpoint) inside the commit that
//! takes the -wal past 1,000 pages: that commit, one clerk's `Ctrl-S` in some twenty, waited
//! for 4 MB to be written and fsynced, and made the save's p99 twice its median at a million
//! cases. The desk hands the checkpoint instead to a thread with its own connection, told
//! after the commit that crosses the mark; the save returns as soon as its own commit is
//! durable. Should that thread be gone or fall far behind, the commit checkpoints itself, as
//! SQLite would have: the -wal never grows without bound.
//!
//! A checkpoint changes no row: it copies pages already committed (and, with SQLCipher,
//! already encrypted) from the -wal into the ledger file, so nothing the clerk saved waits
//! on it or can be lost by it.

use std::ffi::c_int;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::thread::JoinHandle;

use rusqlite::OpenFlags;
use rusqlite::hooks::Wal;
use rusqlite::wal::CheckpointMode;

use super::Store;
use super::keys::DataKey;

/// SQLite's own mark (`wal_autocheckpoint`'s default), in pages of the -wal.
const MARK: c_int = 1000;
/// Past this the committing connection checkpoints itself: the thread is gone or stuck.
const FALLBACK: c_int = 8 * MARK;

/// The checkpointing thread; joined when the store is dropped, after the store's own
/// connection (and with it the hook that tells the thread) is gone.
pub(super) struct Checkpointer {
    thread: Option<JoinHandle<()>>,
    /// Checkpoints the thread ran, and those the committing connection had to run itself.
    #[cfg_attr(not(test), expect(dead_code, reason = "the tests read them"))]
    pub(super) done: Arc<AtomicU64>,
    #[cfg_attr(not(test), expect(dead_code, reason = "the tests read them"))]
    pub(super) inline: Arc<AtomicU64>,
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Store {
    /// Checkpoints in a thread of their own from now on (the desk). Where the thread cannot
    /// be started the ledger checkpoints as before, inside the commit: nothing fails.
    pub fn checkpoint_in_background(&mut self) {
        if self.checkpointer.is_some() || self.bulk {
            return;
        }
        let (tell, told) = mpsc::channel::<()>();
        let done = Arc::new(AtomicU64::new(0));
        let inline = Arc::new(AtomicU64::new(0));
        let (path, key, counted) = (self.path.clone(), self.key.clone(), done.clone());
        let thread = std::thread::Builder::new()
            .name("checkpoint".into())
            .spawn(move || run(&path, &key, &told, &counted))
            .ok();
        let by_hand = inline.clone();
        let hook = move |wal: &mut Wal, pages: c_int| -> rusqlite::Result<()> {
            if pages < MARK {
                return Ok(());
            }
            if pages >= FALLBACK || tell.send(()).is_err() {
                by_hand.fetch_add(1, Ordering::Relaxed);
                wal.checkpoint_v2(CheckpointMode::PASSIVE)?;
            }
            Ok(())
        };
        if self.conn.wal_hook(Some(hook)).is_ok() {
            self.checkpointer = Some(Checkpointer {
                thread,
                done,
                inline,
            });
        }
    }
}

/// The thread: its own connection, opened when it is first told (a desk that never writes
/// 1,000 pages never opens it, and the desk's start does not share the processor with it);
/// one PASSIVE checkpoint per wake-up, however many commits told it meanwhile. PASSIVE never
/// waits for the desk's connection: what a write holds is left for the next time.
fn run(path: &Path, key: &DataKey, told: &mpsc::Receiver<()>, done: &AtomicU64) {
    if told.recv().is_err() {
        return;
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    // Without a connection the receiver is dropped with this thread and the commits
    // checkpoint themselves.
    let Ok(conn) = super::connect(path, flags, key) else {
        return;
    };
    loop {
        while told.try_recv().is_ok() {}
        if conn
            .wal_checkpoint_v2(None::<&str>, CheckpointMode::PASSIVE)
            .is_ok()
        {
            done.fetch_add(1, Ordering::Relaxed);
        }
        if told.recv().is_err() {
            break;
        }
    }
    // The desk is closing. As SQLite's own close would: copy what is left and, with no
    // other desk on the ledger, empty the -wal, so that the ledger file alone is whole
    // (someone copies it). Not waiting: another desk's reads are let be.
    let _ = conn.busy_timeout(std::time::Duration::ZERO);
    let _ = conn.wal_checkpoint_v2(None::<&str>, CheckpointMode::TRUNCATE);
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::Ordering;
    use std::time::{Duration, Instant};

    use crate::config::Office;
    use crate::demo::{DemoOptions, generate};
    use crate::store::{Store, test_ledger};

    /// The desk's commits hand their checkpoints to the thread: the -wal stays near SQLite's
    /// own mark, no commit checkpoints itself, and the ledger is whole when the desk closes.
    #[test]
    fn checkpoints_run_in_the_thread_and_keep_the_wal_small() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.db");
        let mut store = Store::open(&path, Office::builtin(), &test_ledger::key()).unwrap();
        store.checkpoint_in_background();
        let opts = DemoOptions {
            cases: 300,
            seed: 5,
            now: test_ledger::now(),
        };
        generate(&mut store, &opts).unwrap();
        let counts = store.checkpointer.as_ref().unwrap();
        let (done, inline) = (counts.done.clone(), counts.inline.clone());
        let waited = Instant::now();
        while done.load(Ordering::Relaxed) == 0 && waited.elapsed() < Duration::from_secs(20) {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(done.load(Ordering::Relaxed) > 0, "the thread checkpointed");
        assert_eq!(
            inline.load(Ordering::Relaxed),
            0,
            "no commit checkpointed itself"
        );
        let wal = std::fs::metadata(dir.path().join("l.db-wal"))
            .unwrap()
            .len();
        assert!(wal < 4096 * 4 * 1000, "the -wal stayed small: {wal} bytes");
        let rows = store.check().unwrap().cases;
        drop(store);
        // The last connection to close (the thread's) checkpointed and removed the -wal.
        assert!(!dir.path().join("l.db-wal").exists());
        let again = Store::open(&path, Office::builtin(), &test_ledger::key()).unwrap();
        let report = again.check().unwrap();
        assert!(report.ok());
        assert_eq!(report.cases, rows);
        assert!(rows >= 300);
    }
}
