//! The random bytes SQLCipher puts in the reserve of every page it writes: the page's IV,
//! then bytes its seal overwrites (48 a page). SQLCipher asks its provider for them, and
//! OpenSSL's provider takes a global mutex and draws from OpenSSL's generator on every page,
//! about 1 µs of the 7–8 µs a page written costs at the desk. Here each thread draws from
//! its own ChaCha12 stream (`StdRng`, a cryptographically secure generator), seeded from
//! the operating system and seeded again after every MiB drawn: an IV only has to be
//! unpredictable, and a stream cipher keyed by the system's randomness is what the system
//! and OpenSSL themselves hand out. The program never forks, so no two processes share a
//! stream.

use std::cell::RefCell;

use rand::rngs::StdRng;
use rand::{RngCore, SeedableRng};
use zeroize::Zeroize;

/// Bytes drawn from one seed before the next is taken from the system.
const RESEED_AFTER: usize = 1 << 20;

thread_local! {
    static STREAM: RefCell<Option<(StdRng, usize)>> = const { RefCell::new(None) };
}

/// Fills `buf` from this thread's stream, seeding it from the operating system first and
/// again every MiB. `false` when the system gives no seed: the caller then asks OpenSSL.
pub(super) fn fill(buf: &mut [u8]) -> bool {
    STREAM.with(|cell| {
        let Ok(mut slot) = cell.try_borrow_mut() else {
            return false;
        };
        if slot
            .as_ref()
            .is_none_or(|(_, drawn)| *drawn >= RESEED_AFTER)
        {
            let mut seed = [0u8; 32];
            if getrandom::fill(&mut seed).is_err() {
                return false;
            }
            *slot = Some((StdRng::from_seed(seed), 0));
            seed.zeroize();
        }
        let Some((stream, drawn)) = slot.as_mut() else {
            return false;
        };
        stream.fill_bytes(buf);
        *drawn += buf.len();
        true
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_draw_differs_and_fills_the_whole_buffer() {
        let (mut a, mut b) = ([0u8; 48], [0u8; 48]);
        assert!(fill(&mut a));
        assert!(fill(&mut b));
        assert_ne!(a, b);
        assert_ne!(a, [0u8; 48]);
        // 48 zero bytes by chance: 2^-384. The last 16 are drawn too.
        assert_ne!(a[32..], [0u8; 16]);
        assert!(fill(&mut []));
    }

    #[test]
    fn threads_draw_from_their_own_seeds() {
        let draw = || {
            let mut out = [0u8; 32];
            assert!(fill(&mut out));
            out
        };
        let other = std::thread::spawn(draw).join().expect("the thread draws");
        assert_ne!(draw(), other);
    }

    #[test]
    fn a_stream_is_seeded_again_after_a_mib() {
        let mut big = vec![0u8; RESEED_AFTER];
        assert!(fill(&mut big));
        let drawn = STREAM.with(|c| c.borrow().as_ref().map(|(_, n)| *n));
        assert_eq!(drawn, Some(RESEED_AFTER));
        assert!(fill(&mut [0u8; 16]));
        let drawn = STREAM.with(|c| c.borrow().as_ref().map(|(_, n)| *n));
        assert_eq!(drawn, Some(16), "a fresh seed restarts the count");
    }
}
