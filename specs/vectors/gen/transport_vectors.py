#!/usr/bin/env python3
"""Writes specs/vectors/transport-keys.json: the transport-key schedule of specs/transport-keys.md.

Run from anywhere with plain Python 3 (standard library only):

    python3 specs/vectors/gen/transport_vectors.py

The output is deterministic. Every value is computed here from the definitions in specs/transport-keys.md with
hashlib.blake2b and the X25519 of crypto_vectors.py (checked there against RFC 7748), sharing no code with the
Java implementation under test.
"""

import hashlib
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from crypto_vectors import X25519_BASE, h, labelled_mac, labelled_hash, u64, write, x25519  # noqa: E402

PREFIX = "org.briarproject.bramble.transport/"
STATIC_MASTER_KEY = PREFIX + "STATIC_MASTER_KEY"
PENDING_CONTACT_ROOT_KEY = PREFIX + "PENDING_CONTACT_ROOT_KEY"
CONTACT_ROOT_KEY = PREFIX + "CONTACT_ROOT_KEY"
TAG_KEY = {True: PREFIX + "ALICE_TAG_KEY", False: PREFIX + "BOB_TAG_KEY"}
HEADER_KEY = {True: PREFIX + "ALICE_HEADER_KEY", False: PREFIX + "BOB_HEADER_KEY"}
ROTATE = PREFIX + "ROTATE"
HANDSHAKE_TAG_KEY = {True: PREFIX + "ALICE_HANDSHAKE_TAG_KEY", False: PREFIX + "BOB_HANDSHAKE_TAG_KEY"}
HANDSHAKE_HEADER_KEY = {True: PREFIX + "ALICE_HANDSHAKE_HEADER_KEY", False: PREFIX + "BOB_HANDSHAKE_HEADER_KEY"}

MAX_CLOCK_DIFFERENCE_MS = 24 * 60 * 60 * 1000

TOR = "org.briarproject.bramble.tor"
TOR_LATENCY_MS = 30 * 1000
DRIVE_LATENCY_MS = 28 * 24 * 60 * 60 * 1000
MAILBOX_LATENCY_MS = 14 * 24 * 60 * 60 * 1000


def derive_key(label, key, *inputs):
    return labelled_mac(label, key, list(inputs))


def period_length(max_latency_ms):
    return max_latency_ms + MAX_CLOCK_DIFFERENCE_MS


def time_period(time_ms, max_latency_ms):
    return time_ms // period_length(max_latency_ms)


def rotate(key, period):
    return derive_key(ROTATE, key, u64(period))


def key_pair(tag_key, header_key, period):
    return {"timePeriod": period, "tagKeyHex": h(tag_key), "headerKeyHex": h(header_key)}


# ---------------------------------------------------------------------------------------------------------
# Rotation mode. A key schedule is a chain per (direction, kind): k[P - 1] from the root key, k[p] =
# rotate(k[p - 1], p). We hold our outgoing chain (labels of our own role) and our incoming chain (labels of
# the peer's role) as plain lists indexed from P - 1, so the stored set for any period q >= P is read off them.

def rotation_chains(root_key, transport_id, alice, first_period, last_period):
    """Tag and header key chains from period first_period - 1 (the root-derived keys) to last_period."""
    t = transport_id.encode("utf-8")
    chains = {}
    for direction, role in (("out", alice), ("in", not alice)):
        for kind, labels in (("tag", TAG_KEY), ("header", HEADER_KEY)):
            chain = {first_period - 1: derive_key(labels[role], root_key, t)}
            for p in range(first_period, last_period + 1):
                chain[p] = rotate(chain[p - 1], p)
            chains[direction, kind] = chain
    return chains


def stored_rotation_keys(chains, q):
    """The stored key set for period q: incoming for q - 1, q, q + 1 and outgoing for q."""
    incoming = lambda p: key_pair(chains["in", "tag"][p], chains["in", "header"][p], p)
    return {"previousIncoming": incoming(q - 1), "currentIncoming": incoming(q), "nextIncoming": incoming(q + 1),
            "outgoing": key_pair(chains["out", "tag"][q], chains["out", "header"][q], q)}


def rotation_vector(name, root_key, transport_id, timestamp, max_latency_ms, alice, rotated_to):
    p = time_period(timestamp, max_latency_ms)
    chains = rotation_chains(root_key, transport_id, alice, p, rotated_to + 1)
    return {"name": name, "kind": "rotation", "transportId": transport_id, "rootKeyHex": h(root_key),
            "timestamp": timestamp, "maxLatencyMs": max_latency_ms, "periodLengthMs": period_length(max_latency_ms),
            "timePeriod": p, "alice": alice,
            "initialOutgoingTagKeyHex": h(chains["out", "tag"][p - 1]),
            "initialOutgoingHeaderKeyHex": h(chains["out", "header"][p - 1]),
            "initialIncomingTagKeyHex": h(chains["in", "tag"][p - 1]),
            "initialIncomingHeaderKeyHex": h(chains["in", "header"][p - 1]),
            "keys": stored_rotation_keys(chains, p),
            "rotatedTo": rotated_to,
            "rotatedKeys": stored_rotation_keys(chains, rotated_to)}


# ---------------------------------------------------------------------------------------------------------
# Handshake mode

def static_master_key(our_private, our_public, their_public):
    alice = our_public < their_public  # bytes compare as unsigned, lexicographically
    first, second = (our_public, their_public) if alice else (their_public, our_public)
    raw = x25519(our_private, their_public)
    assert raw != bytes(32)
    return labelled_hash(STATIC_MASTER_KEY, [raw, first, second])


def handshake_key(labels, role, root_key, transport_id, period):
    return derive_key(labels[role], root_key, transport_id.encode("utf-8"), u64(period))


def stored_handshake_keys(root_key, transport_id, alice, q):
    def keys(role, p):
        return key_pair(handshake_key(HANDSHAKE_TAG_KEY, role, root_key, transport_id, p),
                        handshake_key(HANDSHAKE_HEADER_KEY, role, root_key, transport_id, p), p)
    return {"previousIncoming": keys(not alice, q - 1), "currentIncoming": keys(not alice, q),
            "nextIncoming": keys(not alice, q + 1), "outgoing": keys(alice, q)}


def handshake_vector(name, our_private, their_private, transport_id, now_ms, max_latency_ms, rotated_to):
    our_public, their_public = x25519(our_private, X25519_BASE), x25519(their_private, X25519_BASE)
    alice = our_public < their_public
    master = static_master_key(our_private, our_public, their_public)
    assert master == static_master_key(their_private, their_public, our_public)
    pending_root = derive_key(PENDING_CONTACT_ROOT_KEY, master)
    p = time_period(now_ms, max_latency_ms)
    return {"name": name, "kind": "handshake", "transportId": transport_id,
            "ourPrivateHex": h(our_private), "ourPublicHex": h(our_public), "theirPublicHex": h(their_public),
            "alice": alice, "staticMasterKeyHex": h(master), "pendingContactRootKeyHex": h(pending_root),
            "contactRootKeyHex": h(derive_key(CONTACT_ROOT_KEY, master)),
            "nowMs": now_ms, "maxLatencyMs": max_latency_ms, "timePeriod": p,
            "keys": stored_handshake_keys(pending_root, transport_id, alice, p),
            "rotatedTo": rotated_to,
            "rotatedKeys": stored_handshake_keys(pending_root, transport_id, alice, rotated_to)}


# ---------------------------------------------------------------------------------------------------------

def period_vector(name, time_ms, max_latency_ms):
    return {"name": name, "kind": "period", "timeMs": time_ms, "maxLatencyMs": max_latency_ms,
            "periodLengthMs": period_length(max_latency_ms), "timePeriod": time_period(time_ms, max_latency_ms)}


def seeded(text):
    return hashlib.blake2b(text.encode("utf-8"), digest_size=32).digest()


def check_symmetry(alice_vector, bob_vector):
    """Alice's outgoing keys are Bob's incoming keys of the same period, and the other way round."""
    for field in ("keys", "rotatedKeys"):
        a, b = alice_vector[field], bob_vector[field]
        assert a["outgoing"] == b["currentIncoming"] and b["outgoing"] == a["currentIncoming"]
    assert alice_vector["initialOutgoingTagKeyHex"] == bob_vector["initialIncomingTagKeyHex"]
    assert bob_vector["initialOutgoingHeaderKeyHex"] == alice_vector["initialIncomingHeaderKeyHex"]


def main():
    root_key = seeded("thicket test transport root key")
    timestamp = 1_700_000_000_000
    p = time_period(timestamp, TOR_LATENCY_MS)
    alice = rotation_vector("rotation, Alice, Tor", root_key, TOR, timestamp, TOR_LATENCY_MS, True, p + 3)
    bob = rotation_vector("rotation, Bob, Tor", root_key, TOR, timestamp, TOR_LATENCY_MS, False, p + 3)
    check_symmetry(alice, bob)
    drive = rotation_vector("rotation, Alice, removable drive (28-day latency)",
                            root_key, "org.briarproject.bramble.drive", timestamp, DRIVE_LATENCY_MS, True,
                            time_period(timestamp, DRIVE_LATENCY_MS) + 1)

    key_a, key_b = seeded("thicket test handshake key A"), seeded("thicket test handshake key B")
    now = 1_704_067_200_000
    hp = time_period(now, TOR_LATENCY_MS)
    side_a = handshake_vector("handshake, side A, Tor", key_a, key_b, TOR, now, TOR_LATENCY_MS, hp + 2)
    side_b = handshake_vector("handshake, side B, Tor", key_b, key_a, TOR, now, TOR_LATENCY_MS, hp + 2)
    assert side_a["alice"] != side_b["alice"]
    for field in ("keys", "rotatedKeys"):
        assert side_a[field]["outgoing"] == side_b[field]["currentIncoming"]
        assert side_b[field]["outgoing"] == side_a[field]["currentIncoming"]

    length = period_length(TOR_LATENCY_MS)
    periods = [
        period_vector("Tor, LAN, Bluetooth (30 s latency)", timestamp, TOR_LATENCY_MS),
        period_vector("last millisecond of a period", (p + 1) * length - 1, TOR_LATENCY_MS),
        period_vector("first millisecond of the next period", (p + 1) * length, TOR_LATENCY_MS),
        period_vector("removable drive (28 days)", timestamp, DRIVE_LATENCY_MS),
        period_vector("mailbox (14 days)", timestamp, MAILBOX_LATENCY_MS),
    ]
    write("transport-keys",
          "The transport-key schedule of specs/transport-keys.md. Labels are org.briarproject.bramble.transport/ "
          "followed by the names in the spec; deriveKey(L, k, x...) is keyed BLAKE2b-256 over the labelled "
          "encoding of specs/crypto.md. kind \"period\": timePeriod = floor(timeMs / (maxLatencyMs + 86400000)). "
          "kind \"rotation\": P = timePeriod of timestamp; the four initial keys (period P - 1) are "
          "deriveKey(ALICE_/BOB_TAG_KEY or ALICE_/BOB_HEADER_KEY, rootKey, utf8(transportId)), outgoing with our "
          "role's labels, incoming with the peer's; each later period p is deriveKey(ROTATE, k[p - 1], "
          "uint64(p)); \"keys\" is the stored set for period P (incoming P - 1, P, P + 1, outgoing P) and "
          "\"rotatedKeys\" the set after rotating to rotatedTo. kind \"handshake\": staticMasterKey = "
          "hash(STATIC_MASTER_KEY, X25519(ourPrivate, theirPublic), alicePublic, bobPublic) where Alice has the "
          "smaller public key; pendingContactRootKey and contactRootKey = deriveKey(PENDING_CONTACT_ROOT_KEY or "
          "CONTACT_ROOT_KEY, staticMasterKey) with no inputs; per-period keys (from the pending-contact root "
          "key) = deriveKey(ALICE_/BOB_HANDSHAKE_TAG_KEY or ..._HEADER_KEY, root, utf8(transportId), "
          "uint64(period)) directly, for the periods named in each key pair.",
          "Computed independently of the Java code by specs/vectors/gen/transport_vectors.py (hashlib.blake2b and "
          "the X25519 of crypto_vectors.py, checked against RFC 7748).",
          periods + [alice, bob, drive, side_a, side_b])


if __name__ == "__main__":
    main()
