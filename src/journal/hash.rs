//! The SHA-256 digest that chains events together, shown and stored as 64 lowercase hex digits.

use std::fmt;
use std::str::FromStr;

/// A SHA-256 digest. Each event stores its own and the previous event's, so any edit, deletion or
/// reordering breaks the chain that `verify` walks.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Hash(pub [u8; 32]);

impl Hash {
    /// The "previous hash" of event 1: 32 zero bytes (64 `0` digits).
    pub const GENESIS: Hash = Hash([0; 32]);

    /// The first `n` hex digits, for compact human-readable listings.
    pub fn short(&self, n: usize) -> String {
        let mut s = self.to_string();
        s.truncate(n.min(64));
        s
    }
}

impl fmt::Display for Hash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for b in self.0 {
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Hash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Hash({self})")
    }
}

/// Why a stored hash text is not a hash.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a SHA-256 hash (need 64 lowercase hex digits): {0:?}")]
pub struct BadHash(pub String);

impl FromStr for Hash {
    type Err = BadHash;

    /// Accepts exactly the form `Display` writes: 64 lowercase hex digits.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadHash(s.chars().take(80).collect());
        let digits = s.as_bytes();
        if digits.len() != 64 {
            return Err(bad());
        }
        let mut out = [0u8; 32];
        for (i, pair) in digits.chunks_exact(2).enumerate() {
            let hi = hex_digit(pair[0]).ok_or_else(bad)?;
            let lo = hex_digit(pair[1]).ok_or_else(bad)?;
            out[i] = (hi << 4) | lo;
        }
        Ok(Hash(out))
    }
}

fn hex_digit(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    }
}

impl serde::Serialize for Hash {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Hash {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_and_parse_round_trip() {
        let mut bytes = [0u8; 32];
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = (i as u8).wrapping_mul(37).wrapping_add(5);
        }
        let h = Hash(bytes);
        let text = h.to_string();
        assert_eq!(text.len(), 64);
        assert!(text.starts_with("052a4f"));
        assert_eq!(text.parse::<Hash>(), Ok(h));
        assert_eq!(h.short(8), &text[..8]);
    }

    #[test]
    fn genesis_is_64_zeros() {
        assert_eq!(Hash::GENESIS.to_string(), "0".repeat(64));
    }

    #[test]
    fn rejects_wrong_length_case_and_digits() {
        assert!("00".parse::<Hash>().is_err());
        assert!("A".repeat(64).parse::<Hash>().is_err());
        assert!("g".repeat(64).parse::<Hash>().is_err());
        assert!(format!("{}0", "0".repeat(64)).parse::<Hash>().is_err());
        // 64 bytes but a multi-byte character: must not panic
        assert!(format!("é{}", "0".repeat(62)).parse::<Hash>().is_err());
    }
}
