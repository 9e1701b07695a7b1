#!/usr/bin/env python3
"""Writes specs/vectors/bsp.json: BSP group IDs, message IDs, sync records and inputs a reader must reject.

Run from anywhere with plain Python 3 (standard library only):

    python3 specs/vectors/gen/bsp_vectors.py

The output is deterministic. Every value is computed here from specs/bsp.md with hashlib's BLAKE2b and the
labelled encoding of crypto_vectors.py; nothing comes from the Java code under test. The small record parser
below re-checks each vector against the rules of the page before it is written: encodings must parse to the
stated content, and reject inputs must fail for the stated reason.
"""

import hashlib
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bdf_vectors import write  # noqa: E402  (one vector per line)
from crypto_vectors import VECTORS_DIR, h, labelled_hash, u32, u64  # noqa: E402

GROUP_ID_LABEL = "org.briarproject.bramble/GROUP_ID"
MESSAGE_ID_LABEL = "org.briarproject.bramble/MESSAGE_ID"
MESSAGE_BLOCK_LABEL = "org.briarproject.bramble/MESSAGE_BLOCK"
FORMAT_VERSION = b"\x01"

PROTOCOL_VERSION = 0
ACK, MESSAGE, OFFER, REQUEST, VERSIONS, PRIORITY = range(6)
MAX_PAYLOAD = 49152
ID_LENGTH = 32
MESSAGE_HEADER = 40
MAX_BODY = 32768
MAX_MESSAGE = MESSAGE_HEADER + MAX_BODY
MAX_VERSIONS = 10
NONCE_LENGTH = 16


def fixed(tag, length=32):
    """Reproducible pseudo-random bytes, named by a tag."""
    return hashlib.blake2b(tag.encode("utf-8"), digest_size=length).digest()


# ---------------------------------------------------------------------------------------------------------
# IDs

def group_id(client_id, major, descriptor):
    return labelled_hash(GROUP_ID_LABEL, [FORMAT_VERSION, client_id.encode("utf-8"), u32(major), descriptor])


def root_hash(body):
    return labelled_hash(MESSAGE_BLOCK_LABEL, [FORMAT_VERSION, body])


def message_id(gid, timestamp, body):
    return labelled_hash(MESSAGE_ID_LABEL, [FORMAT_VERSION, gid, u64(timestamp), root_hash(body)])


def contact_group_descriptor(author_a, author_b):
    """BDF list of the two author IDs in unsigned byte order: LIST, RAW_8 len 32 id, RAW_8 len 32 id, END."""
    first, second = sorted([author_a, author_b])
    return b"\x60" + b"\x51\x20" + first + b"\x51\x20" + second + b"\x80"


def group_vector(name, client_id, major, descriptor):
    return {"name": name, "kind": "groupId", "clientId": client_id, "majorVersion": major,
            "descriptorHex": h(descriptor), "groupIdHex": h(group_id(client_id, major, descriptor))}


def message_vector(name, gid, timestamp, body):
    raw = gid + u64(timestamp) + body
    assert parse_message(raw) == (gid, timestamp, body)
    return {"name": name, "kind": "messageId", "groupIdHex": h(gid), "timestamp": timestamp,
            "bodyHex": h(body), "rawHex": h(raw), "rootHashHex": h(root_hash(body)),
            "messageIdHex": h(message_id(gid, timestamp, body))}


# ---------------------------------------------------------------------------------------------------------
# Records, and a reference reader that applies the rules of specs/bsp.md

class Reject(Exception):
    pass


def record(version, record_type, payload):
    assert len(payload) <= MAX_PAYLOAD
    return bytes([version, record_type]) + len(payload).to_bytes(2, "big") + payload


def parse_message(raw):
    if len(raw) <= MESSAGE_HEADER:
        raise Reject("too short")
    if len(raw) > MAX_MESSAGE:
        raise Reject("too long")
    if raw[ID_LENGTH] & 0x80:
        raise Reject("negative timestamp")
    return raw[:ID_LENGTH], int.from_bytes(raw[ID_LENGTH:MESSAGE_HEADER], "big"), raw[MESSAGE_HEADER:]


def parse_ids(payload):
    if not payload:
        raise Reject("empty")
    if len(payload) % ID_LENGTH:
        raise Reject("not a multiple of 32")
    return [payload[i:i + ID_LENGTH] for i in range(0, len(payload), ID_LENGTH)]


def parse_payload(record_type, payload):
    if record_type in (ACK, OFFER, REQUEST):
        return parse_ids(payload)
    if record_type == MESSAGE:
        return parse_message(payload)
    if record_type == VERSIONS:
        if not 1 <= len(payload) <= MAX_VERSIONS:
            raise Reject("lists 1 to 10 versions")
        return list(payload)
    if len(payload) != NONCE_LENGTH:
        raise Reject("PRIORITY nonce is 16 bytes")
    return payload


def read_first(stream):
    """The first record a BSP reader returns: (type, content), skipping version-0 records of unknown types."""
    offset = 0
    while True:
        if len(stream) - offset < 4:
            raise Reject("ended inside")
        version, record_type = stream[offset], stream[offset + 1]
        length = int.from_bytes(stream[offset + 2:offset + 4], "big")
        if length > MAX_PAYLOAD:
            raise Reject("over the limit")
        payload = stream[offset + 4:offset + 4 + length]
        if len(payload) < length:
            raise Reject("ended inside")
        offset += 4 + length
        if version != PROTOCOL_VERSION:
            raise Reject("version %d" % version)
        if record_type <= PRIORITY:
            return record_type, parse_payload(record_type, payload)


def encode_vector(name, record_type, payload, **content):
    encoded = record(PROTOCOL_VERSION, record_type, payload)
    read_first(encoded)
    vector = {"name": name, "kind": "record", "type": record_type, "payloadHex": h(payload),
              "encodedHex": h(encoded)}
    vector.update(content)
    return vector


def reject_vector(name, encoded, reason):
    try:
        read_first(encoded)
    except Reject as e:
        assert reason in str(e), (name, str(e))
    else:
        raise AssertionError(name + " was not rejected")
    return {"name": name, "kind": "reject", "reason": reason, "encodedHex": h(encoded)}


# ---------------------------------------------------------------------------------------------------------

def main():
    author_a = fixed("thicket test author A")
    author_b = fixed("thicket test author B")
    contact_descriptor = contact_group_descriptor(author_a, author_b)
    assert contact_descriptor == contact_group_descriptor(author_b, author_a)
    assert len(contact_descriptor) == 70

    groups = [
        group_vector("messaging contact group (descriptor: BDF list of the two sorted author IDs)",
                     "org.briarproject.briar.messaging", 0, contact_descriptor),
        group_vector("local group (empty descriptor)", "org.briarproject.briar.feed", 0, b""),
        group_vector("non-ASCII client ID and a high major version", "org.thicket.test/\u00e9\u00e8", 2147483647,
                     b"\x00\x01\x02"),
        group_vector("1 KiB descriptor", "org.thicket.test", 3, bytes(i % 251 for i in range(1024))),
    ]
    gid = bytes.fromhex(groups[0]["groupIdHex"])
    messages = [
        message_vector("text body", gid, 1700000000000, b"Hello, Bob!"),
        message_vector("timestamp 0, one-byte body", gid, 0, b"\x00"),
        message_vector("largest timestamp, 1000-byte body", bytes.fromhex(groups[1]["groupIdHex"]), 2 ** 63 - 1,
                       bytes((7 * i) % 256 for i in range(1000))),
    ]
    message_raw = bytes.fromhex(messages[0]["rawHex"])
    id1, id2 = fixed("thicket test message ID 1"), fixed("thicket test message ID 2")
    nonce = fixed("thicket test priority nonce", NONCE_LENGTH)
    records = [
        encode_vector("ACK with two IDs", ACK, id1 + id2, idCount=2),
        encode_vector("MESSAGE", MESSAGE, message_raw, messageIdHex=messages[0]["messageIdHex"]),
        encode_vector("OFFER with one ID", OFFER, id1, idCount=1),
        encode_vector("REQUEST with one ID", REQUEST, id2, idCount=1),
        encode_vector("VERSIONS [0]", VERSIONS, b"\x00", versions=[0]),
        encode_vector("PRIORITY", PRIORITY, nonce, nonceHex=h(nonce)),
    ]
    unknown_then_versions = record(0, 6, b"\xab\xcd") + record(0, 255, b"") + record(0, VERSIONS, b"\x00")
    assert read_first(unknown_then_versions) == (VERSIONS, [0])
    ignores = [{"name": "version-0 records of unknown types 6 and 255 are skipped, then VERSIONS [0] is read",
                "kind": "ignore", "type": VERSIONS, "encodedHex": h(unknown_then_versions)}]

    negative = gid + u64(2 ** 63) + b"x"
    rejects = [
        reject_vector("ACK of 33 bytes", record(0, ACK, id1 + b"\x00"), "not a multiple of 32"),
        reject_vector("REQUEST of 31 bytes", record(0, REQUEST, id1[:31]), "not a multiple of 32"),
        reject_vector("empty ACK", record(0, ACK, b""), "empty"),
        reject_vector("empty OFFER", record(0, OFFER, b""), "empty"),
        reject_vector("VERSIONS of 11 bytes", record(0, VERSIONS, bytes(11)), "lists 1 to 10 versions"),
        reject_vector("empty VERSIONS", record(0, VERSIONS, b""), "lists 1 to 10 versions"),
        reject_vector("PRIORITY of 15 bytes", record(0, PRIORITY, nonce[:15]), "PRIORITY nonce is 16 bytes"),
        reject_vector("MESSAGE with a negative timestamp (top bit set)", record(0, MESSAGE, negative),
                      "negative timestamp"),
        reject_vector("MESSAGE with an empty body", record(0, MESSAGE, message_raw[:MESSAGE_HEADER]), "too short"),
        reject_vector("MESSAGE of 32,809 bytes", record(0, MESSAGE, gid + u64(1) + bytes(MAX_BODY + 1)),
                      "too long"),
        reject_vector("ACK of protocol version 1", record(1, ACK, id1), "version 1"),
        reject_vector("unknown type of protocol version 1", record(1, 6, b""), "version 1"),
    ]

    write(os.path.join(VECTORS_DIR, "bsp.json"), {
        "description": "BSP (specs/bsp.md): group IDs (kind groupId), message IDs with raw messages "
                       "(messageId), sync records to write and read (record), unknown record types a reader "
                       "skips (ignore) and inputs a reader must reject with the named reason (reject).",
        "source": "specs/vectors/gen/bsp_vectors.py: hashlib BLAKE2b over the labelled encoding, records and "
                  "rejections built from the format, independently of the Java code",
        "vectors": groups + messages + records + ignores + rejects,
    })


if __name__ == "__main__":
    main()
