#!/usr/bin/env python3
"""Writes the BTP stream vectors, specs/vectors/btp-streams.json (specs/btp.md).

Run from anywhere with plain Python 3 (standard library only):

    python3 specs/vectors/gen/btp_vectors.py

The output is deterministic. Everything here is computed from the format as specs/btp.md states it, with
hashlib.blake2b for tags and the XSalsa20-Poly1305 secretbox of crypto_vectors.py (itself checked against the
NaCl example), sharing no code with the Java implementation under test.
"""

import hashlib
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from crypto_vectors import h, secretbox, secretbox_open, u64, write  # noqa: E402

PROTOCOL_VERSION = 4
TAG_LENGTH = 16
MAX_FRAME_LENGTH = 1024
FRAME_OVERHEAD = 4 + 16 + 16  # sealed frame header (4 + MAC) and the payload's MAC
MAX_PAYLOAD_LENGTH = MAX_FRAME_LENGTH - FRAME_OVERHEAD  # 988, payload plus padding
FINAL_FLAG = 0x8000


def u16(n):
    return n.to_bytes(2, "big")


def test_key(name):
    return hashlib.blake2b(("thicket test " + name).encode("ascii"), digest_size=32).digest()


TAG_KEY = test_key("tag key")
HEADER_KEY = test_key("header key")
OTHER_HEADER_KEY = test_key("other header key")
STREAM_HEADER_NONCE = hashlib.blake2b(b"thicket test stream header nonce", digest_size=24).digest()
FRAME_KEY = test_key("frame key")


# ---------------------------------------------------------------------------------------------------------
# The format

def tag(tag_key, stream_number, version=PROTOCOL_VERSION):
    data = u16(version) + u64(stream_number)
    return hashlib.blake2b(data, digest_size=32, key=tag_key).digest()[:TAG_LENGTH]


def stream_header(header_key, nonce, stream_number, frame_key, version=PROTOCOL_VERSION):
    return nonce + secretbox(header_key, nonce, u16(version) + u64(stream_number) + frame_key)


def frame_nonce(frame_number, header):
    nonce = bytearray(u64(frame_number) + bytes(16))
    if header:
        nonce[0] |= 0x80
    return bytes(nonce)


def frame(frame_key, frame_number, payload, padding=b"", final=False, header_nonce=None, payload_nonce=None):
    """One sealed frame. The nonce arguments exist only to build malformed frames."""
    length_field = len(payload) | (FINAL_FLAG if final else 0)
    header_nonce = header_nonce or frame_nonce(frame_number, True)
    payload_nonce = payload_nonce or frame_nonce(frame_number, False)
    header = secretbox(frame_key, header_nonce, u16(length_field) + u16(len(padding)))
    body = secretbox(frame_key, payload_nonce, payload + padding)
    return header + body


def power_of_two_padding(payload_length):
    """FramePadding.POWER_OF_TWO: the frame on the wire is 64, 128, 256, 512 or 1,024 bytes."""
    wire = FRAME_OVERHEAD + payload_length
    bucket = 64
    while bucket < wire:
        bucket *= 2
    assert bucket <= MAX_FRAME_LENGTH
    return bucket - wire


PADDINGS = {"NONE": lambda n: 0, "POWER_OF_TWO": power_of_two_padding}


# ---------------------------------------------------------------------------------------------------------
# Vectors

def tag_vectors():
    vectors = []
    for number in [0, 1, 255, 256, 2 ** 32 - 1]:
        vectors.append({"name": "tag of stream %d" % number, "kind": "tag", "tagKeyHex": h(TAG_KEY),
                        "protocolVersion": PROTOCOL_VERSION, "streamNumber": number,
                        "inputHex": h(u16(PROTOCOL_VERSION) + u64(number)),
                        "tagHex": h(tag(TAG_KEY, number))})
    # Distinct stream numbers give distinct tags, and the tag depends on the key.
    assert len({v["tagHex"] for v in vectors}) == len(vectors)
    assert tag(HEADER_KEY, 0) != tag(TAG_KEY, 0)
    return vectors


def stream_vector(name, payloads, padding, stream_number, with_tag=True):
    """A stream as the writer makes it: each payload but the last is written and flushed, or (988 bytes)
    sent as a full frame without a flush; the last goes out with sendEndOfStream."""
    frames, sealed = [], []
    for i, payload in enumerate(payloads):
        final = i == len(payloads) - 1
        pad = bytes(PADDINGS[padding](len(payload)))
        sealed.append(frame(FRAME_KEY, i, payload, pad, final))
        frames.append({"payloadHex": h(payload), "paddingLength": len(pad), "final": final,
                       "frameHex": h(sealed[-1])})
    prefix = tag(TAG_KEY, stream_number) if with_tag else b""
    header = stream_header(HEADER_KEY, STREAM_HEADER_NONCE, stream_number, FRAME_KEY)
    vector = {"name": name, "kind": "stream", "contactExchange": not with_tag, "padding": padding,
              "headerKeyHex": h(HEADER_KEY), "streamNumber": stream_number,
              "streamHeaderNonceHex": h(STREAM_HEADER_NONCE), "frameKeyHex": h(FRAME_KEY)}
    if with_tag:
        vector.update({"tagKeyHex": h(TAG_KEY), "tagHex": h(prefix)})
    vector.update({"streamHeaderHex": h(header), "frames": frames, "plaintextHex": h(b"".join(payloads)),
                   "streamHex": h(prefix + header + b"".join(sealed))})
    return vector


def stream_vectors():
    hello = b"hello"
    full = bytes(i % 251 for i in range(MAX_PAYLOAD_LENGTH))
    return [
        stream_vector("\"hello\" in a flushed frame, then an empty final frame", [hello, b""], "NONE", 5),
        stream_vector("the same, padded to power-of-two frame lengths", [hello, b""], "POWER_OF_TWO", 5),
        stream_vector("a full frame, then a final frame with 3 bytes, padded", [full, b"end"], "POWER_OF_TWO",
                      2 ** 32 - 1),
        stream_vector("contact exchange: no tag, stream number 0", [b"contact info", b""], "NONE", 0,
                      with_tag=False),
    ]


def reader_input(stream_number, frames, header_key=HEADER_KEY, header_number=None, version=PROTOCOL_VERSION):
    number = stream_number if header_number is None else header_number
    return stream_header(header_key, STREAM_HEADER_NONCE, number, FRAME_KEY, version) + b"".join(frames)


def read_vector(name, kind, data, plaintext, reason=None, unread=0):
    """What a reader given 'data' (the bytes after the tag) must do, for header key HEADER_KEY and stream 5."""
    vector = {"name": name, "kind": kind, "headerKeyHex": h(HEADER_KEY), "streamNumber": 5,
              "inputHex": h(data), "plaintextHex": h(plaintext)}
    if reason is not None:
        vector["reason"] = reason
    if kind == "accept":
        vector["unreadLength"] = unread
    return vector


def reader_vectors():
    hi = frame(FRAME_KEY, 0, b"hi")
    end = frame(FRAME_KEY, 1, b"", final=True)
    good = reader_input(5, [hi, end])
    trailing = b"next stream's bytes"

    def over_limit(name, payload_length, padding_length, final=False):
        field = payload_length | (FINAL_FLAG if final else 0)
        header = secretbox(FRAME_KEY, frame_nonce(0, True), u16(field) + u16(padding_length))
        return read_vector("frame length over the limit: " + name, "reject", reader_input(5, [header]), b"",
                           "over the limit")

    vectors = [
        read_vector("padding is accepted and dropped", "accept",
                    reader_input(5, [frame(FRAME_KEY, 0, b"hi", bytes(30)), end]), b"hi"),
        read_vector("the final frame may carry payload", "accept",
                    reader_input(5, [hi, frame(FRAME_KEY, 1, b" there", final=True)]), b"hi there"),
        read_vector("a maximal frame: 900 payload and 88 padding bytes", "accept",
                    reader_input(5, [frame(FRAME_KEY, 0, bytes([7]) * 900, bytes(88), final=True)]),
                    bytes([7]) * 900),
        read_vector("bytes after the final frame are left unread", "accept", good + trailing, b"hi",
                    unread=len(trailing)),
        read_vector("stream header of version 3", "reject", reader_input(5, [hi, end], version=3), b"",
                    "version 3"),
        read_vector("stream header of version 5", "reject", reader_input(5, [hi, end], version=5), b"",
                    "version 5"),
        read_vector("stream header for stream 6 under the tag of stream 5", "reject",
                    reader_input(5, [hi, end], header_number=6), b"", "stream number 6"),
        read_vector("stream header sealed with another header key", "reject",
                    reader_input(5, [hi, end], header_key=OTHER_HEADER_KEY), b"", "does not authenticate"),
        over_limit("989 payload bytes", 989, 0),
        over_limit("989 padding bytes", 0, 989),
        over_limit("500 payload and 489 padding bytes", 500, 489),
        over_limit("the largest payload field, final", 0x7FFF, 0, final=True),
        over_limit("the largest padding field", 0, 0xFFFF),
        read_vector("non-zero padding", "reject",
                    reader_input(5, [frame(FRAME_KEY, 0, b"hi", bytes([0, 1, 0])), end]), b"", "Non-zero padding"),
        read_vector("non-zero padding in a later frame", "reject",
                    reader_input(5, [hi, frame(FRAME_KEY, 1, b"", bytes([0x80]), final=True)]), b"hi",
                    "Non-zero padding"),
        read_vector("frames swapped", "reject", reader_input(5, [end, hi]), b"", "does not authenticate"),
        read_vector("a frame replayed under frame number 0", "reject",
                    reader_input(5, [hi, hi, end]), b"hi", "does not authenticate"),
        read_vector("frame header sealed with a payload nonce (top bit clear)", "reject",
                    reader_input(5, [frame(FRAME_KEY, 0, b"hi", header_nonce=frame_nonce(0, False)), end]), b"",
                    "does not authenticate"),
        read_vector("payload sealed with the frame header's nonce", "reject",
                    reader_input(5, [frame(FRAME_KEY, 0, b"hi", payload_nonce=frame_nonce(0, True)), end]), b"",
                    "does not authenticate"),
        read_vector("empty input", "reject", b"", b"", "truncated"),
        read_vector("the stream header alone", "reject", reader_input(5, []), b"", "truncated"),
        read_vector("ends after a non-final frame", "reject", reader_input(5, [hi]), b"hi", "truncated"),
        read_vector("ends inside the final frame", "reject", good[:-1], b"hi", "truncated"),
    ]
    # The nonce rule as stated: frame number big-endian, then zeros; the top bit marks header nonces.
    assert frame_nonce(1, False) == bytes(7) + b"\x01" + bytes(16)
    assert frame_nonce(1, True) == b"\x80" + bytes(6) + b"\x01" + bytes(16)
    assert secretbox_open(FRAME_KEY, frame_nonce(0, False), hi[20:]) == b"hi"
    assert secretbox_open(FRAME_KEY, frame_nonce(0, True), hi[:20]) == u16(2) + u16(0)
    return vectors


def main():
    write("btp-streams",
          "BTP version 4 streams (specs/btp.md). 'tag' vectors: tagHex = first 16 bytes of BLAKE2b-256 keyed "
          "with the tag key over inputHex = uint16 version || uint64 stream number. 'stream' vectors: the exact "
          "bytes a writer produces from the given stream header nonce and frame key (normally random): tag "
          "(absent for contact exchange) || stream header || frames; each payload but the last is written and "
          "flushed (a 988-byte payload is sent as a full frame without a flush) and the last is sent with the "
          "end of stream. 'accept' and 'reject' vectors: inputHex is what a reader sees after the tag, for "
          "header key headerKeyHex and stream number 5 (the frame key is the stream vectors' frameKeyHex); the "
          "reader must return exactly plaintextHex, then either end cleanly leaving unreadLength bytes of the "
          "input unread ('accept') or fail with a format error whose message contains 'reason' ('reject').",
          "Computed independently of the Java code by specs/vectors/gen/btp_vectors.py (hashlib.blake2b and the "
          "XSalsa20-Poly1305 of crypto_vectors.py, checked there against the NaCl secretbox example).",
          tag_vectors() + stream_vectors() + reader_vectors())


if __name__ == "__main__":
    main()
