//! The ledger's keys: the random data key that SQLCipher opens the file with,
//! its recovery form (kept on paper in the office safe) and the key slots in
//! which each operator's passphrase wraps a copy of it (as LUKS does).
//!
//! Why a raw data key and slots rather than a passphrase given to SQLCipher:
//! a raw key costs no key derivation on each of the several connections a
//! command opens, several people can open the same file with their own
//! passphrases, and changing or revoking one passphrase rewrites one slot,
//! never the whole ledger.

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::{Zeroize, Zeroizing};

use super::page_seal::PageSeal;

/// What can go wrong between a passphrase (or a recovery key) and an open ledger.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("the ledger is not encrypted")]
    NotEncrypted,
    #[error("the key does not open this ledger")]
    WrongKey,
    #[error("no key slots beside the ledger ({0})")]
    NoSidecar(String),
    #[error("the key slots are damaged: {0}")]
    SidecarDamaged(String),
    #[error("no key slot for {0}")]
    NoSlot(String),
    #[error("{0} already has a key slot")]
    SlotExists(String),
    #[error("wrong passphrase ({left} tries left)")]
    WrongPassphrase { left: u32 },
    #[error("locked until {until}")]
    Locked { until: DateTime<FixedOffset> },
    #[error("not a recovery key")]
    BadRecoveryKey,
    #[error("an empty passphrase")]
    EmptyPassphrase,
    #[error("no random numbers from the system: {0}")]
    Random(String),
    #[error("key slots file: {0}")]
    Io(#[from] std::io::Error),
}

/// The 256-bit key the ledger is encrypted with; wiped from memory when dropped.
#[derive(Clone)]
pub struct DataKey(Zeroizing<[u8; 32]>);

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(..)")
    }
}

impl DataKey {
    /// A fresh key from the operating system's CSPRNG.
    pub fn generate() -> Result<DataKey, KeyError> {
        let mut key = Zeroizing::new([0u8; 32]);
        random(&mut key[..])?;
        Ok(DataKey(key))
    }

    /// A fixed key (tests, and a key read back from its recovery form).
    pub fn from_bytes(bytes: [u8; 32]) -> DataKey {
        DataKey(Zeroizing::new(bytes))
    }

    fn bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// HMAC-SHA256 of `text` under this key, in hex: the receipt beside the ledger is
    /// sealed with it, so a receipt made without the key (or for another ledger) is known.
    pub(crate) fn seal(&self, text: &[u8]) -> String {
        let mut pad = Zeroizing::new([0u8; 64]);
        pad[..32].copy_from_slice(self.bytes());
        let inner = Sha256::new()
            .chain_update(Zeroizing::new(pad.map(|b| b ^ 0x36)).as_slice())
            .chain_update(b"xinfang receipt\0")
            .chain_update(text)
            .finalize();
        let outer = Sha256::new()
            .chain_update(Zeroizing::new(pad.map(|b| b ^ 0x5c)).as_slice())
            .chain_update(inner)
            .finalize();
        hex(&outer).as_str().to_owned()
    }

    /// The statements that key a connection with this raw key (no KDF on open) and
    /// select how its pages are sealed.
    #[cfg(not(feature = "plaintext-bench"))]
    pub(crate) fn pragma(&self, seal: PageSeal) -> Zeroizing<String> {
        Zeroizing::new(format!(
            "PRAGMA key = \"x'{}'\"; {}",
            hex(self.bytes()).as_str(),
            seal.pragma()
        ))
    }

    /// A benchmark build (`--features plaintext-bench`) keys nothing: the same
    /// code on the same data, plaintext, so that BENCHMARKS.md can state what
    /// encryption costs. Never an office's build (see Cargo.toml).
    #[cfg(feature = "plaintext-bench")]
    pub(crate) fn pragma(&self, seal: PageSeal) -> Zeroizing<String> {
        let _ = (self.bytes(), seal);
        Zeroizing::new(String::new())
    }

    /// The recovery key: the data key itself with a 3-byte checksum, in Crockford
    /// base32 (no I, L, O, U), 14 groups of 4 — typable from paper, checked
    /// for typos before it is tried. It is the data key so that it opens the file
    /// alone, even when every slot is lost.
    pub fn recovery(&self) -> Zeroizing<String> {
        let mut raw = Zeroizing::new(Vec::with_capacity(35));
        raw.extend_from_slice(self.bytes());
        raw.extend_from_slice(&checksum(self.bytes()));
        let text = Zeroizing::new(base32(&raw));
        let groups: Vec<&str> = text
            .as_bytes()
            .chunks(4)
            .map(|c| std::str::from_utf8(c).unwrap_or_default())
            .collect();
        Zeroizing::new(groups.join("-"))
    }

    /// Reads a recovery key back, forgiving case, spaces, dashes and the
    /// letters people confuse with digits (I, L → 1; O → 0).
    pub fn from_recovery(text: &str) -> Result<DataKey, KeyError> {
        let mut raw = Zeroizing::new(Vec::with_capacity(35));
        let (mut acc, mut bits) = (0u32, 0u32);
        for c in text.chars().filter(|c| !c.is_whitespace() && *c != '-') {
            let v = crockford(c).ok_or(KeyError::BadRecoveryKey)?;
            acc = (acc << 5) | v;
            bits += 5;
            if bits >= 8 {
                bits -= 8;
                raw.push((acc >> bits) as u8);
                acc &= (1 << bits) - 1;
            }
        }
        acc.zeroize();
        if raw.len() != 35 {
            return Err(KeyError::BadRecoveryKey);
        }
        let mut key = [0u8; 32];
        key.copy_from_slice(&raw[..32]);
        let key = DataKey::from_bytes(key);
        if checksum(key.bytes()) != raw[32..35] {
            return Err(KeyError::BadRecoveryKey);
        }
        Ok(key)
    }
}

const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

fn crockford(c: char) -> Option<u32> {
    let c = match c.to_ascii_uppercase() {
        'I' | 'L' => '1',
        'O' => '0',
        c => c,
    };
    CROCKFORD
        .iter()
        .position(|&a| char::from(a) == c)
        .map(|p| p as u32)
}

fn base32(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 8 / 5 + 1);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(CROCKFORD[((acc >> bits) & 31) as usize]));
        }
        acc &= (1 << bits) - 1;
    }
    if bits > 0 {
        out.push(char::from(CROCKFORD[((acc << (5 - bits)) & 31) as usize]));
    }
    acc.zeroize();
    out
}

fn checksum(key: &[u8; 32]) -> [u8; 3] {
    let d = Sha256::digest(key);
    [d[0], d[1], d[2]]
}

fn random(buf: &mut [u8]) -> Result<(), KeyError> {
    getrandom::fill(buf).map_err(|e| KeyError::Random(e.to_string()))
}

pub(crate) fn hex(bytes: &[u8]) -> Zeroizing<String> {
    let mut s = Zeroizing::new(String::with_capacity(bytes.len() * 2));
    for b in bytes {
        s.push(char::from(b"0123456789abcdef"[usize::from(b >> 4)]));
        s.push(char::from(b"0123456789abcdef"[usize::from(b & 15)]));
    }
    s
}

fn unhex(s: &str, what: &str) -> Result<Vec<u8>, KeyError> {
    let damaged = || KeyError::SidecarDamaged(format!("{what} is not hexadecimal"));
    if s.len() % 2 != 0 {
        return Err(damaged());
    }
    (0..s.len())
        .step_by(2)
        .map(|i| s.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()))
        .collect::<Option<Vec<u8>>>()
        .ok_or_else(damaged)
}

/// argon2id's cost, stored with each slot so that it can be raised later
/// without invalidating older slots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kdf {
    /// Memory in KiB.
    pub m_cost: u32,
    pub t_cost: u32,
    pub p_cost: u32,
}

impl Kdf {
    /// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): about 30 ms here,
    /// paid once per sign-in, never per connection.
    pub const STANDARD: Kdf = Kdf {
        m_cost: 19 * 1024,
        t_cost: 2,
        p_cost: 1,
    };

    /// For slots whose passphrase is public anyway (the demo's `demo`): a costly
    /// derivation would protect nothing and only slow the demo down.
    pub const PUBLIC: Kdf = Kdf {
        m_cost: 8,
        t_cost: 1,
        p_cost: 1,
    };

    /// A slot file is data from the disk: refuse costs that would exhaust the
    /// machine (a file edited to ask for terabytes) rather than try them.
    fn checked(self) -> Result<Params, KeyError> {
        if self.m_cost > 1024 * 1024 || self.t_cost > 64 || self.p_cost > 16 {
            return Err(KeyError::SidecarDamaged("argon2 cost out of range".into()));
        }
        Params::new(self.m_cost, self.t_cost, self.p_cost, Some(32))
            .map_err(|e| KeyError::SidecarDamaged(format!("argon2 parameters: {e}")))
    }
}

/// One operator's copy of the data key, wrapped by their passphrase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    pub operator: String,
    /// Always "argon2id" (v19) for now: named so that a later one can be told apart.
    pub kdf: String,
    #[serde(flatten)]
    pub cost: Kdf,
    pub salt: String,
    /// Always "xchacha20poly1305".
    pub aead: String,
    pub nonce: String,
    pub wrapped: String,
    /// Wrong passphrases in a row since the last success or lockout.
    #[serde(default)]
    pub failed: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locked_until: Option<DateTime<FixedOffset>>,
    /// A one-time passphrase a leader gave (a new operator, a reset): the desk
    /// asks its owner to choose their own before it opens.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub must_change: bool,
}

const KDF: &str = "argon2id";
const AEAD: &str = "xchacha20poly1305";

impl Slot {
    /// Wraps `key` for `operator` under `passphrase` with a fresh salt and nonce.
    pub fn wrap(
        operator: &str,
        passphrase: &str,
        key: &DataKey,
        cost: Kdf,
    ) -> Result<Slot, KeyError> {
        if passphrase.is_empty() {
            return Err(KeyError::EmptyPassphrase);
        }
        let (mut salt, mut nonce) = ([0u8; 16], [0u8; 24]);
        random(&mut salt)?;
        random(&mut nonce)?;
        let mut slot = Slot {
            operator: operator.to_owned(),
            kdf: KDF.to_owned(),
            cost,
            salt: hex(&salt).to_string(),
            aead: AEAD.to_owned(),
            nonce: hex(&nonce).to_string(),
            wrapped: String::new(),
            failed: 0,
            locked_until: None,
            must_change: false,
        };
        let kek = slot.kek(passphrase)?;
        let bound = slot.bound();
        let payload = Payload {
            msg: key.bytes(),
            aad: bound.as_bytes(),
        };
        let sealed = XChaCha20Poly1305::new(kek.as_ref().into())
            .encrypt(XNonce::from_slice(&nonce), payload)
            .map_err(|_| KeyError::SidecarDamaged("cannot wrap the key".into()))?;
        slot.wrapped = hex(&sealed).to_string();
        Ok(slot)
    }

    /// The data key, when `passphrase` is this slot's; `WrongPassphrase` (with
    /// no count yet: the key ring counts) when it is not or the slot was altered.
    pub fn unwrap_key(&self, passphrase: &str) -> Result<DataKey, KeyError> {
        if self.kdf != KDF || self.aead != AEAD {
            return Err(KeyError::SidecarDamaged(format!(
                "unknown slot kind {}/{}",
                self.kdf, self.aead
            )));
        }
        let nonce = unhex(&self.nonce, "nonce")?;
        if nonce.len() != 24 {
            return Err(KeyError::SidecarDamaged("nonce length".into()));
        }
        let sealed = unhex(&self.wrapped, "wrapped key")?;
        let kek = self.kek(passphrase)?;
        let bound = self.bound();
        let payload = Payload {
            msg: &sealed,
            aad: bound.as_bytes(),
        };
        let plain = Zeroizing::new(
            XChaCha20Poly1305::new(kek.as_ref().into())
                .decrypt(XNonce::from_slice(&nonce), payload)
                .map_err(|_| KeyError::WrongPassphrase { left: 0 })?,
        );
        let bytes: [u8; 32] = plain
            .as_slice()
            .try_into()
            .map_err(|_| KeyError::SidecarDamaged("wrapped key length".into()))?;
        Ok(DataKey::from_bytes(bytes))
    }

    /// The key-encryption key: argon2id of the passphrase with this slot's salt and cost.
    fn kek(&self, passphrase: &str) -> Result<Zeroizing<[u8; 32]>, KeyError> {
        let salt = unhex(&self.salt, "salt")?;
        let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, self.cost.checked()?);
        let mut kek = Zeroizing::new([0u8; 32]);
        argon
            .hash_password_into(passphrase.as_bytes(), &salt, &mut kek[..])
            .map_err(|e| KeyError::SidecarDamaged(format!("argon2: {e}")))?;
        Ok(kek)
    }

    /// What the AEAD authenticates besides the key: the slot's owner and its
    /// KDF settings, so a slot moved to another name or weakened in place no
    /// longer opens.
    fn bound(&self) -> String {
        let Kdf {
            m_cost,
            t_cost,
            p_cost,
        } = self.cost;
        format!(
            "xinfang-keyslot/1\0{}\0{}\0{m_cost}\0{t_cost}\0{p_cost}\0{}\0{}",
            self.operator, self.kdf, self.salt, self.aead
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cheapest argon2 argon2 allows: the tests check the wrapping, not the cost.
    const CHEAP: Kdf = Kdf {
        m_cost: 8,
        t_cost: 1,
        p_cost: 1,
    };

    #[test]
    fn a_slot_gives_back_its_key_for_its_passphrase_only() {
        let key = DataKey::generate().expect("key");
        let slot = Slot::wrap("赵建国", "正确 马 电池 订书钉", &key, CHEAP).expect("wrap");
        let back = slot.unwrap_key("正确 马 电池 订书钉").expect("unwrap");
        assert_eq!(back.bytes(), key.bytes());
        assert!(matches!(
            slot.unwrap_key("正确 马 电池"),
            Err(KeyError::WrongPassphrase { .. })
        ));
    }

    #[test]
    fn a_tampered_slot_opens_nothing() {
        let key = DataKey::generate().expect("key");
        let slot = Slot::wrap("李娜", "pw", &key, CHEAP).expect("wrap");
        let mut flipped = slot.clone();
        let last = if flipped.wrapped.ends_with('0') {
            "1"
        } else {
            "0"
        };
        flipped
            .wrapped
            .replace_range(flipped.wrapped.len() - 1.., last);
        assert!(flipped.unwrap_key("pw").is_err());
        let mut moved = slot.clone();
        moved.operator = "王强".into();
        assert!(moved.unwrap_key("pw").is_err(), "bound to its owner");
        let mut weakened = slot.clone();
        weakened.cost.t_cost = 2;
        assert!(weakened.unwrap_key("pw").is_err(), "bound to its cost");
        let mut garbled = slot;
        garbled.nonce = "xyz".into();
        assert!(matches!(
            garbled.unwrap_key("pw"),
            Err(KeyError::SidecarDamaged(_))
        ));
    }

    #[test]
    fn the_recovery_key_round_trips_and_catches_typos() {
        let key = DataKey::generate().expect("key");
        let text = key.recovery();
        assert_eq!(text.len(), 14 * 4 + 13, "{}", text.as_str());
        let back = DataKey::from_recovery(&text).expect("read back");
        assert_eq!(back.bytes(), key.bytes());
        // Lower case, spaces for dashes, O for 0 and l for 1 all read the same.
        let sloppy = text
            .to_lowercase()
            .replace('-', " ")
            .replace('0', "o")
            .replace('1', "l");
        assert_eq!(
            DataKey::from_recovery(&sloppy).expect("sloppy").bytes(),
            key.bytes()
        );
        let mut typo: Vec<char> = text.chars().collect();
        typo[5] = if typo[5] == 'A' { 'B' } else { 'A' };
        let typo: String = typo.into_iter().collect();
        assert!(matches!(
            DataKey::from_recovery(&typo),
            Err(KeyError::BadRecoveryKey)
        ));
        assert!(matches!(
            DataKey::from_recovery("ABCD"),
            Err(KeyError::BadRecoveryKey)
        ));
    }

    #[test]
    fn absurd_costs_are_refused_not_tried() {
        let key = DataKey::from_bytes([7; 32]);
        let mut slot = Slot::wrap("a", "pw", &key, CHEAP).expect("wrap");
        slot.cost.m_cost = u32::MAX;
        assert!(matches!(
            slot.unwrap_key("pw"),
            Err(KeyError::SidecarDamaged(_))
        ));
    }
}
