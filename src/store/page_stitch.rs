//! A page written is encrypted and sealed in one pass. SQLCipher encrypts each page it
//! writes (AES-256-CBC) and then seals the ciphertext, its IV and its page number with an
//! HMAC-SHA256, two calls to its provider one after the other. CBC encryption is serial: each
//! block waits for the last, and the processor's AES unit sits idle most of each round; the
//! seal's SHA-256 rounds run on other units. Here, once a thread has seen which seal key goes
//! with an encryption key, each 64 bytes of ciphertext are hashed into the seal while the next
//! 64 are encrypted, and the seal call that follows only finishes the hash: 4.1 µs a 4 KB
//! page on this machine against 5.9 µs for the two apart (`page_crypto::speed`).
//!
//! The seal call is finished from the pass only when it asks for the bytes the pass wrote,
//! unchanged (compared), under the key the pass hashed with; any other call is computed
//! whole, so a seal is always the HMAC of the bytes SQLCipher hands over. The keys a thread
//! keeps between pages (the encryption key's round keys, the seal key's two padded hash
//! states) are kept masked, as SQLCipher keeps its own (`sqlcipher_shield`): wiped on the
//! thread that frees a ledger's cipher context, never used again on the others (a generation
//! count; they are wiped at their next page or when they end). Nothing is held after a seal
//! this module leaves to OpenSSL (HMAC-SHA512), and no call here can panic into SQLCipher,
//! even from a thread's destructors. Only x86-64 processors
//! with AES and SHA instructions take this way; elsewhere both steps stay OpenSSL's and ours.

#[cfg(all(test, target_arch = "x86_64"))]
pub(super) use imp::{STITCHED, holds_a_page, keeps_keys};
#[cfg(target_arch = "x86_64")]
pub(super) use imp::{encrypt, forget, forget_last, learn, note_written, seal};

#[cfg(not(target_arch = "x86_64"))]
pub(super) use other::{encrypt, forget, forget_last, learn, note_written, seal};

/// Processors without the x86-64 instructions: every page takes the two calls apart.
#[cfg(not(target_arch = "x86_64"))]
mod other {
    pub(crate) fn encrypt(_: &[u8], _: &[u8], _: &[u8], _: &mut [u8]) -> bool {
        false
    }
    pub(crate) fn note_written(_: &[u8], _: *const u8) {}
    pub(crate) fn seal(_: &[u8], _: &[u8], _: &[u8], _: &mut [u8]) -> Option<()> {
        None
    }
    pub(crate) fn learn(_: &[u8], _: *const u8) {}
    pub(crate) fn forget() {}
    pub(crate) fn forget_last() {}
}

#[cfg(target_arch = "x86_64")]
mod imp {
    use std::arch::x86_64::{
        __m128i, _mm_aesenc_si128, _mm_aesenclast_si128, _mm_aeskeygenassist_si128,
        _mm_loadu_si128, _mm_setzero_si128, _mm_shuffle_epi32, _mm_slli_si128, _mm_storeu_si128,
        _mm_xor_si128,
    };
    use std::cell::RefCell;
    use std::sync::OnceLock;
    use std::sync::atomic::{AtomicU64, Ordering};

    use zeroize::Zeroizing;

    const KEY: usize = 32;
    const BLOCK: usize = 16;
    const CHUNK: usize = 64;
    const ROUNDS: usize = 15;
    /// The kept keys, one run of bytes: the encryption key, the seal key, the round keys,
    /// the seal's inner and outer states.
    const ENC: usize = 0;
    const MAC: usize = ENC + KEY;
    const RK: usize = MAC + KEY;
    const INNER: usize = RK + ROUNDS * BLOCK;
    const OUTER: usize = INNER + 32;
    const KEPT: usize = OUTER + 32;
    /// The seal's extra bytes this pass finishes (SQLCipher's page number: 4).
    const EXTRA_MAX: usize = 16;
    const SHA256_H0: [u32; 8] = [
        0x6a09_e667,
        0xbb67_ae85,
        0x3c6e_f372,
        0xa54f_f53a,
        0x510e_527f,
        0x9b05_688c,
        0x1f83_d9ab,
        0x5be0_cd19,
    ];

    type Kept = Zeroizing<[u8; KEPT]>;

    /// Bumped when SQLCipher frees a cipher context: every thread's kept keys are stale.
    static GENERATION: AtomicU64 = AtomicU64::new(0);

    /// What this thread knows: the keys of the last ledger it wrote, masked, and the page
    /// it has just encrypted, whose seal call comes next.
    #[derive(Default)]
    struct Thread {
        kept: Option<(u64, Kept)>,
        last: Last,
        /// The ciphertext as the pass wrote it, compared with what the seal call hands over.
        copy: Vec<u8>,
    }

    #[derive(Default)]
    enum Last {
        #[default]
        Nothing,
        /// Encrypted the other way under this key (masked, `mask_key`): the seal call tells
        /// its seal key.
        Written {
            out: usize,
            enc: Zeroizing<[u8; KEY]>,
        },
        /// Encrypted and hashed here: the seal's inner state after `len`'s whole chunks.
        Stitched {
            out: usize,
            len: usize,
            inner: Zeroizing<[u32; 8]>,
        },
    }

    thread_local! {
        static THREAD: RefCell<Thread> = RefCell::new(Thread::default());
    }

    #[cfg(test)]
    thread_local! {
        /// Pages this thread sealed from the pass (tests read it).
        pub(crate) static STITCHED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    }

    /// Whether this thread holds anything of a page between its two calls (tests read it).
    #[cfg(test)]
    pub(crate) fn holds_a_page() -> bool {
        with_thread(|t| Some(!matches!(t.last, Last::Nothing))).unwrap_or(false)
    }

    /// Whether this thread keeps keys now (tests read it).
    #[cfg(test)]
    pub(crate) fn keeps_keys() -> bool {
        THREAD.with(|cell| cell.borrow().kept.is_some())
    }

    /// `f` on this thread's state; `None` when it is borrowed already or, at thread exit,
    /// gone (SQLCipher may close a connection from a destructor: never a panic here, in a
    /// function SQLCipher calls).
    fn with_thread<R>(f: impl FnOnce(&mut Thread) -> Option<R>) -> Option<R> {
        THREAD
            .try_with(|cell| cell.try_borrow_mut().ok().and_then(|mut t| f(&mut t)))
            .ok()
            .flatten()
    }

    /// An encryption key held between two calls, masked as the kept keys are.
    fn mask_key(key: &[u8]) -> Option<Zeroizing<[u8; KEY]>> {
        let m = mask()?;
        let mut k = Zeroizing::new([0u8; KEY]);
        for ((k, b), m) in k.iter_mut().zip(key).zip(&m[ENC..MAC]) {
            *k = b ^ m;
        }
        Some(k)
    }

    /// A random mask for the kept keys, drawn once; `None` when the system gives none.
    fn mask() -> Option<&'static [u8; KEPT]> {
        static MASK: OnceLock<Option<Box<[u8; KEPT]>>> = OnceLock::new();
        MASK.get_or_init(|| {
            let mut m = Box::new([0u8; KEPT]);
            getrandom::fill(&mut m[..]).ok().map(|()| m)
        })
        .as_deref()
    }

    fn masked(mut bytes: Kept) -> Option<Kept> {
        let m = mask()?;
        bytes.iter_mut().zip(m).for_each(|(b, m)| *b ^= m);
        Some(bytes)
    }

    /// Whether this processor has the instructions the pass is written with.
    fn able() -> bool {
        static ABLE: OnceLock<bool> = OnceLock::new();
        *ABLE.get_or_init(|| {
            std::is_x86_feature_detected!("aes")
                && std::is_x86_feature_detected!("sha")
                && std::is_x86_feature_detected!("sse2")
        })
    }

    /// Equal without an early exit on the first byte that differs (keys are compared).
    fn same(a: &[u8], b: &[u8]) -> bool {
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }

    /// This thread's kept keys, unmasked, if they are for encryption key `key`; kept keys
    /// from before a ledger was closed are wiped instead.
    fn unmasked(t: &mut Thread, key: &[u8]) -> Option<Kept> {
        let (generation, kept) = t.kept.as_ref()?;
        if *generation != GENERATION.load(Ordering::Acquire) {
            t.kept = None;
            return None;
        }
        let plain = masked(kept.clone())?;
        same(&plain[ENC..MAC], key).then_some(plain)
    }

    /// Encrypts `data` into `out` (AES-256-CBC, `key`, `iv`, no padding) hashing the
    /// ciphertext into the seal as it goes, when this thread knows `key`'s seal key. `false`
    /// when it does not: the caller encrypts the other way and calls [`note_written`].
    pub(crate) fn encrypt(key: &[u8], iv: &[u8], data: &[u8], out: &mut [u8]) -> bool {
        let fits = able()
            && key.len() == KEY
            && iv.len() == BLOCK
            && data.len() == out.len()
            && !data.is_empty()
            && data.len() % BLOCK == 0;
        if !fits {
            return false;
        }
        with_thread(|t| {
            t.last = Last::Nothing;
            let plain = unmasked(t, key)?;
            let mut inner = Zeroizing::new(words(&plain[INNER..OUTER]));
            // SAFETY: `able()` found AES, SHA and SSE2 on this processor; the lengths were
            // checked above (equal, whole blocks).
            let hashed = unsafe { pass(&plain[RK..INNER], iv, data, out, &mut inner) };
            // The page is encrypted either way; its seal is finished here only if every
            // chunk went into the hash (else the seal call computes it whole).
            if hashed {
                t.copy.clear();
                t.copy.extend_from_slice(out);
                t.last = Last::Stitched {
                    out: out.as_ptr() as usize,
                    len: out.len(),
                    inner,
                };
            }
            Some(())
        })
        .is_some()
    }

    /// A page was encrypted the other way under `key` into `out`: if the seal call that
    /// follows hashes it, its key is learnt ([`learn`]).
    pub(crate) fn note_written(key: &[u8], out: *const u8) {
        if !able() || key.len() != KEY {
            return;
        }
        with_thread(|t| {
            t.last = Last::Written {
                out: out as usize,
                enc: mask_key(key)?,
            };
            Some(())
        });
    }

    /// A seal call this pass does not finish (another algorithm): nothing is held for it.
    pub(crate) fn forget_last() {
        with_thread(|t| {
            t.last = Last::Nothing;
            Some(())
        });
    }

    /// The seal of `input` then `extra` under `key` into `tag`, finished from the pass when
    /// `input` is the page it has just encrypted, unchanged, and `key` the one it hashed
    /// with. `None`: compute it whole (and then call [`learn`]).
    pub(crate) fn seal(key: &[u8], input: &[u8], extra: &[u8], tag: &mut [u8]) -> Option<()> {
        with_thread(|t| {
            if !matches!(t.last, Last::Stitched { .. }) {
                return None;
            }
            let Last::Stitched { out, len, inner } = std::mem::take(&mut t.last) else {
                return None;
            };
            let fits = input.as_ptr() as usize == out
                && input.len() == len + BLOCK
                && extra.len() <= EXTRA_MAX
                && tag.len() == 32
                && t.copy.len() == len
                && t.copy[..] == input[..len];
            if !fits {
                return None;
            }
            let (_, kept) = t.kept.as_ref()?;
            let plain = masked(kept.clone())?;
            if !same(&plain[MAC..RK], key) {
                // The same encryption key with another seal key (another ledger keyed
                // alike, a copy being written): the whole seal teaches the new pair.
                let enc = mask_key(&plain[ENC..MAC])?;
                t.last = Last::Written { out, enc };
                return None;
            }
            let outer = Zeroizing::new(words(&plain[OUTER..KEPT]));
            if !finish(inner, outer, input, len - len % CHUNK, extra, tag) {
                return None;
            }
            #[cfg(test)]
            STITCHED.with(|n| n.set(n.get() + 1));
            Some(())
        })
    }

    /// After a seal computed whole with `key` over the page at `input`: if that page was
    /// just encrypted the other way, this thread keeps the pair of keys from now on.
    pub(crate) fn learn(key: &[u8], input: *const u8) {
        with_thread(|t| {
            let Last::Written { out, enc } = std::mem::take(&mut t.last) else {
                return None;
            };
            if out != input as usize || key.len() != KEY {
                return None;
            }
            // Unmasked (the mask is its own inverse).
            let enc = mask_key(&enc[..])?;
            let mut plain: Kept = Zeroizing::new([0u8; KEPT]);
            plain[ENC..MAC].copy_from_slice(&enc[..]);
            plain[MAC..RK].copy_from_slice(key);
            // SAFETY: `note_written` ran only where `able()` found AES and SSE2.
            unsafe { expand(&enc, &mut plain[RK..INNER]) };
            for (pad, at) in [(0x36u8, INNER), (0x5c, OUTER)] {
                let mut block = Zeroizing::new([pad; CHUNK]);
                block.iter_mut().zip(key).for_each(|(b, k)| *b ^= k);
                let mut state = Zeroizing::new(SHA256_H0);
                sha2::compress256(&mut state, std::slice::from_ref((&*block).into()));
                put_words(&state, &mut plain[at..at + 32]);
            }
            t.kept = Some((GENERATION.load(Ordering::Acquire), masked(plain)?));
            Some(())
        });
    }

    /// SQLCipher freed a ledger's cipher context: no thread keeps keys past it.
    pub(crate) fn forget() {
        GENERATION.fetch_add(1, Ordering::AcqRel);
        with_thread(|t| {
            t.kept = None;
            t.last = Last::Nothing;
            Some(())
        });
    }

    fn words(bytes: &[u8]) -> [u32; 8] {
        let mut w = [0u32; 8];
        for (w, b) in w.iter_mut().zip(bytes.chunks_exact(4)) {
            *w = u32::from_ne_bytes([b[0], b[1], b[2], b[3]]);
        }
        w
    }

    fn put_words(w: &[u32; 8], out: &mut [u8]) {
        for (w, o) in w.iter().zip(out.chunks_exact_mut(4)) {
            o.copy_from_slice(&w.to_ne_bytes());
        }
    }

    /// The seal from the inner state after `input[..hashed]`: the rest of `input`, `extra`,
    /// SHA-256's padding, then the outer hash. `false` (nothing written) if what is left
    /// does not fit the two blocks it is padded into (`seal` checks it cannot happen).
    fn finish(
        mut inner: Zeroizing<[u32; 8]>,
        mut outer: Zeroizing<[u32; 8]>,
        input: &[u8],
        hashed: usize,
        extra: &[u8],
        tag: &mut [u8],
    ) -> bool {
        let rest = &input[hashed..];
        if rest.len() + extra.len() + 9 > 2 * CHUNK || tag.len() != 32 {
            return false;
        }
        let mut tail = Zeroizing::new([0u8; 2 * CHUNK]);
        tail[..rest.len()].copy_from_slice(rest);
        tail[rest.len()..rest.len() + extra.len()].copy_from_slice(extra);
        let used = rest.len() + extra.len();
        tail[used] = 0x80;
        let blocks = if used + 9 <= CHUNK { 1 } else { 2 };
        let bits = ((CHUNK + input.len() + extra.len()) as u64) * 8;
        tail[blocks * CHUNK - 8..blocks * CHUNK].copy_from_slice(&bits.to_be_bytes());
        for b in tail[..blocks * CHUNK].chunks_exact(CHUNK) {
            if !hash(&mut inner, b) {
                return false;
            }
        }
        let mut block = Zeroizing::new([0u8; CHUNK]);
        for (w, o) in inner.iter().zip(block.chunks_exact_mut(4)) {
            o.copy_from_slice(&w.to_be_bytes());
        }
        block[32] = 0x80;
        block[CHUNK - 8..].copy_from_slice(&(((CHUNK + 32) as u64) * 8).to_be_bytes());
        sha2::compress256(&mut outer, std::slice::from_ref((&*block).into()));
        for (w, o) in outer.iter().zip(tag.chunks_exact_mut(4)) {
            o.copy_from_slice(&w.to_be_bytes());
        }
        true
    }

    /// AES-256's round keys of `key` into `out` (15 × 16 bytes).
    #[target_feature(enable = "aes,sse2")]
    unsafe fn expand(key: &[u8; KEY], out: &mut [u8]) {
        // SAFETY: loads and stores of 16 bytes within `key` and `out` (15 × 16 bytes).
        unsafe {
            let mut a = _mm_loadu_si128(key.as_ptr().cast());
            let mut b = _mm_loadu_si128(key.as_ptr().add(BLOCK).cast());
            let mut rk = [_mm_setzero_si128(); ROUNDS];
            (rk[0], rk[1]) = (a, b);
            macro_rules! spread {
                ($x:expr, $t:expr) => {{
                    let mut x = $x;
                    x = _mm_xor_si128(x, _mm_slli_si128::<4>(x));
                    x = _mm_xor_si128(x, _mm_slli_si128::<4>(x));
                    x = _mm_xor_si128(x, _mm_slli_si128::<4>(x));
                    _mm_xor_si128(x, $t)
                }};
            }
            macro_rules! step {
                ($i:expr, $rcon:expr) => {{
                    let t = _mm_shuffle_epi32::<0xff>(_mm_aeskeygenassist_si128::<$rcon>(b));
                    a = spread!(a, t);
                    rk[$i] = a;
                }};
                ($i:expr, $rcon:expr, both) => {{
                    step!($i, $rcon);
                    let t = _mm_shuffle_epi32::<0xaa>(_mm_aeskeygenassist_si128::<0>(a));
                    b = spread!(b, t);
                    rk[$i + 1] = b;
                }};
            }
            step!(2, 0x01, both);
            step!(4, 0x02, both);
            step!(6, 0x04, both);
            step!(8, 0x08, both);
            step!(10, 0x10, both);
            step!(12, 0x20, both);
            step!(14, 0x40);
            for (i, k) in rk.iter().enumerate() {
                _mm_storeu_si128(out.as_mut_ptr().add(i * BLOCK).cast(), *k);
            }
            rk = [_mm_setzero_si128(); ROUNDS];
            std::hint::black_box(&rk);
        }
    }

    #[target_feature(enable = "aes,sse2")]
    unsafe fn block(rk: &[__m128i; ROUNDS], x: __m128i) -> __m128i {
        let mut x = _mm_xor_si128(x, rk[0]);
        for k in &rk[1..ROUNDS - 1] {
            x = _mm_aesenc_si128(x, *k);
        }
        _mm_aesenclast_si128(x, rk[ROUNDS - 1])
    }

    /// CBC-encrypts `data` into `out`, hashing each whole 64 bytes of `out` into `inner` while
    /// the next 64 are encrypted (the two chains run side by side in the processor).
    #[target_feature(enable = "aes,sse2")]
    /// `false` if a chunk did not go into the hash (the ciphertext is whole either way).
    unsafe fn pass(
        rk: &[u8],
        iv: &[u8],
        data: &[u8],
        out: &mut [u8],
        inner: &mut [u32; 8],
    ) -> bool {
        // SAFETY: every load and store is of 16 bytes at a multiple of 16 below `data`'s and
        // `out`'s common length (a multiple of 16), and within `rk` (15 × 16) and `iv` (16).
        unsafe {
            let mut keys = [_mm_setzero_si128(); ROUNDS];
            for (i, k) in keys.iter_mut().enumerate() {
                *k = _mm_loadu_si128(rk.as_ptr().add(i * BLOCK).cast());
            }
            let mut prev = _mm_loadu_si128(iv.as_ptr().cast());
            let n = data.len();
            let chunks = n / CHUNK;
            let mut at = 0;
            let mut hashed = true;
            while at < n {
                let p = _mm_loadu_si128(data.as_ptr().add(at).cast());
                prev = block(&keys, _mm_xor_si128(p, prev));
                _mm_storeu_si128(out.as_mut_ptr().add(at).cast(), prev);
                at += BLOCK;
                // A chunk just finished: hash the one before it, already written.
                if at % CHUNK == 0 && at >= 2 * CHUNK {
                    hashed &= hash(inner, &out[at - 2 * CHUNK..at - CHUNK]);
                }
            }
            if chunks > 0 {
                hashed &= hash(inner, &out[(chunks - 1) * CHUNK..chunks * CHUNK]);
            }
            keys = [_mm_setzero_si128(); ROUNDS];
            std::hint::black_box(&keys);
            hashed
        }
    }

    /// One 64-byte block into `state`; `false` if `chunk` is not one.
    fn hash(state: &mut [u32; 8], chunk: &[u8]) -> bool {
        let Ok(b) = <&[u8; CHUNK]>::try_from(chunk) else {
            return false;
        };
        sha2::compress256(state, std::slice::from_ref(b.into()));
        true
    }
}
