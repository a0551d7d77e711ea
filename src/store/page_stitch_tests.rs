//! The one-pass encryption and seal (`page_stitch.rs`) against OpenSSL's two calls, called
//! as SQLCipher calls them: the page encrypted into its buffer with the IV after it, then
//! the ciphertext and IV sealed with the page number, the seal written after the IV.

use super::*;
use crate::store::page_stitch;

const RESERVE: usize = 48;

fn installed() -> (HmacFn, CipherFn) {
    crate::store::cipher_ready();
    let (h, c, _) = *OPENSSL.get().expect("installed");
    (h, c)
}

/// `n` bytes of a xorshift stream, a different one for each seed.
fn bytes(n: usize, seed: u32) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9e37_79b9) | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x >> 24) as u8
        })
        .collect()
}

/// SQLCipher writing page `pgno` of `size` bytes (plus the reserve) with `cipher` and `hmac`.
fn write(
    (hmac, cipher): (HmacFn, CipherFn),
    keys: (&[u8], &[u8]),
    iv: &[u8],
    plain: &[u8],
    pgno: u32,
    between: impl FnOnce(&mut [u8]),
) -> Vec<u8> {
    let size = plain.len();
    let mut page = vec![0u8; size + RESERVE];
    page[size..size + 16].copy_from_slice(iv);
    let p = page.as_mut_ptr();
    let rc = unsafe {
        cipher(
            std::ptr::null_mut(),
            ENCRYPT,
            keys.0.as_ptr(),
            32,
            p.add(size),
            plain.as_ptr(),
            size as c_int,
            p,
        )
    };
    assert_eq!(rc, SQLITE_OK);
    between(&mut page);
    let p = page.as_mut_ptr();
    let pgno = pgno.to_le_bytes();
    let rc = unsafe {
        hmac(
            std::ptr::null_mut(),
            HMAC_SHA256,
            keys.1.as_ptr(),
            32,
            p,
            (size + 16) as c_int,
            pgno.as_ptr(),
            4,
            p.add(size + 16),
        )
    };
    assert_eq!(rc, SQLITE_OK);
    page
}

fn stitched() -> u64 {
    page_stitch::STITCHED.with(|n| n.get())
}

/// Every page comes out as OpenSSL writes it, and once the keys are learnt pages are
/// sealed from the pass. (Other tests close ledgers meanwhile, and each close makes every
/// thread learn its keys again: so "most", not "all but the first".)
#[test]
fn a_page_written_is_openssl_s_byte_for_byte() {
    let openssl = installed();
    let ours = (page_hmac as HmacFn, page_cipher as CipherFn);
    let (key, mac) = (bytes(32, 1), bytes(32, 2));
    for size in [4048usize, 4032, 4064 - 48, 16, 48, 65536 - RESERVE] {
        let before = stitched();
        for pgno in 1..=12u32 {
            let plain = bytes(size, pgno * 7 + size as u32);
            let iv = bytes(16, pgno);
            let want = write(openssl, (&key, &mac), &iv, &plain, pgno, |_| ());
            let got = write(ours, (&key, &mac), &iv, &plain, pgno, |_| ());
            assert_eq!(got, want, "page {pgno} of {size} bytes");
        }
        assert!(
            stitched() - before >= 6,
            "{size}-byte pages sealed from the pass"
        );
    }
}

/// A page changed between the two calls is sealed whole: the seal is of what is handed
/// over, never of what the pass wrote.
#[test]
fn a_page_changed_before_its_seal_is_sealed_whole() {
    let openssl = installed();
    let ours = (page_hmac as HmacFn, page_cipher as CipherFn);
    let (key, mac) = (bytes(32, 3), bytes(32, 4));
    let plain = bytes(4048, 5);
    let iv = bytes(16, 6);
    let flip = |p: &mut [u8]| p[100] ^= 1;
    for pgno in 1..=6 {
        let want = write(openssl, (&key, &mac), &iv, &plain, pgno, flip);
        let before = stitched();
        let got = write(ours, (&key, &mac), &iv, &plain, pgno, flip);
        assert_eq!(got, want);
        assert_eq!(
            stitched(),
            before,
            "a changed page is never sealed from the pass"
        );
    }
}

/// Another encryption key is learnt afresh, and a seal key other than the one learnt is
/// not finished from the pass; the pages are right either way.
#[test]
fn other_keys_are_learnt_or_sealed_whole() {
    let openssl = installed();
    let ours = (page_hmac as HmacFn, page_cipher as CipherFn);
    let plain = bytes(4048, 9);
    let iv = bytes(16, 10);
    let (a, b, mac) = (bytes(32, 11), bytes(32, 12), bytes(32, 13));
    let other_mac = bytes(32, 14);
    let mut from_pass = 0;
    for round in 0..8u32 {
        for (key, seal) in [(&a, &mac), (&b, &mac), (&a, &other_mac), (&a, &other_mac)] {
            let want = write(openssl, (key, seal), &iv, &plain, round, |_| ());
            let before = stitched();
            let got = write(ours, (key, seal), &iv, &plain, round, |_| ());
            assert_eq!(got, want);
            from_pass += stitched() - before;
        }
    }
    assert!(
        from_pass > 0,
        "the pairs met twice in a row are sealed from the pass"
    );
}

/// Another seal key after the same encryption key (a copy keyed alike being written) is
/// learnt in its turn: the pages after it are sealed from the pass again.
#[test]
fn a_new_seal_key_for_the_same_encryption_key_is_learnt() {
    let openssl = installed();
    let ours = (page_hmac as HmacFn, page_cipher as CipherFn);
    let plain = bytes(4048, 31);
    let iv = bytes(16, 32);
    let (key, first, second) = (bytes(32, 33), bytes(32, 34), bytes(32, 35));
    let mut from_pass = 0;
    for round in 0..8u32 {
        for seal in [&first, &first, &second, &second, &second] {
            let want = write(openssl, (&key, seal), &iv, &plain, round, |_| ());
            let before = stitched();
            assert_eq!(write(ours, (&key, seal), &iv, &plain, round, |_| ()), want);
            from_pass += stitched() - before;
        }
    }
    // Of each round's five pages, the first of each key teaches it (three from the pass,
    // 24 in all); kept to the first pair it would be 15. Other tests' ledgers closing
    // meanwhile may cost a few.
    assert!(from_pass >= 20, "{from_pass} of 40 from the pass");
}

/// Freeing a cipher context forgets the kept keys; closing a ledger frees its contexts.
#[test]
fn keys_are_forgotten_when_a_ledger_closes() {
    let ours = (page_hmac as HmacFn, page_cipher as CipherFn);
    installed();
    let (key, mac) = (bytes(32, 21), bytes(32, 22));
    let plain = bytes(4048, 23);
    write(ours, (&key, &mac), &bytes(16, 24), &plain, 1, |_| ());
    assert!(page_stitch::keeps_keys(), "the seal call taught the keys");
    page_stitch::forget();
    assert!(!page_stitch::keeps_keys());

    write(ours, (&key, &mac), &bytes(16, 24), &plain, 1, |_| ());
    assert!(page_stitch::keeps_keys());
    let dir = tempfile::tempdir().expect("a temporary directory");
    let conn = rusqlite::Connection::open(dir.path().join("x.db")).expect("opens");
    conn.execute_batch("PRAGMA key = 'x'; CREATE TABLE t (a); INSERT INTO t VALUES (1);")
        .expect("an encrypted ledger is written");
    drop(conn);
    assert!(!page_stitch::keeps_keys(), "closing the ledger forgot them");
}

/// A ledger closed on another thread stops this one using the keys it keeps: its next page
/// is sealed whole (the kept keys' generation has passed).
#[test]
fn a_close_on_another_thread_stops_the_kept_keys_here() {
    installed();
    let ours = (page_hmac as HmacFn, page_cipher as CipherFn);
    let (key, mac) = (bytes(32, 41), bytes(32, 42));
    let (plain, iv) = (bytes(4048, 43), bytes(16, 44));
    // Until a page is sealed from the pass (other tests' closes may come between).
    let from_pass = (0..50).any(|_| {
        let before = stitched();
        write(ours, (&key, &mac), &iv, &plain, 1, |_| ());
        stitched() > before
    });
    assert!(from_pass, "the keys were learnt");
    std::thread::spawn(page_stitch::forget)
        .join()
        .expect("the other thread");
    let before = stitched();
    write(ours, (&key, &mac), &iv, &plain, 1, |_| ());
    assert_eq!(
        stitched(),
        before,
        "the kept keys were not used after the close"
    );
}

/// A page sealed with another algorithm (HMAC-SHA512, an older ledger) leaves nothing of
/// its encryption key held between pages.
#[test]
fn a_seal_this_module_leaves_to_openssl_holds_nothing() {
    installed();
    let (key, mac) = (bytes(32, 51), bytes(32, 52));
    let plain = bytes(4016, 53);
    let mut page = vec![0u8; 4096];
    page[4016..4032].copy_from_slice(&bytes(16, 54));
    let p = page.as_mut_ptr();
    let rc = unsafe {
        page_cipher(
            std::ptr::null_mut(),
            ENCRYPT,
            key.as_ptr(),
            32,
            p.add(4016),
            plain.as_ptr(),
            4016,
            p,
        )
    };
    assert_eq!(rc, SQLITE_OK);
    let pgno = 7u32.to_le_bytes();
    let rc = unsafe {
        page_hmac(
            std::ptr::null_mut(),
            HMAC_SHA512,
            mac.as_ptr(),
            32,
            p,
            4032,
            pgno.as_ptr(),
            4,
            p.add(4032),
        )
    };
    assert_eq!(rc, SQLITE_OK);
    assert!(
        !page_stitch::holds_a_page(),
        "nothing held after a SHA-512 seal"
    );
}
