#!/usr/bin/env python3
"""Generates specs/vectors/clients-bramble.json from specs/clients/versioning.md and specs/clients/properties.md.

Written from the two pages alone, independently of the Java code, using only the Python 3 standard library. Bodies
are built with the BDF encoder of bdf_vectors.py (plus pre-encoded fragments for non-canonical input) and checked by
a validator written here from each page's rules, reading BDF with bdf_vectors.py's independent canonical decoder.
Before writing, every accepted vector must parse to exactly its expected values, every vector we claim to produce
must be re-encoded to exactly its bytes, and every rejected vector must be rejected for exactly the rule it is filed
under (the first rule it breaks, in the page's check order). Group and message IDs come from bsp_vectors.py.

Usage: python3 specs/vectors/gen/clients_bramble_vectors.py   (rewrites specs/vectors/clients-bramble.json)
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bdf_vectors  # noqa: E402
from bdf_vectors import Int, Raw  # noqa: E402
from bsp_vectors import contact_group_descriptor, fixed, group_vector, message_vector  # noqa: E402
from crypto_vectors import VECTORS_DIR  # noqa: E402

VERSIONING = "org.briarproject.bramble.versioning"
PROPERTIES = "org.briarproject.bramble.properties"
MESSAGING = "org.briarproject.briar.messaging"
LAN = "org.briarproject.bramble.lan"
TOR = "org.briarproject.bramble.tor"
BLUETOOTH = "org.briarproject.bramble.bluetooth"

MAX_CLOCK_DIFFERENCE = 24 * 60 * 60 * 1000
MAX_CLIENT_ID = 100
MAX_CLIENT_STATES = 1000
MAX_INT32 = 2 ** 31 - 1
MAX_INT64 = 2 ** 63 - 1
MAX_TRANSPORT_ID = 100
MAX_PROPERTIES = 100
MAX_PROPERTY_LENGTH = 100

NOW = 1_704_067_200_000  # 2024-01-01T00:00:00Z, the local clock in every vector
TS = NOW - 3_600_000     # a message made an hour ago
ONION = "abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuvwx"

# --- encoding, with room for hand-made bytes -----------------------------------------------------------------


class Bad:
    """Pre-encoded bytes spliced into a list, for non-canonical or malformed input."""

    def __init__(self, hexstr):
        self.data = bytes.fromhex(hexstr)


def enc(v):
    if isinstance(v, Bad):
        return v.data
    if isinstance(v, list):
        return bytes([bdf_vectors.LIST]) + b"".join(enc(x) for x in v) + bytes([bdf_vectors.END])
    return bdf_vectors.encode(v)


# --- the rules of the two pages, in their check order ------------------------------------------------------


class Invalid(Exception):
    def __init__(self, rule):
        super().__init__(rule)
        self.rule = rule


def is_int(v):
    return isinstance(v, Int)


def utf8_len(s):
    return len(s.encode("utf-8"))


def utf16_len(s):
    return len(s.encode("utf-16-be")) // 2


def read_body(timestamp, now, body):
    """Rules 1 and 2 of both pages: the timestamp, then exactly one canonical BDF list."""
    if timestamp - now > MAX_CLOCK_DIFFERENCE:
        raise Invalid("timestamp")
    try:
        value = bdf_vectors.decode(body)
    except bdf_vectors.Reject:
        raise Invalid("body")
    if not isinstance(value, list):
        raise Invalid("body")
    return value


def validate_versioning(timestamp, now, body):
    lst = read_body(timestamp, now, body)
    if len(lst) != 2:
        raise Invalid("element-count")
    states = lst[0]
    if not isinstance(states, list) or len(states) > MAX_CLIENT_STATES:
        raise Invalid("client-list")
    clients, seen = [], set()
    for state in states:
        if not isinstance(state, list) or len(state) != 4:
            raise Invalid("client-state")
        client_id, major, minor, active = state
        if not isinstance(client_id, str) or not 1 <= utf8_len(client_id) <= MAX_CLIENT_ID:
            raise Invalid("client-id")
        if not is_int(major) or not 0 <= major <= MAX_INT32:
            raise Invalid("major-version")
        if not is_int(minor) or not 0 <= minor <= MAX_INT32:
            raise Invalid("minor-version")
        if not isinstance(active, bool):
            raise Invalid("active")
        if (client_id, major) in seen:
            raise Invalid("duplicate-client")
        seen.add((client_id, major))
        clients.append([client_id, int(major), int(minor), active])
    version = lst[1]
    if not is_int(version) or version < 0:
        raise Invalid("update-version")
    expect = {"clients": clients, "updateVersion": int(version)}
    return expect, bdf_vectors.encode({"updateVersion": version, "local": False})


def validate_properties(timestamp, now, body):
    lst = read_body(timestamp, now, body)
    if len(lst) != 3:
        raise Invalid("element-count")
    transport, version, props = lst
    if not isinstance(transport, str) or not 1 <= utf8_len(transport) <= MAX_TRANSPORT_ID:
        raise Invalid("transport-id")
    if not is_int(version) or version < 0:
        raise Invalid("version")
    if not isinstance(props, dict) or len(props) > MAX_PROPERTIES:
        raise Invalid("properties")
    for key in sorted(props, key=bdf_vectors.key_order):
        value = props[key]
        if not 1 <= utf16_len(key) <= MAX_PROPERTY_LENGTH:
            raise Invalid("property")
        if not isinstance(value, str) or utf16_len(value) > MAX_PROPERTY_LENGTH:
            raise Invalid("property")
    expect = {"transportId": transport, "version": int(version), "properties": dict(props)}
    return expect, bdf_vectors.encode({"transportId": transport, "version": version, "local": False})


# --- what we write (section 3.1 of versioning.md, section 3 of properties.md) -------------------------------


def listing_order(client):
    return bdf_vectors.key_order(client[0]), client[1]


def produce_versioning(expect):
    return enc([sorted(expect["clients"], key=listing_order), expect["updateVersion"]])


def produce_properties(expect):
    return enc([expect["transportId"], expect["version"], expect["properties"]])


# --- the vectors ---------------------------------------------------------------------------------------------


def update(states, version):
    return enc([[list(s) for s in states], version])


def props(transport, version, properties):
    return enc([transport, version, properties])


ID_100 = "org.thicket.test." + "x" * (MAX_CLIENT_ID - len("org.thicket.test."))
ID_100_NON_ASCII = "\u00e9" * 50
THOUSAND = sorted([(str(i), 0, 0, True) for i in range(MAX_CLIENT_STATES)], key=lambda c: c[0])

# (name, body, weProduce[, timestamp])
VERSIONING_ACCEPT = [
    ("first update: properties 0.0 not active yet", update([(PROPERTIES, 0, 0, False)], 1), True),
    ("two clients, both active, in listing order",
     update([(PROPERTIES, 0, 0, True), (MESSAGING, 0, 3, True)], 2), True),
    ("one active, one not", update([(PROPERTIES, 0, 0, True), (MESSAGING, 0, 3, False)], 7), True),
    ("no clients, update version 0", update([], 0), True),
    ("clients out of listing order are accepted",
     update([(MESSAGING, 0, 3, True), (PROPERTIES, 0, 0, True)], 2), False),
    ("one client ID, two major versions", update([(MESSAGING, 0, 3, True), (MESSAGING, 1, 0, False)], 3), True),
    ("unknown client ID", update([("org.example.future", 5, 9, False)], 4), True),
    ("limit: client ID of 100 bytes", update([(ID_100, 0, 0, True)], 1), True),
    ("limit: client ID of 50 two-byte characters (100 bytes)", update([(ID_100_NON_ASCII, 0, 0, True)], 1), True),
    ("limit: major and minor version 2^31-1", update([(PROPERTIES, MAX_INT32, MAX_INT32, True)], 1), True),
    ("limit: update version 2^63-1", update([(PROPERTIES, 0, 0, True)], MAX_INT64), True),
    ("limit: 1000 clients", update(THOUSAND, 1), True),
    ("limit: timestamp exactly 24 hours ahead", update([(PROPERTIES, 0, 0, False)], 1), True,
     NOW + MAX_CLOCK_DIFFERENCE),
    ("timestamp far in the past", update([(PROPERTIES, 0, 0, False)], 1), True, 0),
]

# (rule, name, body[, timestamp])
VERSIONING_REJECT = [
    ("timestamp", "24 hours and 1 ms ahead", update([], 1), NOW + MAX_CLOCK_DIFFERENCE + 1),
    ("body", "a STRING", enc("update")),
    ("body", "a DICTIONARY", enc({"updateVersion": Int(1)})),
    ("body", "list then a trailing byte", update([], 1) + b"\x00"),
    ("body", "list without END", update([], 1)[:-1]),
    ("body", "update version as a non-minimal INT_16", enc([[], Bad("220001")])),
    ("element-count", "empty list", enc([])),
    ("element-count", "client list only", enc([[]])),
    ("element-count", "three elements", enc([[], 1, 1])),
    ("client-list", "NULL instead of the list", enc([None, 1])),
    ("client-list", "a STRING instead of the list", enc(["clients", 1])),
    ("client-list", "1001 clients", update(THOUSAND + [("x", 0, 0, True)], 1)),
    ("client-state", "a STRING instead of a state", enc([[PROPERTIES], 1])),
    ("client-state", "three elements", enc([[[PROPERTIES, 0, 0]], 1])),
    ("client-state", "five elements", enc([[[PROPERTIES, 0, 0, True, 0]], 1])),
    ("client-state", "second state bad", enc([[[PROPERTIES, 0, 0, True], []], 1])),
    ("client-id", "empty", update([("", 0, 0, True)], 1)),
    ("client-id", "101 bytes", update([(ID_100 + "x", 0, 0, True)], 1)),
    ("client-id", "50 two-byte characters and one more byte", update([(ID_100_NON_ASCII + "x", 0, 0, True)], 1)),
    ("client-id", "a RAW", enc([[[Raw(PROPERTIES.encode()), 0, 0, True]], 1])),
    ("client-id", "NULL", enc([[[None, 0, 0, True]], 1])),
    ("major-version", "-1", update([(PROPERTIES, -1, 0, True)], 1)),
    ("major-version", "2^31", update([(PROPERTIES, MAX_INT32 + 1, 0, True)], 1)),
    ("major-version", "a STRING", enc([[[PROPERTIES, "0", 0, True]], 1])),
    ("major-version", "a BOOLEAN", enc([[[PROPERTIES, False, 0, True]], 1])),
    ("minor-version", "-1", update([(PROPERTIES, 0, -1, True)], 1)),
    ("minor-version", "2^31", update([(PROPERTIES, 0, MAX_INT32 + 1, True)], 1)),
    ("minor-version", "NULL", enc([[[PROPERTIES, 0, None, True]], 1])),
    ("active", "INTEGER 1", enc([[[PROPERTIES, 0, 0, 1]], 1])),
    ("active", "NULL", enc([[[PROPERTIES, 0, 0, None]], 1])),
    ("duplicate-client", "same client and major version twice",
     update([(MESSAGING, 0, 2, True), (MESSAGING, 0, 3, True)], 1)),
    ("duplicate-client", "same client and major version twice, not adjacent",
     update([(MESSAGING, 0, 3, True), (PROPERTIES, 0, 0, True), (MESSAGING, 0, 3, True)], 1)),
    ("update-version", "-1", update([], -1)),
    ("update-version", "a STRING", enc([[], "1"])),
    ("update-version", "NULL", enc([[], None])),
    ("update-version", "a FLOAT", enc([[], bdf_vectors.Float(0x3FF0000000000000)])),
]

HUNDRED = {"k%03d" % i: "v" for i in range(MAX_PROPERTIES)}
KEY_100 = "k" * MAX_PROPERTY_LENGTH
VALUE_100 = "v" * MAX_PROPERTY_LENGTH
TRANSPORT_100 = "org.thicket.test." + "t" * (MAX_TRANSPORT_ID - len("org.thicket.test."))
EMOJI = "\U0001F600"  # outside the BMP: 2 UTF-16 code units, 4 UTF-8 bytes

PROPERTIES_ACCEPT = [
    ("LAN addresses and port", props(LAN, 1, {"ipPorts": "192.168.1.2:40000,10.0.0.2:40000", "port": "40000"}),
     True),
    ("Tor onion address", props(TOR, 3, {"onion3": ONION}), True),
    ("Bluetooth address and UUID",
     props(BLUETOOTH, 2, {"address": "00:11:22:33:44:55", "uuid": "0123456789abcdef0123456789abcdef"}), True),
    ("no properties, version 0 (as from contact exchange)", props(LAN, 0, {}), True),
    ("empty value", props(LAN, 1, {"port": ""}), True),
    ("unknown transport", props("org.example.pigeon", 1, {"loft": "north"}), True),
    ("a reflected key is an ordinary key", props(BLUETOOTH, 4, {"u:address": "00:11:22:33:44:55"}), True),
    ("limit: 100 properties", props(LAN, 1, HUNDRED), True),
    ("limit: key and value of 100 characters", props(LAN, 1, {KEY_100: VALUE_100}), True),
    ("limit: value of 100 two-byte characters (200 UTF-8 bytes)", props(LAN, 1, {"k": "\u00e9" * 100}), True),
    ("limit: value of 50 characters outside the BMP (100 code units)", props(LAN, 1, {"k": EMOJI * 50}), True),
    ("limit: transport ID of 100 bytes", props(TRANSPORT_100, 1, {}), True),
    ("limit: version 2^63-1", props(LAN, MAX_INT64, {"port": "1"}), True),
    ("limit: timestamp exactly 24 hours ahead", props(LAN, 1, {}), True, NOW + MAX_CLOCK_DIFFERENCE),
]

PROPERTIES_REJECT = [
    ("timestamp", "24 hours and 1 ms ahead", props(LAN, 1, {}), NOW + MAX_CLOCK_DIFFERENCE + 1),
    ("body", "a DICTIONARY", enc({"port": "1"})),
    ("body", "list then a trailing byte", props(LAN, 1, {}) + b"\x80"),
    ("body", "list without END", props(LAN, 1, {})[:-1]),
    ("body", "dictionary keys out of order", enc([LAN, 1, Bad("70" "41017a410131" "410161410132" "80")])),
    ("body", "dictionary key repeated", enc([LAN, 1, Bad("70" "41016b410131" "41016b410132" "80")])),
    ("element-count", "two elements", enc([LAN, 1])),
    ("element-count", "four elements", enc([LAN, 1, {}, None])),
    ("element-count", "empty list", enc([])),
    ("transport-id", "empty", props("", 1, {})),
    ("transport-id", "101 bytes", props(TRANSPORT_100 + "t", 1, {})),
    ("transport-id", "a RAW", enc([Raw(LAN.encode()), 1, {}])),
    ("transport-id", "NULL", enc([None, 1, {}])),
    ("version", "-1", props(LAN, -1, {})),
    ("version", "a STRING", enc([LAN, "1", {}])),
    ("version", "NULL", enc([LAN, None, {}])),
    ("properties", "101 properties", props(LAN, 1, dict(HUNDRED, extra="v"))),
    ("properties", "a LIST instead of a DICTIONARY", enc([LAN, 1, []])),
    ("properties", "NULL", enc([LAN, 1, None])),
    ("property", "empty key", props(LAN, 1, {"": "v"})),
    ("property", "key of 101 characters", props(LAN, 1, {KEY_100 + "k": "v"})),
    ("property", "value of 101 characters", props(LAN, 1, {"k": VALUE_100 + "v"})),
    ("property", "value of 51 characters outside the BMP (102 code units)", props(LAN, 1, {"k": EMOJI * 51})),
    ("property", "value an INTEGER", props(LAN, 1, {"port": Int(40000)})),
    ("property", "value NULL", props(LAN, 1, {"port": None})),
    ("property", "value a RAW", props(LAN, 1, {"port": Raw(b"\x9c\x40")})),
]


def accept_vectors(kind, prefix, entries, validate, produce):
    out = []
    for entry in entries:
        name, body, we_produce = entry[:3]
        timestamp = entry[3] if len(entry) > 3 else TS
        expect, meta = validate(timestamp, NOW, body)
        if we_produce:
            assert produce(expect) == body, name
        out.append({"name": prefix + name, "kind": kind, "result": "accept", "timestamp": timestamp, "now": NOW,
                    "bodyHex": body.hex(), "weProduce": we_produce, "expect": expect, "metadataHex": meta.hex()})
    return out


def reject_vectors(kind, prefix, entries, validate):
    out = []
    for entry in entries:
        rule, name, body = entry[:3]
        timestamp = entry[3] if len(entry) > 3 else TS
        try:
            validate(timestamp, NOW, body)
            raise AssertionError("accepted: " + name)
        except Invalid as e:
            assert e.rule == rule, "%s: %s != %s" % (name, e.rule, rule)
        out.append({"name": prefix + rule + ": " + name, "kind": kind, "result": "reject", "rule": rule,
                    "timestamp": timestamp, "now": NOW, "bodyHex": body.hex()})
    return out


def main():
    author_a = fixed("thicket test author A")
    author_b = fixed("thicket test author B")
    contact = contact_group_descriptor(author_a, author_b)
    groups = [
        group_vector("versioning contact group", VERSIONING, 0, contact),
        group_vector("properties contact group", PROPERTIES, 0, contact),
        group_vector("properties local group (empty descriptor)", PROPERTIES, 0, b""),
    ]
    for g, authors in zip(groups, ([author_a, author_b], [author_a, author_b], None)):
        g["kind"] = "groupId"
        if authors:
            g["authorIdsHex"] = [a.hex() for a in authors]
    first_update = update([(PROPERTIES, 0, 0, False)], 1)
    assert len(first_update) == 50  # the example of versioning.md section 3
    lan_example = props(LAN, 1, {"port": "40000"})
    assert lan_example == bytes.fromhex("60" "411c" + LAN.encode().hex() + "2101" "70" "4104" + b"port".hex()
                                        + "4105" + b"40000".hex() + "80" "80")  # the example of properties.md
    messages = [
        message_vector("versioning: the first update in the versioning contact group",
                       bytes.fromhex(groups[0]["groupIdHex"]), TS, first_update),
        message_vector("properties: a LAN set in the properties contact group",
                       bytes.fromhex(groups[1]["groupIdHex"]), TS, lan_example),
    ]
    vectors = (accept_vectors("versioningUpdate", "versioning: ", VERSIONING_ACCEPT, validate_versioning,
                              produce_versioning)
               + reject_vectors("versioningUpdate", "versioning reject ", VERSIONING_REJECT, validate_versioning)
               + accept_vectors("propertiesUpdate", "properties: ", PROPERTIES_ACCEPT, validate_properties,
                                produce_properties)
               + reject_vectors("propertiesUpdate", "properties reject ", PROPERTIES_REJECT, validate_properties)
               + groups + messages)
    for v in vectors:
        assert len(bytes.fromhex(v.get("bodyHex", ""))) <= 32768, v["name"]
    assert len({v["name"] for v in vectors}) == len(vectors)
    bdf_vectors.write(os.path.join(VECTORS_DIR, "clients-bramble.json"), {
        "description": "Bodies of the bramble clients in every contact group: client versioning "
                       "org.briarproject.bramble.versioning 0 (specs/clients/versioning.md) and transport "
                       "properties org.briarproject.bramble.properties 0.0 (specs/clients/properties.md). kind "
                       "versioningUpdate / propertiesUpdate, result 'accept': validating (timestamp, body) with the "
                       "local clock at 'now' yields 'expect' and the metadata whose BDF encoding is metadataHex; if "
                       "weProduce, our writer makes exactly this body from 'expect'. result 'reject': validation "
                       "fails, and 'rule' names the first rule of the page's check order that the input breaks. "
                       "kind groupId: the client's contact group of the two authors (descriptor = BDF list of the "
                       "two IDs in unsigned order) or its local group; kind messageId: one whole message.",
        "source": "Computed from specs/clients/versioning.md and specs/clients/properties.md by "
                  "specs/vectors/gen/clients_bramble_vectors.py (BDF by bdf_vectors.py, IDs by bsp_vectors.py, "
                  "validators written there from the pages), independently of the Java code.",
        "vectors": vectors,
    })


if __name__ == "__main__":
    main()
