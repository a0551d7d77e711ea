//! SQLCipher's page crypto, partly computed here. SQLCipher authenticates (HMAC) and
//! decrypts (AES-256-CBC) each page it reads, and its OpenSSL provider sets both up from
//! nothing on every page: it looks the algorithms up by name in OpenSSL's provider tables,
//! allocates and frees a context for each, and only then hashes 4 KB.
//!
//! The provider SQLCipher calls is a table of functions, and SQLCipher lets a program
//! register its own. This one is SQLCipher's OpenSSL provider with three entries replaced:
//! two by RustCrypto's (`hmac`, `sha2`, `aes`, `cbc`), which use the processor's SHA and AES
//! instructions and keep nothing between calls: HMAC-SHA256 (the seal of new ledgers,
//! `page_seal.rs`) and decryption. Per 4 KB page on this machine (`per_page` below):
//! HMAC-SHA256 3.2 → 2.4 µs, decryption 0.9 → 0.65 µs. The random bytes each page written
//! gets (its IV and reserve, 48 bytes) come from a ChaCha stream per thread seeded by the
//! operating system (`page_random`), not from OpenSSL's generator behind SQLCipher's global
//! mutex (about 1 µs a page at the desk, a seventh of a page's price). A page written is
//! encrypted and sealed in one pass once the thread has learnt the ledger's keys
//! (`page_stitch.rs`: 5.9 → 4.1 µs); the first page of each, HMAC-SHA512, the key
//! derivation and anything else (another algorithm or key size, an odd length) stay
//! OpenSSL's. The file format is SQLCipher's own: tests hold ours to OpenSSL's bytes, and
//! the integration tests read ledgers written this way through SQLCipher's OpenSSL
//! provider.

use std::os::raw::{c_int, c_uchar, c_void};
use std::sync::OnceLock;

use aes::Aes256;
use aes::cipher::block_padding::NoPadding;
use aes::cipher::{BlockDecryptMut, KeyIvInit};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use zeroize::Zeroize;

type HmacFn = unsafe extern "C" fn(
    *mut c_void,
    c_int,
    *const c_uchar,
    c_int,
    *const c_uchar,
    c_int,
    *const c_uchar,
    c_int,
    *mut c_uchar,
) -> c_int;

type CipherFn = unsafe extern "C" fn(
    *mut c_void,
    c_int,
    *const c_uchar,
    c_int,
    *const c_uchar,
    *const c_uchar,
    c_int,
    *mut c_uchar,
) -> c_int;

type RandomFn = unsafe extern "C" fn(*mut c_void, *mut c_void, c_int) -> c_int;

type CtxFn = unsafe extern "C" fn(*mut *mut c_void) -> c_int;

type Slot = *const c_void;

/// `struct sqlcipher_provider` of SQLCipher 4.19 (the bundled one, pinned in
/// Cargo.lock): every field in order, so that a copy is whole. `provider_matches` checks
/// the version before anything is copied.
#[repr(C)]
#[derive(Clone, Copy)]
struct Provider {
    init: Slot,
    shutdown: Slot,
    get_provider_name: Slot,
    add_random: Slot,
    random: Option<RandomFn>,
    hmac: Option<HmacFn>,
    kdf: Slot,
    cipher: Option<CipherFn>,
    get_cipher: Slot,
    get_key_sz: Slot,
    get_iv_sz: Slot,
    get_block_sz: Slot,
    get_hmac_sz: Slot,
    ctx_init: Slot,
    ctx_free: Option<CtxFn>,
    fips_status: Slot,
    get_provider_version: Slot,
    next: *mut Provider,
}

unsafe extern "C" {
    fn sqlcipher_get_provider() -> *mut Provider;
    fn sqlcipher_register_provider(p: *mut Provider) -> c_int;
    fn sqlcipher_malloc(size: u64) -> *mut c_void;
}

const SQLITE_OK: c_int = 0;
const SQLITE_ERROR: c_int = 1;
/// SQLCipher's names for the algorithms and directions (sqlcipher.h).
const HMAC_SHA256: c_int = 1;
#[cfg(test)]
const HMAC_SHA512: c_int = 2;
const DECRYPT: c_int = 0;
const ENCRYPT: c_int = 1;
const KEY_BYTES: c_int = 32;
const IV_BYTES: usize = 16;
const BLOCK_BYTES: c_int = 16;

/// The SQLCipher this layout was read from.
const LAYOUT_OF: &str = "4.19.";

/// OpenSSL's HMAC, cipher and random bytes, for what ours leave to them.
static OPENSSL: OnceLock<(HmacFn, CipherFn, RandomFn)> = OnceLock::new();
/// OpenSSL's provider context release, which ours calls after forgetting kept keys.
static OPENSSL_CTX_FREE: OnceLock<CtxFn> = OnceLock::new();

/// Makes SQLCipher use this module's HMAC, cipher and random bytes for every connection
/// keyed from now on. `cipher_version` is SQLCipher's own (`PRAGMA cipher_version`): another
/// version may lay out its provider differently, and is left as it is. Call once, after
/// SQLCipher has registered its provider (any connection opened does that).
pub(super) fn install(cipher_version: &str) -> bool {
    if !cipher_version.starts_with(LAYOUT_OF) {
        return false;
    }
    // SAFETY: SQLCipher returns its registered provider, a `Provider` as above (the
    // version was checked); the copy is allocated with SQLCipher's allocator because
    // SQLCipher frees registered providers with its own at shutdown, and it is fully
    // written before it is registered (under SQLCipher's provider mutex).
    unsafe {
        let current = sqlcipher_get_provider();
        if current.is_null() {
            return false;
        }
        let (Some(hmac), Some(cipher), Some(random)) =
            ((*current).hmac, (*current).cipher, (*current).random)
        else {
            return false;
        };
        let _ = OPENSSL.set((hmac, cipher, random));
        if let Some(free) = (*current).ctx_free {
            let _ = OPENSSL_CTX_FREE.set(free);
        }
        let ours = sqlcipher_malloc(std::mem::size_of::<Provider>() as u64).cast::<Provider>();
        if ours.is_null() {
            return false;
        }
        ours.write(Provider {
            // OpenSSL's is already set up; ours must neither set it up again nor shut
            // it down a second time.
            init: std::ptr::null(),
            shutdown: std::ptr::null(),
            hmac: Some(page_hmac),
            cipher: Some(page_cipher),
            random: Some(page_random),
            ctx_free: Some(page_ctx_free),
            next: std::ptr::null_mut(),
            ..*current
        });
        sqlcipher_register_provider(ours) == SQLITE_OK
    }
}

/// SQLCipher's `hmac`: the MAC of `in` then `in2` (the page number) under `key`.
unsafe extern "C" fn page_hmac(
    ctx: *mut c_void,
    algorithm: c_int,
    key: *const c_uchar,
    key_sz: c_int,
    input: *const c_uchar,
    in_sz: c_int,
    in2: *const c_uchar,
    in2_sz: c_int,
    out: *mut c_uchar,
) -> c_int {
    let ours = algorithm == HMAC_SHA256
        && !key.is_null()
        && key_sz > 0
        && !input.is_null()
        && in_sz >= 0
        && (in2.is_null() || in2_sz >= 0)
        && !out.is_null();
    if !ours {
        // A seal this module does not compute (HMAC-SHA512): nothing is kept for it.
        super::page_stitch::forget_last();
        return match OPENSSL.get() {
            // SAFETY: OpenSSL's own function, called with SQLCipher's arguments unchanged.
            Some((hmac, _, _)) => unsafe {
                hmac(ctx, algorithm, key, key_sz, input, in_sz, in2, in2_sz, out)
            },
            None => SQLITE_ERROR,
        };
    }
    // SAFETY: SQLCipher passes buffers of the sizes it names, and an `out` as long as the
    // algorithm's MAC (its get_hmac_sz); none of them is null (checked above).
    let (key, data, extra) = unsafe {
        (
            std::slice::from_raw_parts(key, key_sz as usize),
            std::slice::from_raw_parts(input, in_sz as usize),
            if in2.is_null() {
                &[][..]
            } else {
                std::slice::from_raw_parts(in2, in2_sz as usize)
            },
        )
    };
    // SAFETY: `out` holds the algorithm's MAC, 32 bytes (SQLCipher sizes it by
    // get_hmac_sz), apart from `in` (SQLCipher writes it after the IV it seals).
    let tag_out = unsafe { std::slice::from_raw_parts_mut(out, 32) };
    if super::page_stitch::seal(key, data, extra, tag_out).is_some() {
        return SQLITE_OK;
    }
    let Ok(mut mac) = <Hmac<Sha256> as Mac>::new_from_slice(key) else {
        return SQLITE_ERROR;
    };
    mac.update(data);
    mac.update(extra);
    let mut tag = mac.finalize_reset().into_bytes();
    tag_out.copy_from_slice(&tag);
    tag.as_mut_slice().zeroize();
    wipe(&mut mac);
    super::page_stitch::learn(key, input);
    SQLITE_OK
}

/// Overwrites `mac`'s state (its key's inner and outer hashes, enough to forge a seal) with
/// zeros, as OpenSSL does when it frees its context: `hmac` keeps no zeroize of its own.
fn wipe(mac: &mut Hmac<Sha256>) {
    // SAFETY: the state is plain integers and byte arrays (no pointer, no Drop with
    // effects), for which all zeros is a valid value; the bytes are `mac`'s own.
    let bytes = unsafe {
        std::slice::from_raw_parts_mut(
            (mac as *mut Hmac<Sha256>).cast::<u8>(),
            std::mem::size_of::<Hmac<Sha256>>(),
        )
    };
    bytes.zeroize();
}

/// SQLCipher's `cipher`: AES-256-CBC without padding over `in_sz` bytes into `out`.
/// Decryption is RustCrypto's. Encryption is done in one pass with the seal that follows
/// (`page_stitch.rs`) once this thread knows the ledger's keys, else by OpenSSL (faster here
/// than RustCrypto alone), the page noted so that the seal call can teach the keys.
unsafe extern "C" fn page_cipher(
    ctx: *mut c_void,
    mode: c_int,
    key: *const c_uchar,
    key_sz: c_int,
    iv: *const c_uchar,
    input: *const c_uchar,
    in_sz: c_int,
    out: *mut c_uchar,
) -> c_int {
    let Some(&(_, openssl, _)) = OPENSSL.get() else {
        return SQLITE_ERROR;
    };
    let ours = (mode == DECRYPT || mode == ENCRYPT)
        && key_sz == KEY_BYTES
        && in_sz > 0
        && in_sz % BLOCK_BYTES == 0
        && !key.is_null()
        && !iv.is_null()
        && !input.is_null()
        && !out.is_null()
        && apart(input, out, in_sz as usize);
    if !ours {
        // SAFETY: OpenSSL's own function, called with SQLCipher's arguments unchanged.
        return unsafe { openssl(ctx, mode, key, key_sz, iv, input, in_sz, out) };
    }
    let n = in_sz as usize;
    // SAFETY: SQLCipher passes a 32-byte key (checked), a 16-byte IV, and `in` and `out`
    // of `in_sz` bytes each, which do not overlap (checked).
    let (key_bytes, iv_bytes, data, out_bytes) = unsafe {
        (
            std::slice::from_raw_parts(key, KEY_BYTES as usize),
            std::slice::from_raw_parts(iv, IV_BYTES),
            std::slice::from_raw_parts(input, n),
            std::slice::from_raw_parts_mut(out, n),
        )
    };
    if mode == DECRYPT {
        return match cbc::Decryptor::<Aes256>::new(key_bytes.into(), iv_bytes.into())
            .decrypt_padded_b2b_mut::<NoPadding>(data, out_bytes)
        {
            Ok(_) => SQLITE_OK,
            Err(_) => SQLITE_ERROR,
        };
    }
    if super::page_stitch::encrypt(key_bytes, iv_bytes, data, out_bytes) {
        return SQLITE_OK;
    }
    // SAFETY: as above; the slices made from the arguments are not used past this call
    // but for reading the key.
    let rc = unsafe { openssl(ctx, mode, key, key_sz, iv, input, in_sz, out) };
    if rc == SQLITE_OK {
        super::page_stitch::note_written(key_bytes, out);
    }
    rc
}

/// SQLCipher's `ctx_free`, when it lets a ledger's cipher context go: the keys kept for
/// the one-pass seal are forgotten, then OpenSSL's context is freed.
unsafe extern "C" fn page_ctx_free(ctx: *mut *mut c_void) -> c_int {
    super::page_stitch::forget();
    match OPENSSL_CTX_FREE.get() {
        // SAFETY: OpenSSL's own function, called with SQLCipher's argument unchanged.
        Some(free) => unsafe { free(ctx) },
        None => SQLITE_OK,
    }
}

/// SQLCipher's `random`: `length` random bytes into `buffer` (a page's IV and reserve, a new
/// ledger's salt), from this thread's stream (`page_random.rs`); OpenSSL's when the system
/// gives no seed.
unsafe extern "C" fn page_random(ctx: *mut c_void, buffer: *mut c_void, length: c_int) -> c_int {
    if buffer.is_null() || length < 0 {
        return SQLITE_ERROR;
    }
    // SAFETY: SQLCipher passes a buffer of `length` bytes (not null, checked).
    let out = unsafe { std::slice::from_raw_parts_mut(buffer.cast::<u8>(), length as usize) };
    if super::page_random::fill(out) {
        return SQLITE_OK;
    }
    match OPENSSL.get() {
        // SAFETY: OpenSSL's own function, called with SQLCipher's arguments unchanged.
        Some((_, _, random)) => unsafe { random(ctx, buffer, length) },
        None => SQLITE_ERROR,
    }
}

/// Whether the `n` bytes at `a` and at `b` do not overlap.
fn apart(a: *const c_uchar, b: *mut c_uchar, n: usize) -> bool {
    let (a, b) = (a as usize, b as usize);
    a.saturating_add(n) <= b || b.saturating_add(n) <= a
}

#[cfg(test)]
mod tests {
    use super::*;

    fn installed() -> (HmacFn, CipherFn, RandomFn) {
        crate::store::cipher_ready();
        *OPENSSL
            .get()
            .expect("installed: is the bundled SQLCipher still 4.19?")
    }

    fn bytes(n: usize, seed: u8) -> Vec<u8> {
        (0..n)
            .map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed))
            .collect()
    }

    /// SQLCipher calls ours: if the bundled SQLCipher moves on, this fails until its
    /// provider's layout has been read again (`Provider`, `LAYOUT_OF`).
    #[test]
    fn sqlcipher_calls_ours() {
        installed();
        // SAFETY: the registered provider, read only.
        let p = unsafe { *sqlcipher_get_provider() };
        assert_eq!(
            p.hmac.map(|f| f as usize),
            Some(page_hmac as HmacFn as usize)
        );
        assert_eq!(
            p.cipher.map(|f| f as usize),
            Some(page_cipher as CipherFn as usize)
        );
        assert_eq!(
            p.random.map(|f| f as usize),
            Some(page_random as RandomFn as usize)
        );
    }

    /// Ours fills what SQLCipher asks for, a different 48 bytes every page; a null buffer
    /// is an error, not a crash.
    #[test]
    fn random_fills_a_page_reserve() {
        installed();
        let draw = || {
            let mut reserve = [0u8; 48];
            let rc = unsafe { page_random(std::ptr::null_mut(), reserve.as_mut_ptr().cast(), 48) };
            assert_eq!(rc, SQLITE_OK);
            reserve
        };
        assert_ne!(draw(), draw());
        let rc = unsafe { page_random(std::ptr::null_mut(), std::ptr::null_mut(), 48) };
        assert_eq!(rc, SQLITE_ERROR);
    }

    /// Ours give OpenSSL's bytes: the MACs over a page and its number, and the page
    /// encrypted, for each seal and for several pages; and decrypting gives it back.
    #[test]
    fn ours_are_openssl_byte_for_byte() {
        let (openssl_hmac, openssl_cipher, _) = installed();
        let key = bytes(32, 7);
        let iv = bytes(16, 9);
        for (seed, len) in [(1u8, 4016usize), (2, 4048), (3, 16), (4, 65536 - 80)] {
            let page = bytes(len - len % 16, seed);
            let pgno = [seed, 0, 0, 0];
            for (algorithm, size) in [(HMAC_SHA256, 32), (HMAC_SHA512, 64)] {
                let (mut a, mut b) = (vec![0u8; size], vec![0u8; size]);
                let call = |f: HmacFn, out: &mut [u8]| unsafe {
                    f(
                        std::ptr::null_mut(),
                        algorithm,
                        key.as_ptr(),
                        32,
                        page.as_ptr(),
                        page.len() as c_int,
                        pgno.as_ptr(),
                        4,
                        out.as_mut_ptr(),
                    )
                };
                assert_eq!(call(openssl_hmac, &mut a), SQLITE_OK);
                assert_eq!(call(page_hmac, &mut b), SQLITE_OK);
                assert_eq!(a, b, "HMAC {algorithm} over {len} bytes");
            }
            let run = |f: CipherFn, mode: c_int, input: &[u8]| {
                let mut out = vec![0u8; input.len()];
                let rc = unsafe {
                    f(
                        std::ptr::null_mut(),
                        mode,
                        key.as_ptr(),
                        32,
                        iv.as_ptr(),
                        input.as_ptr(),
                        input.len() as c_int,
                        out.as_mut_ptr(),
                    )
                };
                assert_eq!(rc, SQLITE_OK);
                out
            };
            let sealed = run(openssl_cipher, ENCRYPT, &page);
            assert_eq!(run(page_cipher, ENCRYPT, &page), sealed);
            assert_ne!(sealed, page);
            assert_eq!(run(page_cipher, DECRYPT, &sealed), page);
            assert_eq!(run(openssl_cipher, DECRYPT, &sealed), page);
        }
    }

    /// What ours were not written for goes to OpenSSL: HMAC-SHA1 (SQLCipher 3's seal).
    #[test]
    fn another_algorithm_goes_to_openssl() {
        let (openssl_hmac, _, _) = installed();
        let (key, page) = (bytes(32, 1), bytes(1024, 2));
        let (mut a, mut b) = ([0u8; 20], [0u8; 20]);
        for (f, out) in [(openssl_hmac, &mut a), (page_hmac as HmacFn, &mut b)] {
            let rc = unsafe {
                f(
                    std::ptr::null_mut(),
                    0,
                    key.as_ptr(),
                    32,
                    page.as_ptr(),
                    1024,
                    std::ptr::null(),
                    0,
                    out.as_mut_ptr(),
                )
            };
            assert_eq!(rc, SQLITE_OK);
        }
        assert_eq!(a, b);
        assert_ne!(a, [0u8; 20]);
    }
}

#[cfg(all(test, target_arch = "x86_64"))]
#[path = "page_stitch_tests.rs"]
mod stitch_tests;

#[cfg(test)]
mod speed {
    use super::*;

    /// Not a check: how long each takes per 4 KB page (`cargo test --release --lib --
    /// --ignored page_crypto::speed --nocapture`).
    #[test]
    #[ignore]
    fn per_page() {
        crate::store::cipher_ready();
        let (oh, oc, or) = *OPENSSL.get().unwrap();
        let key = [7u8; 32];
        let iv = [9u8; 16];
        let page = vec![5u8; 4048];
        let mut out = vec![0u8; 4016];
        let (k, p, o) = (key.as_ptr(), page.as_ptr(), out.as_mut_ptr());
        let null = std::ptr::null_mut();
        for (name, f) in [("openssl", oh), ("ours", page_hmac as HmacFn)] {
            for alg in [HMAC_SHA256, HMAC_SHA512] {
                per_call(&format!("hmac {name} {alg}"), || unsafe {
                    f(null, alg, k, 32, p, 4016, iv.as_ptr(), 4, o);
                });
            }
        }
        for (name, f) in [("openssl", oc), ("ours", page_cipher as CipherFn)] {
            for mode in [DECRYPT, ENCRYPT] {
                per_call(&format!("cipher {name} {mode}"), || unsafe {
                    f(null, mode, k, 32, iv.as_ptr(), p, 4016, o);
                });
            }
        }
        // A page written as SQLCipher writes it: encrypted, then sealed (HMAC-SHA256).
        let seal_key = [3u8; 32];
        let mut written = vec![0u8; 4096];
        for (name, h, c) in [
            ("openssl", oh, oc),
            (
                "openssl's encryption, our seal (before the one pass)",
                page_hmac as HmacFn,
                oc,
            ),
            ("ours", page_hmac as HmacFn, page_cipher as CipherFn),
        ] {
            let w = written.as_mut_ptr();
            per_call(&format!("page written and sealed, {name}"), || unsafe {
                c(null, ENCRYPT, k, 32, w.add(4048), p, 4048, w);
                h(
                    null,
                    HMAC_SHA256,
                    seal_key.as_ptr(),
                    32,
                    w,
                    4064,
                    p,
                    4,
                    w.add(4064),
                );
            });
        }
        for (name, f) in [("openssl", or), ("ours", page_random as RandomFn)] {
            per_call(&format!("random {name} (48 bytes)"), || unsafe {
                f(null, o.cast(), 48);
            });
        }
    }

    /// Prints the mean time of 20,000 calls of `f`.
    fn per_call(label: &str, mut f: impl FnMut()) {
        let n = 20_000;
        let t = std::time::Instant::now();
        for _ in 0..n {
            f();
        }
        let each = t.elapsed().as_secs_f64() * 1e6 / f64::from(n);
        println!("{label}: {each:.2} µs");
    }
}
