#!/usr/bin/env python3
"""Generates specs/vectors/messaging.json from specs/clients/messaging.md.

Written from the spec alone, independently of the Java code, using only the Python 3 standard library. It has
its own small BDF encoder for building bodies and metadata, and its own validator for the messaging rules; the
validator reads BDF with the independent canonical decoder of bdf_vectors.py. Before writing, every accepted
vector must parse to exactly its expected values and metadata, and every rejected vector must be rejected for
exactly the rule it is filed under (the first rule it breaks, in the spec's check order).

Usage: python3 specs/vectors/gen/messaging_vectors.py   (rewrites specs/vectors/messaging.json)
"""

import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bdf_vectors  # noqa: E402  (the decoder only, for the cross-check)

PRIVATE_MESSAGE, ATTACHMENT = 0, 1
MAX_TEXT = 32 * 1024 - 2048
MAX_ATTACHMENTS = 10
MAX_CONTENT_TYPE = 80
MAX_IMAGE = 32 * 1024 - 100
MIN_TIMER, MAX_TIMER = 60_000, 365 * 24 * 60 * 60 * 1000
MAX_CLOCK_DIFFERENCE = 24 * 60 * 60 * 1000
MAX_BODY = 32 * 1024
ID_LENGTH = 32

NOW = 1_704_067_200_000  # 2024-01-01T00:00:00Z, the local clock in every vector
TS = NOW - 3_600_000     # a message sent an hour ago

# --- a tiny BDF encoder (specs/bdf.md) ---------------------------------------------------------------


class Raw(bytes):
    """A RAW value, kept apart from str (STRING)."""


class Bad:
    """Pre-encoded bytes spliced into a list, for non-canonical or malformed input."""

    def __init__(self, hexstr):
        self.data = bytes.fromhex(hexstr)


def _int(v):
    for code, width in ((0x21, 1), (0x22, 2), (0x24, 4), (0x28, 8)):
        if -(1 << (8 * width - 1)) <= v < (1 << (8 * width - 1)):
            return bytes([code]) + v.to_bytes(width, "big", signed=True)
    raise ValueError(v)


def _sized(base, data):
    header = _int(len(data))
    return bytes([base | (header[0] & 0x0F)]) + header[1:] + data


def bdf(v):
    if isinstance(v, Bad):
        return v.data
    if v is None:
        return b"\x00"
    if isinstance(v, bool):
        return b"\x11" if v else b"\x10"
    if isinstance(v, int):
        return _int(v)
    if isinstance(v, float):
        return b"\x38" + struct.pack(">d", v)
    if isinstance(v, str):
        return _sized(0x40, v.encode("utf-8"))
    if isinstance(v, Raw):
        return _sized(0x50, bytes(v))
    if isinstance(v, list):
        return b"\x60" + b"".join(bdf(x) for x in v) + b"\x80"
    if isinstance(v, dict):  # keys here are ASCII, where sorted() is the spec's key order
        return b"\x70" + b"".join(bdf(k) + bdf(v[k]) for k in sorted(v)) + b"\x80"
    raise TypeError(type(v))


# --- the rules of specs/clients/messaging.md, in their check order -----------------------------------------


class Invalid(Exception):
    def __init__(self, rule):
        super().__init__(rule)
        self.rule = rule


def utf8_len(s):
    return len(s.encode("utf-8"))


def content_type(v):
    if not isinstance(v, str) or not 1 <= utf8_len(v) <= MAX_CONTENT_TYPE:
        raise Invalid("content-type")
    return v


def header(h):
    if not isinstance(h, list) or len(h) != 2:
        raise Invalid("attachment-header")
    if not isinstance(h[0], bdf_vectors.Raw) or len(h[0]) != ID_LENGTH:
        raise Invalid("attachment-header")
    return {"messageIdHex": bytes(h[0]).hex(), "contentType": content_type(h[1])}


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def validate(timestamp, now, body):
    """Returns (expected values, metadata dict) or raises Invalid(rule)."""
    if timestamp < 0 or timestamp - now > MAX_CLOCK_DIFFERENCE:
        raise Invalid("timestamp")
    if not 1 <= len(body) <= MAX_BODY:
        raise Invalid("body-length")
    if body[0] != bdf_vectors.LIST:
        raise Invalid("not-a-list")
    decoder = bdf_vectors.Decoder(body, bdf_vectors.MAX_LENGTH)
    try:
        lst = decoder.value(0)
    except bdf_vectors.Reject:
        raise Invalid("bdf")
    rest = body[decoder.pos:]
    meta = {"timestamp": timestamp, "local": False}
    if len(lst) == 1:
        if rest:
            raise Invalid("trailing-bytes")
        if not isinstance(lst[0], str) or utf8_len(lst[0]) > MAX_TEXT:
            raise Invalid("legacy-text")
        return private_message(lst[0], [], None, meta)
    if not lst:
        raise Invalid("empty-list")
    if not is_int(lst[0]) or lst[0] not in (PRIVATE_MESSAGE, ATTACHMENT):
        raise Invalid("message-type")
    if lst[0] == ATTACHMENT:
        if len(lst) != 2:
            raise Invalid("element-count")
        ct = content_type(lst[1])
        if len(rest) > MAX_IMAGE:
            raise Invalid("image-size")
        meta.update({"msgType": ATTACHMENT, "contentType": ct, "descriptorLength": decoder.pos})
        return {"type": "attachment", "contentType": ct, **hex_fields("data", rest)}, meta
    if rest:
        raise Invalid("trailing-bytes")
    if len(lst) not in (3, 4):
        raise Invalid("element-count")
    text = lst[1]
    if text is not None and (not isinstance(text, str) or utf8_len(text) > MAX_TEXT):
        raise Invalid("text")
    if not isinstance(lst[2], list) or len(lst[2]) > MAX_ATTACHMENTS:
        raise Invalid("attachment-list")
    headers = [header(h) for h in lst[2]]
    if text is None and not headers:
        raise Invalid("empty-message")
    timer = lst[3] if len(lst) == 4 else None
    if timer is not None and (not is_int(timer) or not MIN_TIMER <= timer <= MAX_TIMER):
        raise Invalid("timer")
    return private_message(text, headers, timer, meta)


def private_message(text, headers, timer, meta):
    meta.update({"msgType": PRIVATE_MESSAGE, "read": False, "hasText": text is not None,
                 "attachmentHeaders": [[Raw(bytes.fromhex(h["messageIdHex"])), h["contentType"]] for h in headers]})
    if timer is not None:
        meta["autoDeleteTimer"] = timer
    expect = {"type": "privateMessage", "text": text_json(text), "attachments": headers,
              "autoDeleteTimer": -1 if timer is None else timer}
    return expect, meta


# --- JSON forms: long runs become repeat rules so the file stays readable ----------------------------------


def text_json(text):
    if text is None or len(text) < 128:
        return text
    unit = text[0]
    assert text == unit * len(text)
    return {"repeat": unit, "count": len(text)}


def hex_fields(field, data):
    """{field + "Hex": hex}, or {field + "HexParts": [...]} with runs of a repeated 1- or 2-byte unit compressed."""
    parts, literal, i = [], b"", 0
    while i < len(data):
        run = None
        for unit in (1, 2):
            u = data[i:i + unit]
            n = 0
            while len(u) == unit and data[i + n * unit:i + (n + 1) * unit] == u:
                n += 1
            if n * unit >= 128:
                run = (u, n)
                break
        if run is None:
            literal += data[i:i + 1]
            i += 1
            continue
        if literal:
            parts.append(literal.hex())
            literal = b""
        parts.append({"repeatHex": run[0].hex(), "count": run[1]})
        i += len(run[0]) * run[1]
    if literal:
        parts.append(literal.hex())
    if all(isinstance(p, str) for p in parts):
        return {field + "Hex": data.hex()}
    return {field + "HexParts": parts}


def from_parts(parts):
    return b"".join(bytes.fromhex(p) if isinstance(p, str) else bytes.fromhex(p["repeatHex"]) * p["count"]
                    for p in parts)


# --- the vectors ---------------------------------------------------------------------------------------------

ID_A = Raw(bytes(range(0x00, 0x20)))
ID_B = Raw(bytes(range(0x20, 0x40)))
JPEG_START = bytes.fromhex("ffd8ffe000104a46494600")
DAY = 24 * 60 * 60 * 1000


def pm(text, headers=(), *timer):
    return bdf([PRIVATE_MESSAGE, text, [list(h) for h in headers], *timer])


def att(ct, data):
    return bdf([ATTACHMENT, ct]) + data


TEN_HEADERS = [[Raw(bytes([n]) * 32), "image/jpeg"] for n in range(10)]

# (name, body, weProduce[, timestamp]): bodies every reader must accept. weProduce: our writer makes exactly
# these bytes from the parsed values (false for forms we accept but never write).
ACCEPT = [
    ("text only, no timer", pm("Hello from Thicket \u2615"), True),
    ("text, two attachments and a 7-day timer",
     pm("Two pictures", [[ID_A, "image/jpeg"], [ID_B, "image/png"]], 7 * DAY), True),
    ("one attachment, no text", pm(None, [[ID_A, "image/jpeg"]]), True),
    ("empty text is text", pm(""), True),
    ("legacy form [text]", bdf(["Hello from an old peer"]), False),
    ("legacy form, empty text", bdf([""]), False),
    ("NULL timer means no timer", pm("hi", [], None), False),
    ("attachment message: header then raw JPEG bytes", att("image/jpeg", JPEG_START), True),
    ("attachment message with no data", att("image/png", b""), True),
    ("limit: text of 30720 one-byte characters", pm("a" * MAX_TEXT), True),
    ("limit: text of 30720 bytes in 15360 two-byte characters", pm("\u00e9" * (MAX_TEXT // 2)), True),
    ("limit: legacy text of 30720 bytes", bdf(["a" * MAX_TEXT]), False),
    ("limit: ten attachments", pm(None, TEN_HEADERS), True),
    ("limit: content type of 80 bytes", pm(None, [[ID_A, "x" * MAX_CONTENT_TYPE]]), True),
    ("limit: attachment content type of 80 bytes", att("y" * MAX_CONTENT_TYPE, b"\x00"), True),
    ("limit: timer of 1 minute", pm("hi", [], MIN_TIMER), True),
    ("limit: timer of 365 days", pm("hi", [], MAX_TIMER), True),
    ("limit: image of 32668 bytes", att("image/jpeg", b"\xab" * MAX_IMAGE), True),
    ("limit: timestamp exactly 24 hours ahead", pm("from the future"), True, NOW + MAX_CLOCK_DIFFERENCE),
    ("timestamp far in the past", pm("old"), True, 0),
]

# (rule, name, body[, timestamp]): bodies every reader must reject, filed under the first rule they break.
REJECT = [
    ("timestamp", "24 hours and 1 ms ahead", pm("hi"), NOW + MAX_CLOCK_DIFFERENCE + 1),
    ("timestamp", "negative", pm("hi"), -1),
    ("body-length", "empty body", b""),
    ("body-length", "32769 bytes", att("image/jpeg", b"\x00" * (MAX_BODY + 1 - len(att("image/jpeg", b""))))),
    ("not-a-list", "a STRING", bdf("hi")),
    ("not-a-list", "NULL", bdf(None)),
    ("not-a-list", "a DICTIONARY", bdf({"text": "hi"})),
    ("bdf", "type code 0 as a non-minimal INT_16", bdf([Bad("220000"), "hi", []])),
    ("bdf", "list without END", bdf([PRIVATE_MESSAGE, "hi", []])[:-1]),
    ("bdf", "invalid UTF-8 in the text", bdf([PRIVATE_MESSAGE, Bad("4102c328"), []])),
    ("bdf", "attachment list nested too deep", bdf([PRIVATE_MESSAGE, "hi", [[[[[]]]]]])),
    ("bdf", "dictionary keys out of order", bdf([PRIVATE_MESSAGE, "hi", [], Bad("7041016221014101612100" "80")])),
    ("empty-list", "[]", bdf([])),
    ("legacy-text", "[INTEGER]", bdf([5])),
    ("legacy-text", "[NULL]", bdf([None])),
    ("legacy-text", "[0] is legacy, not a private message", bdf([PRIVATE_MESSAGE])),
    ("legacy-text", "[1] is legacy, not an attachment", bdf([ATTACHMENT])),
    ("legacy-text", "text of 30721 bytes", bdf(["a" * (MAX_TEXT + 1)])),
    ("trailing-bytes", "legacy form then one byte", bdf(["hi"]) + b"\x00"),
    ("trailing-bytes", "private message then a second list", pm("hi") + bdf([])),
    ("message-type", "type 2", bdf([2, "hi", []])),
    ("message-type", "type -1", bdf([-1, "hi", []])),
    ("message-type", "type 2^32 (not a truncated 0)", bdf([1 << 32, "hi", []])),
    ("message-type", "type as a STRING", bdf(["0", "hi", []])),
    ("message-type", "type as a BOOLEAN", bdf([False, "hi", []])),
    ("message-type", "type as a FLOAT", bdf([0.0, "hi", []])),
    ("element-count", "private message of 2 elements", bdf([PRIVATE_MESSAGE, "hi"])),
    ("element-count", "private message of 5 elements", bdf([PRIVATE_MESSAGE, "hi", [], MIN_TIMER, None])),
    ("element-count", "attachment header list of 3 elements", bdf([ATTACHMENT, "image/png", "x"])),
    ("text", "text as an INTEGER", bdf([PRIVATE_MESSAGE, 5, []])),
    ("text", "text as a RAW", bdf([PRIVATE_MESSAGE, Raw(b"hi"), []])),
    ("text", "text of 30721 bytes", pm("a" * (MAX_TEXT + 1))),
    ("text", "text of 15360 two-byte characters and one more byte", pm("\u00e9" * (MAX_TEXT // 2) + "a")),
    ("attachment-list", "NULL instead of a list", bdf([PRIVATE_MESSAGE, "hi", None])),
    ("attachment-list", "a STRING instead of a list", bdf([PRIVATE_MESSAGE, "hi", "x"])),
    ("attachment-list", "eleven headers", pm("hi", TEN_HEADERS + [[ID_A, "image/png"]])),
    ("attachment-header", "header as a RAW", bdf([PRIVATE_MESSAGE, "hi", [ID_A]])),
    ("attachment-header", "header of 1 element", pm("hi", [[ID_A]])),
    ("attachment-header", "header of 3 elements", pm("hi", [[ID_A, "image/png", 0]])),
    ("attachment-header", "ID of 31 bytes", pm("hi", [[Raw(ID_A[:31]), "image/png"]])),
    ("attachment-header", "ID of 33 bytes", pm("hi", [[Raw(ID_A + b"\x00"), "image/png"]])),
    ("attachment-header", "ID as a STRING", pm("hi", [["a" * 32, "image/png"]])),
    ("attachment-header", "second header bad", pm("hi", [[ID_A, "image/png"], [ID_B]])),
    ("content-type", "header content type as an INTEGER", pm("hi", [[ID_A, 5]])),
    ("content-type", "header content type empty", pm("hi", [[ID_A, ""]])),
    ("content-type", "header content type of 81 bytes", pm("hi", [[ID_A, "x" * 81]])),
    ("content-type", "header content type of 40 two-byte characters and one more byte",
     pm("hi", [[ID_A, "\u00e9" * 40 + "x"]])),
    ("content-type", "attachment content type NULL", att(None, JPEG_START)),
    ("content-type", "attachment content type empty", att("", JPEG_START)),
    ("content-type", "attachment content type of 81 bytes", att("y" * 81, JPEG_START)),
    ("empty-message", "NULL text and no attachments", pm(None)),
    ("empty-message", "NULL text, no attachments, with a timer", pm(None, [], MIN_TIMER)),
    ("timer", "59999 ms", pm("hi", [], MIN_TIMER - 1)),
    ("timer", "365 days and 1 ms", pm("hi", [], MAX_TIMER + 1)),
    ("timer", "-1 (no-timer value) on the wire", pm("hi", [], -1)),
    ("timer", "0", pm("hi", [], 0)),
    ("timer", "as a STRING", pm("hi", [], "60000")),
    ("timer", "as a BOOLEAN", pm("hi", [], True)),
    ("image-size", "32669 bytes", att("image/jpeg", b"\xab" * (MAX_IMAGE + 1))),
]


def main():
    vectors = []
    for entry in ACCEPT:
        name, body, we_produce = entry[:3]
        timestamp = entry[3] if len(entry) > 3 else TS
        expect, meta = validate(timestamp, NOW, body)
        if we_produce:
            assert produce(expect) == body, name
        vectors.append({"name": name, "result": "accept", "timestamp": timestamp, "now": NOW,
                        **hex_fields("body", body), "weProduce": we_produce, "expect": expect,
                        "metadataHex": bdf(meta).hex()})
    for entry in REJECT:
        rule, name, body = entry[:3]
        timestamp = entry[3] if len(entry) > 3 else TS
        try:
            validate(timestamp, NOW, body)
            raise AssertionError("accepted: " + name)
        except Invalid as e:
            assert e.rule == rule, "%s: %s != %s" % (name, e.rule, rule)
        vectors.append({"name": rule + ": " + name, "result": "reject", "rule": rule, "timestamp": timestamp,
                        "now": NOW, **hex_fields("body", body)})
    for v in vectors:
        body = bytes.fromhex(v["bodyHex"]) if "bodyHex" in v else from_parts(v["bodyHexParts"])
        assert len(body) <= MAX_BODY or v.get("rule") == "body-length", v["name"]
    assert len({v["name"] for v in vectors}) == len(vectors)
    here = os.path.dirname(os.path.abspath(__file__))
    bdf_vectors.write(os.path.join(os.path.dirname(here), "messaging.json"), {
        "description": "Bodies of the private-messaging client org.briarproject.briar.messaging 0.3 "
                       "(specs/clients/messaging.md). result 'accept': validate(timestamp, body) with the local "
                       "clock at 'now' yields 'expect' and the metadata whose BDF encoding is metadataHex; if "
                       "weProduce, our writer makes exactly this body from 'expect'. result 'reject': validation "
                       "fails, and 'rule' names the first rule of the spec's check order that the input breaks. "
                       "Bodies and data are xxxHex, or xxxHexParts (hex strings and {repeatHex, count} runs, "
                       "concatenated); a long text is {repeat, count}.",
        "source": "Computed from specs/clients/messaging.md by specs/vectors/gen/messaging_vectors.py (its own "
                  "Python stdlib BDF encoder and messaging validator, BDF decoding by bdf_vectors.py), "
                  "independently of the Java code.",
        "vectors": vectors,
    })


def produce(expect):
    """Our writer's rule: the current form, the timer only when there is one; attachments as header + data."""
    if expect["type"] == "attachment":
        data = bytes.fromhex(expect["dataHex"]) if "dataHex" in expect else from_parts(expect["dataHexParts"])
        return att(expect["contentType"], data)
    text = expect["text"]
    if isinstance(text, dict):
        text = text["repeat"] * text["count"]
    headers = [[Raw(bytes.fromhex(h["messageIdHex"])), h["contentType"]] for h in expect["attachments"]]
    timer = [] if expect["autoDeleteTimer"] == -1 else [expect["autoDeleteTimer"]]
    return pm(text, headers, *timer)


if __name__ == "__main__":
    main()
