#!/usr/bin/env python3
"""Generates specs/vectors/bdf-encode.json and specs/vectors/bdf-reject.json from specs/bdf.md.

Written from the spec alone, independently of the Java code, using only the Python 3 standard library.
It contains its own BDF encoder and canonical decoder and cross-checks every vector before writing:
each encode vector must decode back to its value, and each reject vector must be rejected for exactly
the reason category it is filed under.

Usage: python3 specs/vectors/gen/bdf_vectors.py   (rewrites both files next to this directory)
"""

import json
import os
import struct

MAX_LENGTH = 65536
MAX_DEPTH = 5
CANONICAL_NAN = 0x7FF8000000000000

NULL, FALSE, TRUE = 0x00, 0x10, 0x11
INT_8, INT_16, INT_32, INT_64 = 0x21, 0x22, 0x24, 0x28
FLOAT_64 = 0x38
STRING_8, STRING_16, STRING_32 = 0x41, 0x42, 0x44
RAW_8, RAW_16, RAW_32 = 0x51, 0x52, 0x54
LIST, DICTIONARY, END = 0x60, 0x70, 0x80

# --- the JSON value representation (specs/bdf.md, "JSON representation") -------------------------


class Float:
    """A FLOAT_64 given by its IEEE 754 bits, so NaN, -0.0 and friends are exact."""

    def __init__(self, bits):
        self.bits = bits

    def __eq__(self, other):
        return isinstance(other, Float) and other.bits == self.bits


class Raw(bytes):
    """A RAW value (kept distinct from str, which is a STRING)."""


class Int(int):
    """An INTEGER (kept distinct from bool, which Python treats as an int)."""


def from_json(j):
    if j is None or isinstance(j, bool):
        return j
    (tag, body), = j.items()
    if tag == "int":
        return Int(int(body))
    if tag == "floatBits":
        return Float(int(body, 16))
    if tag == "string":
        return body if isinstance(body, str) else body["repeat"] * body["count"]
    if tag == "raw":
        return Raw(bytes.fromhex(body) if isinstance(body, str) else bytes.fromhex(body["repeatHex"]) * body["count"])
    if tag == "list":
        return [from_json(x) for x in body]
    if tag == "dict":
        return {k: from_json(v) for k, v in body.items()}
    raise ValueError(tag)


def parts_to_bytes(parts):
    out = b""
    for p in parts:
        out += bytes.fromhex(p) if isinstance(p, str) else bytes.fromhex(p["repeatHex"]) * p["count"]
    return out


# --- encoder ---------------------------------------------------------------------------------------


def key_order(key):
    # Dictionary keys sort by UTF-16 code units compared as unsigned 16-bit numbers (Java's
    # String.compareTo); big-endian UTF-16 bytes compare the same way.
    return key.encode("utf-16-be")


def int_code(v):
    for code, bits in ((INT_8, 8), (INT_16, 16), (INT_32, 32), (INT_64, 64)):
        if -(1 << (bits - 1)) <= v < (1 << (bits - 1)):
            return code, bits // 8
    raise ValueError(v)


def sized(base, data):
    code, width = int_code(len(data))
    return bytes([base | width]) + len(data).to_bytes(width, "big", signed=True) + data


def encode(v):
    if v is None:
        return bytes([NULL])
    if isinstance(v, bool):
        return bytes([TRUE if v else FALSE])
    if isinstance(v, int):
        code, width = int_code(v)
        return bytes([code]) + v.to_bytes(width, "big", signed=True)
    if isinstance(v, Float):
        return bytes([FLOAT_64]) + v.bits.to_bytes(8, "big")
    if isinstance(v, str):
        return sized(0x40, v.encode("utf-8"))
    if isinstance(v, Raw):
        return sized(0x50, bytes(v))
    if isinstance(v, list):
        return bytes([LIST]) + b"".join(encode(x) for x in v) + bytes([END])
    if isinstance(v, dict):
        body = b"".join(encode(k) + encode(v[k]) for k in sorted(v, key=key_order))
        return bytes([DICTIONARY]) + body + bytes([END])
    raise TypeError(type(v))


# --- canonical decoder -----------------------------------------------------------------------------


class Reject(Exception):
    def __init__(self, category):
        super().__init__(category)
        self.category = category


class Decoder:
    def __init__(self, data, max_length):
        self.data, self.pos, self.max_length = data, 0, max_length

    def take(self, n):
        if self.pos + n > len(self.data):
            raise Reject("truncated")
        out = self.data[self.pos:self.pos + n]
        self.pos += n
        return out

    def signed(self, n):
        return int.from_bytes(self.take(n), "big", signed=True)

    def value(self, enclosing):
        return self.value_of(self.take(1)[0], enclosing)

    def value_of(self, code, enclosing):
        if code == NULL:
            return None
        if code in (FALSE, TRUE):
            return code == TRUE
        if code in (INT_8, INT_16, INT_32, INT_64):
            width = code & 0x0F
            v = self.signed(width)
            if int_code(v)[1] != width:
                raise Reject("non-minimal-integer")
            return Int(v)
        if code == FLOAT_64:
            bits = int.from_bytes(self.take(8), "big")
            is_nan = (bits >> 52) & 0x7FF == 0x7FF and bits & ((1 << 52) - 1) != 0
            if is_nan and bits != CANONICAL_NAN:
                raise Reject("non-canonical-nan")
            return Float(bits)
        if code in (STRING_8, STRING_16, STRING_32):
            try:
                return self.sized(code).decode("utf-8")  # strict: rejects overlongs and surrogates
            except UnicodeDecodeError:
                raise Reject("invalid-utf8")
        if code in (RAW_8, RAW_16, RAW_32):
            return Raw(self.sized(code))
        if code in (LIST, DICTIONARY):
            if enclosing + 1 > MAX_DEPTH:
                raise Reject("too-deep")
            return self.list(enclosing + 1) if code == LIST else self.dict(enclosing + 1)
        if code == END:
            raise Reject("unexpected-end")
        raise Reject("unknown-type")

    def sized(self, code):
        width = code & 0x0F
        n = self.signed(width)
        if n < 0:
            raise Reject("negative-length")
        if int_code(n)[1] != width:
            raise Reject("non-minimal-length")
        if n > self.max_length:
            raise Reject("too-long")
        return self.take(n)

    def list(self, depth):
        out = []
        while True:
            code = self.take(1)[0]
            if code == END:
                return out
            out.append(self.value_of(code, depth))

    def dict(self, depth):
        out, previous = {}, None
        while True:
            code = self.take(1)[0]
            if code == END:
                return out
            if code not in (STRING_8, STRING_16, STRING_32):
                raise Reject("non-string-key")
            key = self.value_of(code, depth)
            if previous is not None and key_order(key) == key_order(previous):
                raise Reject("duplicate-key")
            if previous is not None and key_order(key) < key_order(previous):
                raise Reject("unsorted-keys")
            out[key] = self.value(depth)
            previous = key


def decode(data, max_length=MAX_LENGTH):
    d = Decoder(data, max_length)
    v = d.value(0)
    if d.pos != len(data):
        raise Reject("trailing-bytes")
    return v


# --- the vectors -----------------------------------------------------------------------------------


def i(n):
    return {"int": str(n)}


def f(bits):
    return {"floatBits": "%016x" % bits}


def s(text):
    return {"string": text}


def s_rep(ch, count):
    return {"string": {"repeat": ch, "count": count}}


def r(hexstr):
    return {"raw": hexstr}


def r_rep(hexbyte, count):
    return {"raw": {"repeatHex": hexbyte, "count": count}}


def lst(*items):
    return {"list": list(items)}


def dct(pairs):
    return {"dict": dict(pairs)}


def nested_lists(depth):
    v = lst()
    for _ in range(depth - 1):
        v = lst(v)
    return v


ENCODE = [
    ("null", None),
    ("false", False),
    ("true", True),
    ("int 0", i(0)),
    ("int 1", i(1)),
    ("int -1", i(-1)),
    ("int 127, largest INT_8", i(127)),
    ("int 128, smallest positive INT_16", i(128)),
    ("int -128, smallest INT_8", i(-128)),
    ("int -129, largest negative INT_16", i(-129)),
    ("int 32767, largest INT_16", i(32767)),
    ("int 32768, smallest positive INT_32", i(32768)),
    ("int -32768, smallest INT_16", i(-32768)),
    ("int -32769, largest negative INT_32", i(-32769)),
    ("int 2^31-1, largest INT_32", i(2**31 - 1)),
    ("int 2^31, smallest positive INT_64", i(2**31)),
    ("int -2^31, smallest INT_32", i(-2**31)),
    ("int -2^31-1, largest negative INT_64", i(-2**31 - 1)),
    ("int 2^63-1 (Long.MAX_VALUE)", i(2**63 - 1)),
    ("int -2^63 (Long.MIN_VALUE)", i(-2**63)),
    ("float 0.0", f(0x0000000000000000)),
    ("float -0.0", f(0x8000000000000000)),
    ("float 1.5", f(0x3FF8000000000000)),
    ("float -2.25", f(0xC002000000000000)),
    ("float NaN, the one canonical bit pattern", f(CANONICAL_NAN)),
    ("float +infinity", f(0x7FF0000000000000)),
    ("float -infinity", f(0xFFF0000000000000)),
    ("float smallest subnormal", f(0x0000000000000001)),
    ("string empty", s("")),
    ("string ASCII", s("hello")),
    ("string 2-, 3- and 4-byte UTF-8", s("\u00e9\u20ac\U0001F600")),
    ("string U+0000 is an ordinary character", s("\u0000")),
    ("string U+FFFF (a noncharacter, still valid UTF-8)", s("\uffff")),
    ("string 127 bytes, longest STRING_8", s_rep("a", 127)),
    ("string 128 bytes, shortest STRING_16", s_rep("a", 128)),
    ("string 128 bytes of 2-byte characters (64 characters)", s_rep("\u00e9", 64)),
    ("string 32767 bytes, longest STRING_16", s_rep("a", 32767)),
    ("string 32768 bytes, shortest STRING_32", s_rep("a", 32768)),
    ("raw empty", r("")),
    ("raw 3 bytes", r("00ff80")),
    ("raw 127 bytes, longest RAW_8", r_rep("00", 127)),
    ("raw 128 bytes, shortest RAW_16", r_rep("ff", 128)),
    ("raw 32767 bytes, longest RAW_16", r_rep("5a", 32767)),
    ("raw 32768 bytes, shortest RAW_32", r_rep("a5", 32768)),
    ("raw 65536 bytes, the default limit", r_rep("01", 65536)),
    ("list empty", lst()),
    ("list of one of each scalar type", lst(None, True, i(1), f(0x3FF8000000000000), s("a"), r("01"))),
    ("list with the integer width boundaries", lst(i(127), i(128), i(-129), i(2**31))),
    ("list nested 5 deep, the deepest allowed", nested_lists(5)),
    ("dict empty", dct([])),
    ("dict one entry", dct([("a", i(1))])),
    ("dict with a NULL value", dct([("k", None)])),
    ("dict keys sorted: empty key first, prefix before longer key, ASCII order",
     dct([("b", i(2)), ("ab", i(1)), ("a", i(0)), ("", True), ("B", False)])),
    ("dict keys sorted by UTF-16 code units: U+10000 (D800 DC00) sorts before U+FFFF",
     dct([("\uffff", i(1)), ("\U00010000", i(2))])),
    ("dict keys sorted: U+00E9 after U+007A", dct([("\u00e9", i(1)), ("z", i(2))])),
    ("dict containing a list and a dict", dct([("list", lst(i(1), i(2))), ("dict", dct([("x", None)]))])),
    ("list containing dicts, mixed nesting 5 deep",
     lst(dct([("a", lst(dct([("b", lst(s("deep")))])))]))),
    ("long string inside a list", lst(s_rep("b", 130))),
]

T = "truncated"

REJECT = [
    # non-minimal integers: each value fits the next smaller width
    ("non-minimal-integer", "0 as INT_16", "220000"),
    ("non-minimal-integer", "127 as INT_16", "22007f"),
    ("non-minimal-integer", "-128 as INT_16", "22ff80"),
    ("non-minimal-integer", "32767 as INT_32", "2400007fff"),
    ("non-minimal-integer", "-32768 as INT_32", "24ffff8000"),
    ("non-minimal-integer", "0 as INT_64", "280000000000000000"),
    ("non-minimal-integer", "2^31-1 as INT_64", "28000000007fffffff"),
    ("non-minimal-integer", "-2^31 as INT_64", "28ffffffff80000000"),
    ("non-minimal-integer", "inside a list", "6022000180"),
    # non-minimal length fields, with complete bodies so the length is the only fault
    ("non-minimal-length", "empty string as STRING_16", "420000"),
    ("non-minimal-length", "1-byte string as STRING_16", "42000161"),
    ("non-minimal-length", "127-byte length as STRING_16 (header only)", "42007f"),
    ("non-minimal-length", "1-byte string as STRING_32", "440000000161"),
    ("non-minimal-length", "128-byte length as STRING_32 (header only)", "4400000080"),
    ("non-minimal-length", "empty raw as RAW_16", "520000"),
    ("non-minimal-length", "1-byte raw as RAW_32", "5400000001ff"),
    ("non-minimal-length", "non-minimal key length in a dict", "704200016100" + "80"),
    # negative length fields
    ("negative-length", "STRING_8 length -1", "41ff"),
    ("negative-length", "STRING_16 length -1", "42ffff"),
    ("negative-length", "STRING_32 length -2^31", "4480000000"),
    ("negative-length", "RAW_8 length -128", "5180"),
    ("negative-length", "RAW_16 length -32768", "528000"),
    ("negative-length", "RAW_32 length -1", "54ffffffff"),
    # dictionary key order
    ("unsorted-keys", "b before a", "704101620041016100" + "80"),
    ("unsorted-keys", "longer key before its prefix", "70410261620041016100" + "80"),
    ("unsorted-keys", "U+FFFF before U+10000 (UTF-8 byte order, not UTF-16 order)",
     "7041" + "03efbfbf" + "2101" + "41" + "04f0908080" + "2102" + "80"),
    ("duplicate-key", "a twice", "704101610041016100" + "80"),
    ("duplicate-key", "empty key twice", "70410000410000" + "80"),
    ("non-string-key", "integer key", "70210100" + "80"),
    ("non-string-key", "NULL key", "700000" + "80"),
    ("non-string-key", "raw key", "7051016100" + "80"),
    ("non-string-key", "list key", "70608000" + "80"),
    # invalid UTF-8
    ("invalid-utf8", "overlong 2-byte NUL (C0 80)", "4102c080"),
    ("invalid-utf8", "overlong 2-byte '/' (C0 AF)", "4102c0af"),
    ("invalid-utf8", "overlong 3-byte NUL (E0 80 80)", "4103e08080"),
    ("invalid-utf8", "overlong 4-byte U+FFFF (F0 8F BF BF)", "4104f08fbfbf"),
    ("invalid-utf8", "lone high surrogate U+D800 encoded (ED A0 80)", "4103eda080"),
    ("invalid-utf8", "lone low surrogate U+DC00 encoded (ED B0 80)", "4103edb080"),
    ("invalid-utf8", "surrogate pair encoded as two 3-byte sequences (CESU-8)", "4106eda080edb080"),
    ("invalid-utf8", "truncated 2-byte sequence", "4101c3"),
    ("invalid-utf8", "truncated 3-byte sequence", "4102e282"),
    ("invalid-utf8", "truncated 4-byte sequence", "4103f09f98"),
    ("invalid-utf8", "lone continuation byte", "410180"),
    ("invalid-utf8", "byte FF", "4101ff"),
    ("invalid-utf8", "code point above U+10FFFF (F4 90 80 80)", "4104f4908080"),
    ("invalid-utf8", "invalid UTF-8 in a dictionary key", "704102c08000" + "80"),
    # nesting
    ("too-deep", "lists nested 6 deep", "60" * 6 + "80" * 6),
    ("too-deep", "dicts nested 6 deep", "70" + "410161" + "70" + "410161" + "70" + "410161" + "70"
     + "410161" + "70" + "410161" + "7080" + "80" * 5),
    ("too-deep", "list, dict, list, dict, list, list",
     "60" + "70410161" + "60" + "70410162" + "60" + "6080" + "80" + "80" + "80" + "80" + "80"),
    # strings and raws above a configured limit of 4 bytes (the default limit is 65536)
    ("too-long", "5-byte string, limit 4", "41056161616161", 4),
    ("too-long", "5-byte raw, limit 4", "51050102030405", 4),
    ("too-long", "RAW_32 claiming 2^31-1 bytes with no body, limit 4", "547fffffff", 4),
    ("too-long", "5-byte dictionary key, limit 4", "7041056161616161" + "00" + "80", 4),
    ("too-long", "RAW_32 claiming 2^31-1 bytes with a 1-byte body, default limit", "547fffffff00"),
    ("too-long", "STRING_32 claiming 65537 bytes, default limit (header only)", "4400010001"),
    # truncation
    (T, "empty input", ""),
    (T, "INT_8 without its byte", "21"),
    (T, "INT_16 with one byte", "2200"),
    (T, "INT_32 with three bytes", "24000080"),
    (T, "INT_64 with seven bytes", "2800000000800000"),
    (T, "FLOAT_64 with one byte", "3800"),
    (T, "STRING_16 length with one byte", "4200"),
    (T, "STRING_8 body short by one byte", "410261"),
    (T, "RAW_16 claiming 1000 bytes with a 2-byte body", "5203e80000"),
    (T, "RAW_32 claiming 40000 bytes with a 2-byte body", "5400009c400000"),
    (T, "list without END", "60"),
    (T, "list with an item but no END", "602101"),
    (T, "dict without END", "70"),
    (T, "dict with a key but no value", "70410161"),
    (T, "nested list without the outer END", "606080"),
    # a type code that is not in the table
    ("unknown-type", "0x01", "01"),
    ("unknown-type", "0x12", "12"),
    ("unknown-type", "0x20 (INT with width 0)", "20"),
    ("unknown-type", "0x23 (INT with width 3)", "23000000"),
    ("unknown-type", "0x34 (FLOAT_32 does not exist)", "3400000000"),
    ("unknown-type", "0x48 (STRING_64 does not exist)", "480000000000000000"),
    ("unknown-type", "0x58 (RAW_64 does not exist)", "580000000000000000"),
    ("unknown-type", "0x61", "61"),
    ("unknown-type", "0x71", "71"),
    ("unknown-type", "0x90", "90"),
    ("unknown-type", "0xff", "ff"),
    ("unknown-type", "inside a list", "60ff80"),
    # END where a value is required
    ("unexpected-end", "END at top level", "80"),
    ("unexpected-end", "END as a dictionary value", "7041016180" + "80"),
    # trailing bytes after one complete value
    ("trailing-bytes", "two NULLs", "0000"),
    ("trailing-bytes", "empty list then END", "608080"),
    ("trailing-bytes", "two integers", "21012102"),
    # FLOAT_64 NaNs other than 7ff8000000000000
    ("non-canonical-nan", "quiet NaN with payload", "387ff8000000000001"),
    ("non-canonical-nan", "negative quiet NaN", "38fff8000000000000"),
    ("non-canonical-nan", "signalling NaN", "387ff0000000000001"),
    ("non-canonical-nan", "all ones", "38ffffffffffffffff"),
]


def encoding_fields(value, data):
    """Strings and raws of 127 bytes or more as header hex plus a repeat rule; everything else as one hex string."""
    body = value.encode("utf-8") if isinstance(value, str) else value if isinstance(value, Raw) else b""
    if len(body) < 127:
        return {"encodingHex": data.hex()}
    unit = value[0].encode("utf-8") if isinstance(value, str) else body[:1]
    count = len(body) // len(unit)
    assert body == unit * count
    header = data[:len(data) - len(body)]
    return {"encodingHexParts": [header.hex(), {"repeatHex": unit.hex(), "count": count}]}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out_dir = os.path.dirname(here)
    encode_vectors = []
    for name, j in ENCODE:
        value = from_json(j)
        data = encode(value)
        fields = encoding_fields(value, data)
        expected = bytes.fromhex(fields["encodingHex"]) if "encodingHex" in fields else parts_to_bytes(
            fields["encodingHexParts"])
        assert expected == data, name
        assert encode(decode(data)) == data, name
        assert decode(data) == value, name
        encode_vectors.append({"name": name, "value": j, **fields})
    assert len({v["name"] for v in encode_vectors}) == len(encode_vectors)

    reject_vectors = []
    for entry in REJECT:
        category, name, hexstr = entry[:3]
        max_length = entry[3] if len(entry) > 3 else None
        try:
            decode(bytes.fromhex(hexstr), max_length or MAX_LENGTH)
            raise AssertionError("accepted: " + name)
        except Reject as e:
            assert e.category == category, "%s: %s != %s" % (name, e.category, category)
        vector = {"name": category + ": " + name, "category": category, "inputHex": hexstr}
        if max_length is not None:
            vector["maxLength"] = max_length
        reject_vectors.append(vector)
    assert len({v["name"] for v in reject_vectors}) == len(reject_vectors)

    write(os.path.join(out_dir, "bdf-encode.json"), {
        "description": "BDF encodings (specs/bdf.md): every type, every integer and length width boundary, "
                       "float special values, nesting and dictionary key order. Writers must produce "
                       "exactly these bytes; canonical readers must decode them to exactly these values.",
        "source": "Computed from specs/bdf.md by specs/vectors/gen/bdf_vectors.py (Python stdlib encoder, "
                  "cross-checked with its own canonical decoder), independently of the Java code.",
        "vectors": encode_vectors,
    })
    write(os.path.join(out_dir, "bdf-reject.json"), {
        "description": "Inputs a canonical BDF reader must reject (specs/bdf.md, 'Canonical reading'), each filed "
                       "under the rule it breaks. maxLength, when present, is the configured string/raw "
                       "limit in bytes; otherwise the default of 65536 applies.",
        "source": "Written by hand from specs/bdf.md in specs/vectors/gen/bdf_vectors.py; each input is "
                  "checked there to be rejected by an independent Python decoder for exactly its category.",
        "vectors": reject_vectors,
    })


def write(path, doc):
    """One vector per line, so diffs and reviews stay readable."""
    lines = ['{',
             ' "description": %s,' % json.dumps(doc["description"]),
             ' "source": %s,' % json.dumps(doc["source"]),
             ' "vectors": [']
    rows = [json.dumps(v, ensure_ascii=True) for v in doc["vectors"]]
    lines += ['  %s%s' % (row, "," if n < len(rows) - 1 else "") for n, row in enumerate(rows)]
    lines += [' ]', '}']
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
