#!/usr/bin/env python3
"""Writes specs/vectors/bqp.json (specs/bqp.md) and specs/vectors/contact-exchange.json
(specs/contact-exchange.md).

Run from anywhere with plain Python 3 (standard library only):

    python3 specs/vectors/gen/bqp_vectors.py

The output is deterministic. Every value is computed here from the two pages with hashlib's BLAKE2b, the
labelled encoding, X25519 and Ed25519 of crypto_vectors.py (checked there against RFC 7748 and RFC 8032) and the
BDF encoder of bdf_vectors.py; nothing comes from the Java code under test. A small payload parser below
re-checks every payload vector against the rules of specs/bqp.md before it is written: accepted payloads must
parse to the stated content, rejected ones must fail for the stated reason.
"""

import hashlib
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bdf_vectors  # noqa: E402
from bdf_vectors import Int, Raw, encode, write  # noqa: E402
from crypto_vectors import (VECTORS_DIR, X25519_BASE, ed25519_public, ed25519_sign, ed25519_verify, h,  # noqa: E402
                            labelled, labelled_hash, labelled_mac, x25519)

# --- BQP constants (specs/bqp.md) ------------------------------------------------------------------------

PROTOCOL_VERSION = 4
FORMAT_BYTE = (0 << 5) | 4
COMMIT_LENGTH = 16
MAX_PAYLOAD_LENGTH = 1024
MAX_DESCRIPTORS = 16
KEY, CONFIRM, ABORT = 0, 1, 2
KNOWN_TRANSPORTS = {0: "org.briarproject.bramble.bluetooth", 1: "org.briarproject.bramble.lan"}

COMMIT = "org.briarproject.bramble.keyagreement/COMMIT"
SHARED_SECRET = "org.briarproject.bramble.keyagreement/SHARED_SECRET"
CONFIRMATION_KEY = "org.briarproject.bramble.keyagreement/CONFIRMATION_KEY"
CONFIRMATION_MAC = "org.briarproject.bramble.keyagreement/CONFIRMATION_MAC"
MASTER_SECRET = "org.briarproject.bramble.keyagreement/MASTER_SECRET"

# --- contact exchange constants (specs/contact-exchange.md) ----------------------------------------------

CE_VERSION = 1
CONTACT_INFO = 0
ALICE_HEADER_KEY = "org.briarproject.bramble.contact/ALICE_HEADER_KEY"
BOB_HEADER_KEY = "org.briarproject.bramble.contact/BOB_HEADER_KEY"
ALICE_NONCE = "org.briarproject.bramble.contact/ALICE_NONCE"
BOB_NONCE = "org.briarproject.bramble.contact/BOB_NONCE"
EXCHANGE = "org.briarproject.briar.contact/EXCHANGE"


def fixed(tag, length=32):
    """Reproducible pseudo-random bytes, named by a tag."""
    return hashlib.blake2b(tag.encode("utf-8"), digest_size=length).digest()


def record(version, record_type, payload):
    return bytes([version, record_type]) + len(payload).to_bytes(2, "big") + payload


# ---------------------------------------------------------------------------------------------------------
# Payloads

BLUETOOTH = [Int(0), Raw(bytes.fromhex("0a1b2c3d4e5f"))]
BLUETOOTH_NO_ADDRESS = [Int(0)]
LAN_V4 = [Int(1), Raw(bytes([192, 168, 1, 23])), Int(45678)]
LAN_V6 = [Int(1), Raw(bytes.fromhex("fe800000000000000000000000000001")), Int(1025)]


def payload(commitment, descriptors):
    return bytes([FORMAT_BYTE]) + encode([Raw(commitment)] + descriptors)


class Reject(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def parse_payload(data):
    """The rules of specs/bqp.md section 3; returns (commitment, kept descriptors) or raises Reject."""
    if len(data) > MAX_PAYLOAD_LENGTH:
        raise Reject("TOO_LONG")
    if not data:
        raise Reject("GARBLED")
    if data[0] >> 5 != 0:
        raise Reject("NOT_BQP")
    if data[0] & 0x1F != 4:
        raise Reject("WRONG_VERSION")
    try:
        body = bdf_vectors.decode(data[1:])
    except bdf_vectors.Reject:
        raise Reject("GARBLED")
    if not isinstance(body, list) or not body or len(body) - 1 > MAX_DESCRIPTORS:
        raise Reject("GARBLED")
    if not isinstance(body[0], Raw) or len(body[0]) != COMMIT_LENGTH:
        raise Reject("GARBLED")
    kept = []
    for d in body[1:]:
        if not isinstance(d, list) or not d or not isinstance(d[0], Int):
            raise Reject("GARBLED")
        if d[0] in KNOWN_TRANSPORTS:
            kept.append(d)
    if not kept:
        raise Reject("NO_DESCRIPTORS")
    return bytes(body[0]), kept


def descriptor_fields(descriptors):
    return [{"transportId": KNOWN_TRANSPORTS[d[0]], "descriptorHex": h(encode(d))} for d in descriptors]


def payload_vector(name, commitment, descriptors):
    data = payload(commitment, descriptors)
    assert parse_payload(data) == (commitment, descriptors)
    return {"name": name, "kind": "payload", "commitmentHex": h(commitment),
            "descriptors": descriptor_fields(descriptors), "payloadHex": h(data)}


def parse_vector(name, data, kept):
    commitment, parsed = parse_payload(data)
    assert parsed == kept
    return {"name": name, "kind": "parse", "inputHex": h(data), "commitmentHex": h(commitment),
            "descriptors": descriptor_fields(kept), "reencodedHex": h(payload(commitment, kept))}


def reject_vector(name, data, reason):
    try:
        parse_payload(data)
    except Reject as e:
        assert e.reason == reason, (name, e.reason)
        return {"name": name, "kind": "reject", "inputHex": h(data), "reason": reason}
    raise AssertionError(name + " was accepted")


def payload_vectors():
    commitment = fixed("thicket test commitment", COMMIT_LENGTH)
    good = payload(commitment, [BLUETOOTH, LAN_V4])
    body = good[1:]
    unknown = [Int(7), "a future transport"]
    vectors = [
        payload_vector("Bluetooth and LAN (IPv4)", commitment, [BLUETOOTH, LAN_V4]),
        payload_vector("LAN (IPv6) only", commitment, [LAN_V6]),
        payload_vector("Bluetooth without an address", commitment, [BLUETOOTH_NO_ADDRESS]),
        parse_vector("a descriptor of an unknown transport is dropped", payload(commitment, [unknown, LAN_V4]),
                     [LAN_V4]),
        reject_vector("empty", b"", "GARBLED"),
        reject_vector("a mailbox code (format ID 1)", bytes([0x20]) + body, "NOT_BQP"),
        reject_vector("format version 3", bytes([0x03]) + body, "WRONG_VERSION"),
        reject_vector("format version 5", bytes([0x05]) + body, "WRONG_VERSION"),
        reject_vector("a byte after the list", good + b"\x00", "GARBLED"),
        reject_vector("the list does not end", good[:-1], "GARBLED"),
        reject_vector("a dictionary, not a list", bytes([FORMAT_BYTE]) + encode({"c": Raw(commitment)}), "GARBLED"),
        reject_vector("a 15-byte commitment", payload(commitment[:15], [LAN_V4]), "GARBLED"),
        reject_vector("a 32-byte commitment", payload(fixed("thicket test commitment"), [LAN_V4]), "GARBLED"),
        reject_vector("a descriptor that is not a list", payload(commitment, [Int(1)]), "GARBLED"),
        reject_vector("an empty descriptor", payload(commitment, [[]]), "GARBLED"),
        reject_vector("a descriptor starting with a string", payload(commitment, [["1"]]), "GARBLED"),
        reject_vector("a non-minimal integer (INT_16 for 1)",
                      bytes([FORMAT_BYTE]) + bytes.fromhex("605110") + commitment + bytes.fromhex("6022000180"),
                      "GARBLED"),
        reject_vector("17 descriptors", payload(commitment, [LAN_V4] * 17), "GARBLED"),
        reject_vector("no descriptor", payload(commitment, []), "NO_DESCRIPTORS"),
        reject_vector("only unknown transports", payload(commitment, [unknown]), "NO_DESCRIPTORS"),
        reject_vector("1025 bytes", payload(commitment, [[Int(1), Raw(bytes(997))]]), "TOO_LONG"),
    ]
    assert len(payload(commitment, [LAN_V4] * 16)) <= MAX_PAYLOAD_LENGTH
    assert len(bytes.fromhex(vectors[-1]["inputHex"])) == 1025
    return vectors


# ---------------------------------------------------------------------------------------------------------
# Keys and the protocol run

def commitment_of(public_key):
    return labelled_hash(COMMIT, [public_key])[:COMMIT_LENGTH]


def commitment_vectors():
    vectors = []
    for n in (1, 2):
        public = x25519(fixed("thicket test commitment key %d" % n), X25519_BASE)
        vectors.append({"name": "commitment to key %d" % n, "kind": "commitment", "publicKeyHex": h(public),
                        "hashInputHex": h(labelled(COMMIT, [public])), "commitmentHex": h(commitment_of(public))})
    return vectors


def agreement_vector():
    """Two key pairs; Alice is the one whose commitment is smaller."""
    parties = []
    for tag, descriptors in (("first", [LAN_V4]), ("second", [BLUETOOTH, LAN_V6])):
        private = fixed("thicket test BQP %s private key" % tag)
        public = x25519(private, X25519_BASE)
        commitment = commitment_of(public)
        parties.append((commitment, private, public, payload(commitment, descriptors)))
    parties.sort()
    (_, a_priv, a_pub, a_payload), (_, b_priv, b_pub, b_payload) = parties
    raw = x25519(a_priv, b_pub)
    assert raw == x25519(b_priv, a_pub) and raw != bytes(32)
    s = labelled_hash(SHARED_SECRET, [raw, bytes([PROTOCOL_VERSION]), a_pub, b_pub])
    ck = labelled_mac(CONFIRMATION_KEY, s, [])
    alice_confirm = labelled_mac(CONFIRMATION_MAC, ck, [a_payload, a_pub, b_payload, b_pub])
    bob_confirm = labelled_mac(CONFIRMATION_MAC, ck, [b_payload, b_pub, a_payload, a_pub])
    master = labelled_mac(MASTER_SECRET, s, [])
    transcript = [("alice", record(PROTOCOL_VERSION, KEY, a_pub)), ("bob", record(PROTOCOL_VERSION, KEY, b_pub)),
                  ("alice", record(PROTOCOL_VERSION, CONFIRM, alice_confirm)),
                  ("bob", record(PROTOCOL_VERSION, CONFIRM, bob_confirm))]
    return {"name": "a full run", "kind": "agreement",
            "alicePrivateHex": h(a_priv), "alicePublicHex": h(a_pub), "alicePayloadHex": h(a_payload),
            "bobPrivateHex": h(b_priv), "bobPublicHex": h(b_pub), "bobPayloadHex": h(b_payload),
            "rawSharedSecretHex": h(raw), "sharedSecretHex": h(s), "confirmationKeyHex": h(ck),
            "aliceConfirmHex": h(alice_confirm), "bobConfirmHex": h(bob_confirm), "masterKeyHex": h(master),
            "records": [{"from": who, "recordHex": h(r)} for who, r in transcript],
            "abortRecordHex": h(record(PROTOCOL_VERSION, ABORT, b""))}


# ---------------------------------------------------------------------------------------------------------
# Contact exchange

def contact_exchange_vectors():
    master = fixed("thicket test contact exchange master key")
    version = bytes([CE_VERSION])
    keys = {"name": "keys from a master key", "kind": "keys", "masterKeyHex": h(master),
            "aliceHeaderKeyHex": h(labelled_mac(ALICE_HEADER_KEY, master, [version])),
            "bobHeaderKeyHex": h(labelled_mac(BOB_HEADER_KEY, master, [version])),
            "aliceNonceHex": h(labelled_mac(ALICE_NONCE, master, [version])),
            "bobNonceHex": h(labelled_mac(BOB_NONCE, master, [version]))}
    vectors = [keys]
    for role, name, properties, timestamp in (
            ("alice", "Alice", {"org.briarproject.bramble.lan": {"ipPorts": "192.168.1.23:45678"},
                                "org.briarproject.bramble.tor": {"onion3": "a" * 56}}, 1704067200000),
            ("bob", "Bob \u00e9", {}, 1609459200000)):
        seed = fixed("thicket test contact exchange %s seed" % role)
        public = ed25519_public(seed)
        nonce = bytes.fromhex(keys[role + "NonceHex"])
        signed = labelled(EXCHANGE, [nonce])
        signature = ed25519_sign(seed, signed)
        assert ed25519_verify(public, signed, signature)
        author = [Int(1), name, Raw(public)]
        body = encode([author, properties, Raw(signature), Int(timestamp)])
        vectors.append({"name": "%s's contact info" % name, "kind": "contactInfo", "role": role,
                        "masterKeyHex": h(master), "seedHex": h(seed), "publicKeyHex": h(public),
                        "authorName": name, "properties": properties, "timestamp": timestamp,
                        "nonceHex": h(nonce), "signedBytesHex": h(signed), "signatureHex": h(signature),
                        "payloadHex": h(body), "recordHex": h(record(CE_VERSION, CONTACT_INFO, body))})
    return vectors


def main():
    write(os.path.join(VECTORS_DIR, "bqp.json"), {
        "description": "BQP (specs/bqp.md): QR payloads to encode and parse (payload: descriptors in order, "
                       "each a BDF list given by its encoding; parse: an input whose unknown descriptors are "
                       "dropped, reencodedHex being the payload the confirmation MACs cover), payloads a parser "
                       "must reject with the named reason (reject), commitments to public keys (commitment) and "
                       "a full protocol run from fixed X25519 key pairs (agreement): the shared secret, "
                       "confirmation key and MACs, master key and the exact records in the order they are sent.",
        "source": "specs/vectors/gen/bqp_vectors.py: hashlib BLAKE2b over the labelled encoding, the X25519 of "
                  "crypto_vectors.py and the BDF encoder of bdf_vectors.py, independently of the Java code",
        "vectors": payload_vectors() + commitment_vectors() + [agreement_vector()],
    })
    write(os.path.join(VECTORS_DIR, "contact-exchange.json"), {
        "description": "Contact exchange (specs/contact-exchange.md): header keys and nonces from a master key "
                       "(keys), and each side's CONTACT_INFO (contactInfo): the author from an Ed25519 seed, the "
                       "bytes signed (the labelled encoding of the side's nonce), the signature, the BDF payload "
                       "[author, properties, signature, timestamp] and the whole record.",
        "source": "specs/vectors/gen/bqp_vectors.py: hashlib BLAKE2b over the labelled encoding, the Ed25519 of "
                  "crypto_vectors.py and the BDF encoder of bdf_vectors.py, independently of the Java code",
        "vectors": contact_exchange_vectors(),
    })


if __name__ == "__main__":
    main()
