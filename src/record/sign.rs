//! Station signatures on session records (Ed25519).
//!
//! A station signs, in the footer, the SHA-256 of the header line and the SHA-256 of the
//! footer object's canonical JSON (RFC 8785) with `"signature": null` — every field of the
//! footer as written, known to the reader or not; the footer holds the last chain hash, the
//! event count and the outcome, and the reader checks that the chain ends at that hash, which
//! ties every event and pose line to the header. So one signature covers the whole record:
//! changing any line breaks the chain or the signature. The signature is exactly
//! `{"alg": "ed25519", "key": PUBLIC, "sig": SIGNATURE}`, both in standard base64; a signature
//! object with any other field is refused, since nothing signs that field.

use super::Record;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};

/// The signature algorithm's name in records.
pub const ALG: &str = "ed25519";

/// What is signed, given the header hash and the footer's digest ([`super::footer_digest`]).
fn message(header_hash: &str, footer_digest: &str) -> Vec<u8> {
    let mut m = b"praxis-record-signature/1\n".to_vec();
    m.extend_from_slice(header_hash.as_bytes());
    m.push(b'\n');
    m.extend_from_slice(footer_digest.as_bytes());
    m.push(b'\n');
    m
}

/// A station's signing key.
pub struct StationKey(SigningKey);

impl StationKey {
    /// A key from its 32 secret bytes.
    pub fn from_secret(bytes: &[u8; 32]) -> StationKey {
        StationKey(SigningKey::from_bytes(bytes))
    }

    /// The 32 secret bytes (to store).
    pub fn secret(&self) -> [u8; 32] {
        self.0.to_bytes()
    }

    /// The public key, in base64.
    pub fn public(&self) -> String {
        B64.encode(self.0.verifying_key().as_bytes())
    }

    /// The signature of a footer, given its digest ([`super::footer_digest`]).
    pub(super) fn sign(&self, header_hash: &str, footer_digest: &str) -> serde_json::Value {
        let sig = self.0.sign(&message(header_hash, footer_digest));
        serde_json::json!({"alg": ALG, "key": self.public(), "sig": B64.encode(sig.to_bytes())})
    }
}

/// Whether a text is an Ed25519 public key in base64.
pub fn is_public_key(text: &str) -> bool {
    B64.decode(text)
        .ok()
        .and_then(|b| <[u8; 32]>::try_from(b.as_slice()).ok())
        .is_some_and(|b| VerifyingKey::from_bytes(&b).is_ok())
}

/// What a record's signature says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureStatus {
    /// The record has no footer, so nothing is signed yet.
    NoFooter,
    /// The footer carries no signature.
    Unsigned,
    /// Signed by this station key, and the signature matches.
    Valid {
        /// The station's public key (base64).
        key: String,
    },
    /// The signature does not match, or is malformed.
    Invalid {
        /// Why.
        reason: String,
    },
}

/// Checks a record's signature (the hash chain is checked by [`super::read`]).
pub fn check(record: &Record) -> SignatureStatus {
    let Some(f) = &record.footer else {
        return SignatureStatus::NoFooter;
    };
    let Some(sig) = &f.signature else {
        return SignatureStatus::Unsigned;
    };
    let Some(fields) = sig.as_object() else {
        return SignatureStatus::Invalid {
            reason: "the signature is not a JSON object".into(),
        };
    };
    if let Some(extra) = fields
        .keys()
        .find(|k| !matches!(k.as_str(), "alg" | "key" | "sig"))
    {
        return SignatureStatus::Invalid {
            reason: format!(
                "the signature holds `{extra}`, which nothing signs; a signature has only `alg`, `key` and `sig`"
            ),
        };
    }
    let field = |k: &str| sig.get(k).and_then(|v| v.as_str());
    if field("alg") != Some(ALG) {
        return SignatureStatus::Invalid {
            reason: format!("unknown signature algorithm {:?}", sig.get("alg")),
        };
    }
    let (Some(key_b64), Some(sig_b64)) = (field("key"), field("sig")) else {
        return SignatureStatus::Invalid {
            reason: "the signature lacks `key` or `sig`".into(),
        };
    };
    let key = B64
        .decode(key_b64)
        .ok()
        .and_then(|b| <[u8; 32]>::try_from(b.as_slice()).ok())
        .and_then(|b| VerifyingKey::from_bytes(&b).ok());
    let Some(key) = key else {
        return SignatureStatus::Invalid {
            reason: "the station key is not a valid Ed25519 public key".into(),
        };
    };
    let Some(signature) = B64
        .decode(sig_b64)
        .ok()
        .and_then(|b| <[u8; 64]>::try_from(b.as_slice()).ok())
        .map(|b| Signature::from_bytes(&b))
    else {
        return SignatureStatus::Invalid {
            reason: "the signature is not 64 bytes of base64".into(),
        };
    };
    match key.verify(&message(&record.header_hash, &f.digest), &signature) {
        Ok(()) => SignatureStatus::Valid {
            key: key_b64.to_string(),
        },
        Err(_) => SignatureStatus::Invalid {
            reason: "the signature does not match the header and footer: the record was changed after it was signed".into(),
        },
    }
}
