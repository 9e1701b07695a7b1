#!/usr/bin/env python3
"""Writes specs/vectors/brp.json and specs/vectors/bhp.json: handshake links, rendezvous key material and BHP 0.1
(specs/brp.md, specs/bhp.md).

Run from anywhere with plain Python 3 (standard library only):

    python3 specs/vectors/gen/rendezvous_vectors.py

The output is deterministic. Links use base64.b32encode; keys use hashlib.blake2b and the X25519, Ed25519 and
Salsa20 of crypto_vectors.py (checked there against RFC 7748, RFC 8032 and the NaCl example); onion addresses use
hashlib.sha3_256. Nothing is shared with the Java implementation under test.
"""

import base64
import hashlib
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from crypto_vectors import (X25519_BASE, ed25519_expand, ed25519_public, h, labelled_hash, labelled_mac,  # noqa: E402
                            le_bytes, salsa20_stream, write, x25519)

HANDSHAKE_KEY_ID = "org.briarproject.bramble/HANDSHAKE_KEY_ID"
STATIC_MASTER_KEY = "org.briarproject.bramble.transport/STATIC_MASTER_KEY"
RENDEZVOUS_KEY = "org.briarproject.bramble.rendezvous/RENDEZVOUS_KEY"
KEY_MATERIAL = "org.briarproject.bramble.rendezvous/KEY_MATERIAL"
MASTER_KEY_0_1 = "org.briarproject.bramble.handshake/MASTER_KEY_0_1"
ALICE_PROOF = "org.briarproject.bramble.handshake/ALICE_PROOF"
BOB_PROOF = "org.briarproject.bramble.handshake/BOB_PROOF"

TOR = "org.briarproject.bramble.tor"
LAN = "org.briarproject.bramble.lan"
KEY_MATERIAL_BYTES = 128


def seeded(text):
    return hashlib.blake2b(text.encode("utf-8"), digest_size=32).digest()


def key_pair(text):
    private = seeded(text)
    return private, x25519(private, X25519_BASE)


# ---------------------------------------------------------------------------------------------------------
# Links: "briar://" + base32(version 0 || key), lower case, without padding.

def link(public_key, version=0):
    return "briar://" + base64.b32encode(bytes([version]) + public_key).decode("ascii").rstrip("=").lower()


def link_vector(name, public_key):
    return {"kind": "link", "name": name, "publicKeyHex": h(public_key), "link": link(public_key),
            "pendingContactIdHex": h(labelled_hash(HANDSHAKE_KEY_ID, [public_key]))}


def parse_vector(name, text, public_key):
    return {"kind": "parse", "name": name, "text": text, "publicKeyHex": h(public_key)}


def reject_vector(name, text, reason):
    return {"kind": "reject", "name": name, "text": text, "reason": reason}


def link_vectors(key):
    good = link(key)
    body = good[len("briar://"):]
    # The last character carries the key's lowest bit and one padding bit, which must be zero.
    last = "abcdefghijklmnopqrstuvwxyz234567".index(body[-1])
    padding_bit_set = good[:-1] + "abcdefghijklmnopqrstuvwxyz234567"[last | 1]
    assert last & 1 == 0
    return [
        link_vector("fixed key", key),
        link_vector("all-zero bytes", bytes(32)),
        link_vector("all-one bits", b"\xff" * 32),
        parse_vector("bare link", good, key),
        parse_vector("link inside a message", "Add me on Briar: " + good + ". Thanks!", key),
        parse_vector("characters without the prefix, between words", "my code " + body + " ok", key),
        parse_vector("upper case", good.upper(), key),
        reject_vector("52 characters", good[:-1], "WRONG_LENGTH"),
        reject_vector("54 characters", good + "a", "WRONG_LENGTH"),
        reject_vector("no link at all", "hello there", "WRONG_LENGTH"),
        reject_vector("a digit outside base32", good[:-2] + "1" + good[-1], "BAD_BASE32"),
        reject_vector("a non-zero padding bit", padding_bit_set, "BAD_BASE32"),
        reject_vector("format version 1", link(key, version=1), "UNKNOWN_VERSION"),
    ]


# ---------------------------------------------------------------------------------------------------------
# Rendezvous key material.

def onion_address(ed25519_public_key):
    checksum = hashlib.sha3_256(b".onion checksum" + ed25519_public_key + b"\x03").digest()[:2]
    return base64.b32encode(ed25519_public_key + checksum + b"\x03").decode("ascii").lower()


def expanded_secret_key(seed):
    a, prefix = ed25519_expand(seed)
    return le_bytes(a) + prefix


def rendezvous_vector(name, a, b):
    (a_private, a_public), (b_private, b_public) = a, b
    alice_first = a_public < b_public
    alice_public, bob_public = (a_public, b_public) if alice_first else (b_public, a_public)
    raw = x25519(a_private, b_public)
    assert raw == x25519(b_private, a_public)
    static_master = labelled_hash(STATIC_MASTER_KEY, [raw, alice_public, bob_public])
    rendezvous_key = labelled_mac(RENDEZVOUS_KEY, static_master, [b"\x00"])
    transports = []
    for transport_id in (TOR, LAN):
        source_key = labelled_mac(KEY_MATERIAL, rendezvous_key, [transport_id.encode("utf-8")])
        material = salsa20_stream(source_key, bytes(8), KEY_MATERIAL_BYTES)
        entry = {"transportId": transport_id, "sourceKeyHex": h(source_key), "keyMaterialHex": h(material)}
        if transport_id == TOR:
            alice_seed, bob_seed = material[:32], material[32:64]
            entry["tor"] = {
                "aliceSeedHex": h(alice_seed), "bobSeedHex": h(bob_seed),
                "aliceOnion": onion_address(ed25519_public(alice_seed)),
                "bobOnion": onion_address(ed25519_public(bob_seed)),
                "aliceExpandedKeyBase64": base64.b64encode(expanded_secret_key(alice_seed)).decode("ascii"),
                "bobExpandedKeyBase64": base64.b64encode(expanded_secret_key(bob_seed)).decode("ascii"),
            }
        transports.append(entry)
    return {"kind": "rendezvous", "name": name,
            "ourPrivateHex": h(a_private), "ourPublicHex": h(a_public),
            "theirPrivateHex": h(b_private), "theirPublicHex": h(b_public),
            "weAreAlice": alice_first, "staticMasterKeyHex": h(static_master),
            "rendezvousKeyHex": h(rendezvous_key), "transports": transports}


# ---------------------------------------------------------------------------------------------------------
# BHP 0.1.

def record(record_type, payload):
    return bytes([0, record_type]) + len(payload).to_bytes(2, "big") + payload


def handshake_vector(name, statics, ephemerals):
    (sa_private, sa_public), (sb_private, sb_public) = statics
    if sa_public > sb_public:
        (sa_private, sa_public), (sb_private, sb_public) = (sb_private, sb_public), (sa_private, sa_public)
    (ea_private, ea_public), (eb_private, eb_public) = ephemerals
    ee = x25519(ea_private, eb_public)
    se = x25519(sa_private, eb_public)
    es = x25519(ea_private, sb_public)
    assert ee == x25519(eb_private, ea_public)
    assert se == x25519(eb_private, sa_public)
    assert es == x25519(sb_private, ea_public)
    master = labelled_hash(MASTER_KEY_0_1, [ee, se, es, sa_public, sb_public, ea_public, eb_public])
    alice_proof = labelled_mac(ALICE_PROOF, master, [])
    bob_proof = labelled_mac(BOB_PROOF, master, [])
    return {"kind": "handshake", "name": name,
            "aliceStaticPrivateHex": h(sa_private), "aliceStaticPublicHex": h(sa_public),
            "bobStaticPrivateHex": h(sb_private), "bobStaticPublicHex": h(sb_public),
            "aliceEphemeralPrivateHex": h(ea_private), "aliceEphemeralPublicHex": h(ea_public),
            "bobEphemeralPrivateHex": h(eb_private), "bobEphemeralPublicHex": h(eb_public),
            "masterKeyHex": h(master), "aliceProofHex": h(alice_proof), "bobProofHex": h(bob_proof),
            "aliceKeyRecordsHex": h(record(2, b"\x01") + record(0, ea_public)),
            "bobKeyRecordsHex": h(record(2, b"\x01") + record(0, eb_public)),
            "aliceProofRecordHex": h(record(1, alice_proof)),
            "bobProofRecordHex": h(record(1, bob_proof))}


def main():
    a = key_pair("thicket test handshake key A")
    b = key_pair("thicket test handshake key B")
    c = key_pair("thicket test handshake key C")
    write("brp",
          "Handshake links and rendezvous key material of specs/brp.md. kind \"link\": link = \"briar://\" + "
          "lower-case unpadded RFC 4648 base32 of (0x00 || publicKey); pendingContactId = hash(HANDSHAKE_KEY_ID, "
          "publicKey). kind \"parse\": the key found in text; kind \"reject\": text refused with the reason. kind "
          "\"rendezvous\": staticMasterKey = hash(STATIC_MASTER_KEY, X25519, alicePublic, bobPublic) (Alice: the "
          "smaller public key); rendezvousKey = deriveKey(RENDEZVOUS_KEY, staticMasterKey, [0x00]); per transport "
          "sourceKey = deriveKey(KEY_MATERIAL, rendezvousKey, utf8(transportId)) and keyMaterial = the first "
          "bytes of the Salsa20 keystream of sourceKey with an all-zero 8-byte nonce. For Tor, the first 32 bytes "
          "are Alice's Ed25519 onion-key seed, the next 32 Bob's; onion = base32(pub || SHA3-256(\".onion "
          "checksum\" || pub || 0x03)[0:2] || 0x03); the expanded key is clamp(SHA-512(seed)[0:32]) || "
          "SHA-512(seed)[32:64] in base64, as ADD_ONION takes it after \"ED25519-V3:\".",
          "Computed independently of the Java code by specs/vectors/gen/rendezvous_vectors.py (base64, hashlib "
          "and the X25519, Ed25519 and Salsa20 of crypto_vectors.py).",
          link_vectors(a[1]) + [rendezvous_vector("A and B, seen from A", a, b),
                                rendezvous_vector("A and B, seen from B", b, a),
                                rendezvous_vector("A and C, seen from C", c, a)])
    write("bhp",
          "BHP 0.1 of specs/bhp.md from fixed keys. masterKey = hash(MASTER_KEY_0_1, X25519(eA, eB), "
          "X25519(sA, eB), X25519(eA, sB), sA, sB, eA, eB) over raw X25519 outputs and public keys, A being the "
          "party with the smaller static public key; aliceProof = mac(ALICE_PROOF, masterKey), bobProof = "
          "mac(BOB_PROOF, masterKey), both with no inputs. Records (version 0): MINOR_VERSION = type 2 with "
          "payload 0x01, EPHEMERAL_PUBLIC_KEY = type 0, PROOF_OF_OWNERSHIP = type 1; the *RecordsHex fields are "
          "the plaintext record bytes each side writes into its handshake stream.",
          "Computed independently of the Java code by specs/vectors/gen/rendezvous_vectors.py (hashlib.blake2b "
          "and the X25519 of crypto_vectors.py).",
          [handshake_vector("A and B", (a, b), (key_pair("thicket test ephemeral key 1"),
                                                key_pair("thicket test ephemeral key 2"))),
           handshake_vector("A and C", (c, a), (key_pair("thicket test ephemeral key 3"),
                                                key_pair("thicket test ephemeral key 4")))])


if __name__ == "__main__":
    main()
