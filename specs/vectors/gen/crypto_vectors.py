#!/usr/bin/env python3
"""Writes the crypto and account known-answer vectors in specs/vectors/.

Run from anywhere with plain Python 3 (standard library only):

    python3 specs/vectors/gen/crypto_vectors.py

The output is deterministic: running it again rewrites identical files.

Two kinds of values come out of this script:
- published values (RFC 7748, RFC 8032, RFC 7693, the NaCl secretbox example, the BLAKE2 KAT), typed in
  below as constants and checked here against the independent implementations in this file before they are
  written, so a typo in a constant stops the script;
- values for our own constructions (labelled hash, MAC, key derivation, shared secret, labelled signatures,
  AuthorId, the password-encrypted key blob), computed here with hashlib and the small curve and stream
  cipher implementations below, which share no code with the Java implementation under test.

The X25519, Ed25519, Salsa20 and Poly1305 code below is written from the mathematical definitions for this
purpose only: it is slow and not constant-time, fine for generating vectors, never for real secrets.
"""

import hashlib
import json
import os

VECTORS_DIR = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))


def u32(n):
    return n.to_bytes(4, "big")


def u64(n):
    return n.to_bytes(8, "big")


def h(b):
    return b.hex()


# ---------------------------------------------------------------------------------------------------------
# Our labelled encoding (specs/crypto.md): uint32 len(label) || label || (uint32 len(input) || input)*

def labelled(label, inputs):
    out = bytearray()
    for part in [label.encode("utf-8")] + list(inputs):
        out += u32(len(part)) + part
    return bytes(out)


def labelled_hash(label, inputs):
    return hashlib.blake2b(labelled(label, inputs), digest_size=32).digest()


def labelled_mac(label, key, inputs):
    return hashlib.blake2b(labelled(label, inputs), digest_size=32, key=key).digest()


def signed_bytes(label, message):
    return labelled(label, [message])


# ---------------------------------------------------------------------------------------------------------
# Field arithmetic modulo 2^255 - 19, shared by both curves

P = 2 ** 255 - 19


def inverse(x):
    return pow(x, P - 2, P)


def le_int(b):
    return int.from_bytes(b, "little")


def le_bytes(n, length=32):
    return n.to_bytes(length, "little")


# ---------------------------------------------------------------------------------------------------------
# X25519 on the Montgomery curve v^2 = u^3 + 486662 u^2 + u, x-only arithmetic in projective (X : Z)

A_MINUS_2_OVER_4 = 121665


def clamp_x25519(scalar):
    k = le_int(scalar)
    k &= ~7  # a multiple of the cofactor 8
    k &= (1 << 255) - 1
    k |= 1 << 254  # fixed top bit
    return k


def x_double(pt):
    x, z = pt
    sum_sq = (x + z) * (x + z) % P
    diff_sq = (x - z) * (x - z) % P
    four_xz = (sum_sq - diff_sq) % P
    return sum_sq * diff_sq % P, four_xz * (sum_sq + A_MINUS_2_OVER_4 * four_xz) % P


def x_add(p, q, u_diff):
    """x of p + q, given x of p - q (affine u_diff)."""
    (xp, zp), (xq, zq) = p, q
    cross_1 = (xp - zp) * (xq + zq) % P
    cross_2 = (xp + zp) * (xq - zq) % P
    return (cross_1 + cross_2) ** 2 % P, u_diff * (cross_1 - cross_2) ** 2 % P


def x25519(scalar, u_bytes):
    k = clamp_x25519(scalar)
    u = le_int(u_bytes) & ((1 << 255) - 1)  # the top bit of the encoding is ignored
    low, high = (1, 0), (u % P, 1)  # invariant: high = low + point
    for bit in reversed(range(255)):
        if (k >> bit) & 1:
            low, high = x_add(low, high, u), x_double(high)
        else:
            low, high = x_double(low), x_add(low, high, u)
    x, z = low
    return le_bytes(x * inverse(z) % P)  # z = 0 (point at infinity) gives 0, as X25519 requires


X25519_BASE = le_bytes(9)


# ---------------------------------------------------------------------------------------------------------
# Ed25519 on the twisted Edwards curve -x^2 + y^2 = 1 + d x^2 y^2, affine coordinates

D = -121665 * inverse(121666) % P
GROUP_ORDER = 2 ** 252 + 27742317777372353535851937790883648493
SQRT_MINUS_ONE = pow(2, (P - 1) // 4, P)


def edwards_add(p, q):
    (x1, y1), (x2, y2) = p, q
    t = D * x1 * x2 * y1 * y2 % P
    return ((x1 * y2 + x2 * y1) * inverse(1 + t) % P,
            (y1 * y2 + x1 * x2) * inverse(1 - t) % P)


def edwards_mul(n, pt):
    acc, addend = (0, 1), pt
    while n:
        if n & 1:
            acc = edwards_add(acc, addend)
        addend = edwards_add(addend, addend)
        n >>= 1
    return acc


def recover_x(y, sign):
    x_sq = (y * y - 1) * inverse(D * y * y + 1) % P
    x = pow(x_sq, (P + 3) // 8, P)
    if (x * x - x_sq) % P != 0:
        x = x * SQRT_MINUS_ONE % P
    if (x * x - x_sq) % P != 0:
        raise ValueError("not a point")
    if x == 0 and sign:
        raise ValueError("non-canonical zero x")
    return P - x if (x & 1) != sign else x


def encode_point(pt):
    x, y = pt
    return le_bytes(y | ((x & 1) << 255))


def decode_point(b):
    n = le_int(b)
    y = n & ((1 << 255) - 1)
    if y >= P:
        raise ValueError("non-canonical y")
    return recover_x(y, n >> 255), y


BASE_POINT = (recover_x(4 * inverse(5) % P, 0), 4 * inverse(5) % P)


def sha512_int(*parts):
    return le_int(hashlib.sha512(b"".join(parts)).digest())


def ed25519_expand(seed):
    digest = hashlib.sha512(seed).digest()
    a = le_int(digest[:32])
    a &= (1 << 254) - 8
    a |= 1 << 254
    return a, digest[32:]


def ed25519_public(seed):
    a, _ = ed25519_expand(seed)
    return encode_point(edwards_mul(a, BASE_POINT))


def ed25519_sign(seed, message):
    a, prefix = ed25519_expand(seed)
    public = encode_point(edwards_mul(a, BASE_POINT))
    r = sha512_int(prefix, message) % GROUP_ORDER
    big_r = encode_point(edwards_mul(r, BASE_POINT))
    k = sha512_int(big_r, public, message) % GROUP_ORDER
    return big_r + le_bytes((r + k * a) % GROUP_ORDER)


def ed25519_verify(public, message, signature):
    s = le_int(signature[32:])
    if s >= GROUP_ORDER:
        return False
    k = sha512_int(signature[:32], public, message) % GROUP_ORDER
    lhs = edwards_mul(s, BASE_POINT)
    rhs = edwards_add(decode_point(signature[:32]), edwards_mul(k, decode_point(public)))
    return lhs == rhs


# ---------------------------------------------------------------------------------------------------------
# Salsa20 / HSalsa20 / XSalsa20, Poly1305 and NaCl secretbox (tag first)

SIGMA = [le_int(b"expa"), le_int(b"nd 3"), le_int(b"2-by"), le_int(b"te k")]
MASK32 = 0xFFFFFFFF


def rotl32(v, c):
    return ((v << c) | (v >> (32 - c))) & MASK32


def quarter(s, a, b, c, d):
    s[b] ^= rotl32((s[a] + s[d]) & MASK32, 7)
    s[c] ^= rotl32((s[b] + s[a]) & MASK32, 9)
    s[d] ^= rotl32((s[c] + s[b]) & MASK32, 13)
    s[a] ^= rotl32((s[d] + s[c]) & MASK32, 18)


COLUMNS = [(0, 4, 8, 12), (5, 9, 13, 1), (10, 14, 2, 6), (15, 3, 7, 11)]
ROWS = [(0, 1, 2, 3), (5, 6, 7, 4), (10, 11, 8, 9), (15, 12, 13, 14)]


def salsa20_rounds(state):
    s = list(state)
    for _ in range(10):
        for group in COLUMNS + ROWS:
            quarter(s, *group)
    return s


def words(b):
    return [le_int(b[i:i + 4]) for i in range(0, len(b), 4)]


def initial_state(key, sixteen):
    k, n = words(key), words(sixteen)
    return [SIGMA[0], k[0], k[1], k[2], k[3], SIGMA[1], n[0], n[1],
            n[2], n[3], SIGMA[2], k[4], k[5], k[6], k[7], SIGMA[3]]


def hsalsa20(key, sixteen):
    s = salsa20_rounds(initial_state(key, sixteen))
    return b"".join(le_bytes(s[i], 4) for i in (0, 5, 10, 15, 6, 7, 8, 9))


def salsa20_stream(key, nonce8, length):
    out = bytearray()
    counter = 0
    while len(out) < length:
        state = initial_state(key, nonce8 + le_bytes(counter, 8))
        mixed = salsa20_rounds(state)
        out += b"".join(le_bytes((m + s) & MASK32, 4) for m, s in zip(mixed, state))
        counter += 1
    return bytes(out[:length])


def xsalsa20_stream(key, nonce24, length):
    return salsa20_stream(hsalsa20(key, nonce24[:16]), nonce24[16:], length)


def poly1305(key, message):
    r = le_int(key[:16]) & 0x0FFFFFFC0FFFFFFC0FFFFFFC0FFFFFFF
    s = le_int(key[16:])
    modulus = 2 ** 130 - 5
    acc = 0
    for i in range(0, len(message), 16):
        acc = (acc + le_int(message[i:i + 16] + b"\x01")) * r % modulus
    return le_bytes((acc + s) % 2 ** 128, 16)


def xor(a, b):
    return bytes(x ^ y for x, y in zip(a, b))


def secretbox(key, nonce, plaintext):
    stream = xsalsa20_stream(key, nonce, 32 + len(plaintext))
    ciphertext = xor(plaintext, stream[32:])
    return poly1305(stream[:32], ciphertext) + ciphertext


def secretbox_open(key, nonce, box):
    stream = xsalsa20_stream(key, nonce, 32 + len(box) - 16)
    if poly1305(stream[:32], box[16:]) != box[:16]:
        return None
    return xor(box[16:], stream[32:])


# ---------------------------------------------------------------------------------------------------------
# Published constants, checked against the code above

RFC7748_5_2 = [
    ("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
     "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c",
     "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552"),
    ("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
     "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493",
     "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957"),
]
RFC7748_ALICE_PRIVATE = bytes.fromhex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a")
RFC7748_ALICE_PUBLIC = bytes.fromhex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a")
RFC7748_BOB_PRIVATE = bytes.fromhex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb")
RFC7748_BOB_PUBLIC = bytes.fromhex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f")
RFC7748_SHARED = bytes.fromhex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742")

RFC8032_7_1 = [
    ("TEST 1",
     "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
     "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
     "",
     "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46b"
     "d25bf5f0595bbe24655141438e7a100b"),
    ("TEST 2",
     "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
     "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
     "72",
     "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c"
     "387b2eaeb4302aeeb00d291612bb0c00"),
    ("TEST 3",
     "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
     "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
     "af82",
     "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc659"
     "4a7c15e9716ed28dc027beceea1ec40a"),
]

NACL_FIRSTKEY = bytes.fromhex("1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389")
NACL_NONCE = bytes.fromhex("69696ee955b62b73cd62bda875fc73d68219e0036b7a0b37")
NACL_MESSAGE = bytes.fromhex(
    "be075fc53c81f2d5cf141316ebeb0c7b5228c52a4c62cbd44b66849b64244ffce5ecbaaf33bd751a1ac728d45e6c6129"
    "6cdc3c01233561f41db66cce314adb310e3be8250c46f06dceea3a7fa1348057e2f6556ad6b1318a024a838f21af1fde"
    "048977eb48f59ffd4924ca1c60902e52f0a089bc76897040e082f937763848645e0705")
# crypto_secretbox output after NaCl's 16 leading zero bytes: the 16-byte authenticator, then the ciphertext.
NACL_BOX = bytes.fromhex(
    "f3ffc7703f9400e52a7dfb4b3d3305d98e993b9f48681273c29650ba32fc76ce48332ea7164d96a4476fb8c531a1186a"
    "c0dfc17c98dce87b4da7f011ec48c97271d2c20f9b928fe2270d6fb863d51738b48eeee314a7cc8ab932164548e526ae"
    "90224368517acfeabd6bb3732bc0e9da99832b61ca01b6de56244a9e88d5f9b37973f622a43d14a6599b1f654cb45a74"
    "e355a5")

RFC7693_ABC_512 = bytes.fromhex(
    "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc95"
    "18d38aa8dbf1925ab92386edd4009923")
BLAKE2B_KAT_KEY = bytes(range(64))
BLAKE2B_KAT_KEYED = [
    "10ebb67700b1868efb4417987acf4690ae9d972fb7a590c2f02871799aaa4786b5e996e8f0f4eb981fc214b005f42d2f"
    "f4233499391653df7aefcbc13fc51568",
    "961f6dd1e4dd30f63901690c512e78e4b45e4742ed197c3c5e45c549fd25f2e4187b0bc9fe30492b16b0d0bc4ef9b0f3"
    "4c7003fac09a5ef1532e69430234cebd",
    "da2cfbe2d8409a0f38026113884f84b50156371ae304c4430173d08a99d9fb1b983164a3770706d537f49e0c916d9f32"
    "b95cc37a95b99d857436f0232c88a965",
    "33d0825dddf7ada99b0e7e307104ad07ca9cfd9692214f1561356315e784f3e5a17e364ae9dbb14cb2036df932b77f4b"
    "292761365fb328de7afdc6d8998f5fc1",
]

# u-coordinates of points of small order (and non-canonical encodings of them): X25519 with any clamped
# scalar maps them to 0, so deriveSharedSecret must reject them.
SMALL_ORDER_POINTS = [
    ("u = 0 (order 2)", le_bytes(0)),
    ("u = 1 (order 4)", le_bytes(1)),
    ("order 8 point, first", le_bytes(325606250916557431795983626356110631294008115727848805560023387167927233504)),
    ("order 8 point, second", le_bytes(39382357235489614581723060781553021112529911719440698176882885853963445705823)),
    ("u = p - 1", le_bytes(P - 1)),
    ("u = p (non-canonical 0)", le_bytes(P)),
    ("u = p + 1 (non-canonical 1)", le_bytes(P + 1)),
]


def check_published_values():
    for scalar, u, out in RFC7748_5_2:
        assert x25519(bytes.fromhex(scalar), bytes.fromhex(u)).hex() == out
    assert x25519(RFC7748_ALICE_PRIVATE, X25519_BASE) == RFC7748_ALICE_PUBLIC
    assert x25519(RFC7748_BOB_PRIVATE, X25519_BASE) == RFC7748_BOB_PUBLIC
    assert x25519(RFC7748_ALICE_PRIVATE, RFC7748_BOB_PUBLIC) == RFC7748_SHARED
    assert x25519(RFC7748_BOB_PRIVATE, RFC7748_ALICE_PUBLIC) == RFC7748_SHARED
    for _, u in SMALL_ORDER_POINTS:
        assert x25519(RFC7748_ALICE_PRIVATE, u) == bytes(32)
        assert x25519(RFC7748_BOB_PRIVATE, u) == bytes(32)
    for _, seed, public, message, signature in RFC8032_7_1:
        seed, public, message = bytes.fromhex(seed), bytes.fromhex(public), bytes.fromhex(message)
        assert ed25519_public(seed) == public
        assert ed25519_sign(seed, message).hex() == signature
        assert ed25519_verify(public, message, bytes.fromhex(signature))
    assert len(NACL_MESSAGE) == 131 and len(NACL_BOX) == 147
    # NaCl's own example derives firstkey from the RFC 7748 Alice/Bob secret with HSalsa20.
    assert hsalsa20(RFC7748_SHARED, bytes(16)) == NACL_FIRSTKEY
    assert secretbox(NACL_FIRSTKEY, NACL_NONCE, NACL_MESSAGE) == NACL_BOX
    assert hashlib.blake2b(b"abc").digest() == RFC7693_ABC_512
    for length, expected in enumerate(BLAKE2B_KAT_KEYED):
        assert hashlib.blake2b(bytes(range(length)), key=BLAKE2B_KAT_KEY).hexdigest() == expected


# ---------------------------------------------------------------------------------------------------------
# Vector files

def write(name, description, source, vectors):
    path = os.path.join(VECTORS_DIR, name + ".json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"description": description, "source": source, "vectors": vectors}, f,
                  indent=2, ensure_ascii=False)
        f.write("\n")


def x25519_file():
    vectors = [{"name": "RFC 7748 section 6.1 Alice and Bob",
                "alicePrivateHex": h(RFC7748_ALICE_PRIVATE), "alicePublicHex": h(RFC7748_ALICE_PUBLIC),
                "bobPrivateHex": h(RFC7748_BOB_PRIVATE), "bobPublicHex": h(RFC7748_BOB_PUBLIC),
                "sharedSecretHex": h(RFC7748_SHARED)}]
    for i, (scalar, u, out) in enumerate(RFC7748_5_2, 1):
        vectors.append({"name": "RFC 7748 section 5.2 vector %d (unclamped scalar, raw u)" % i,
                        "scalarHex": scalar, "uHex": u, "outputHex": out})
    for label, u in SMALL_ORDER_POINTS:
        vectors.append({"name": "all-zero output, must be rejected: " + label,
                        "privateHex": h(RFC7748_ALICE_PRIVATE), "theirPublicHex": h(u),
                        "outputHex": h(bytes(32)), "rejected": True})
    write("crypto-x25519",
          "X25519 (RFC 7748): scalar multiplication and key agreement. Vectors with \"rejected\": true are "
          "low-order public keys whose raw X25519 output is all zeros; deriveSharedSecret must refuse them.",
          "RFC 7748 sections 5.2 and 6.1 (published values); the small-order u-coordinates are the well-known "
          "points of order 2, 4 and 8 and their non-canonical encodings, checked to give a zero output by "
          "specs/vectors/gen/crypto_vectors.py.",
          vectors)


SIGN_LABEL = "org.thicket.test/SIGNATURE"


def ed25519_file():
    vectors = []
    for name, seed, public, message, signature in RFC8032_7_1:
        vectors.append({"name": "RFC 8032 section 7.1 " + name, "kind": "raw", "seedHex": seed,
                        "publicKeyHex": public, "messageHex": message, "signatureHex": signature})
    for name, seed, public, message, _ in RFC8032_7_1:
        seed_b, message_b = bytes.fromhex(seed), bytes.fromhex(message)
        signed = signed_bytes(SIGN_LABEL, message_b)
        vectors.append({"name": "labelled sign with the keys and message of RFC 8032 " + name,
                        "kind": "labelled", "label": SIGN_LABEL, "seedHex": seed, "publicKeyHex": public,
                        "messageHex": message, "signedBytesHex": h(signed),
                        "signatureHex": h(ed25519_sign(seed_b, signed))})
    write("crypto-ed25519",
          "Ed25519 (RFC 8032, pure, no pre-hash). \"raw\" vectors sign the message itself and test the "
          "primitive; \"labelled\" vectors are CryptoComponent.sign: Ed25519 over signedBytes = "
          "uint32 len(label) || label || uint32 len(message) || message.",
          "raw: RFC 8032 section 7.1 TEST 1-3 (published values); labelled: computed by "
          "specs/vectors/gen/crypto_vectors.py (its own Ed25519, checked against the RFC values).",
          vectors)


def secretbox_file():
    tampered = bytearray(NACL_BOX)
    tampered[0] ^= 0x01
    assert secretbox_open(NACL_FIRSTKEY, NACL_NONCE, bytes(tampered)) is None
    flipped = bytearray(NACL_BOX)
    flipped[100] ^= 0x80
    assert secretbox_open(NACL_FIRSTKEY, NACL_NONCE, bytes(flipped)) is None
    empty_box = secretbox(NACL_FIRSTKEY, NACL_NONCE, b"")
    write("crypto-secretbox",
          "XSalsa20-Poly1305 as NaCl crypto_secretbox, in our layout: boxHex = 16-byte Poly1305 tag || "
          "ciphertext (NaCl's 32 leading zero bytes of the plaintext and 16 of the output are not part of "
          "the format). Vectors with \"rejected\": true must fail to decrypt and write no plaintext.",
          "The crypto_secretbox example from \"Cryptography in NaCl\" (D. J. Bernstein), which is also NaCl's "
          "tests/secretbox.c (published values; firstkey = HSalsa20 of the RFC 7748 section 6.1 shared "
          "secret). The empty-message and tampered cases are computed by "
          "specs/vectors/gen/crypto_vectors.py.",
          [{"name": "NaCl secretbox example, 131-byte message", "keyHex": h(NACL_FIRSTKEY),
            "nonceHex": h(NACL_NONCE), "plaintextHex": h(NACL_MESSAGE), "boxHex": h(NACL_BOX)},
           {"name": "empty message: the box is the tag alone", "keyHex": h(NACL_FIRSTKEY),
            "nonceHex": h(NACL_NONCE), "plaintextHex": "", "boxHex": h(empty_box)},
           {"name": "NaCl example with the first tag bit flipped", "keyHex": h(NACL_FIRSTKEY),
            "nonceHex": h(NACL_NONCE), "boxHex": h(bytes(tampered)), "rejected": True},
           {"name": "NaCl example with a ciphertext bit flipped", "keyHex": h(NACL_FIRSTKEY),
            "nonceHex": h(NACL_NONCE), "boxHex": h(bytes(flipped)), "rejected": True}])


def blake2b_file():
    vectors = [{"name": "RFC 7693 Appendix A: BLAKE2b-512(\"abc\")", "digestBytes": 64, "keyHex": "",
                "inputHex": h(b"abc"), "outputHex": h(RFC7693_ABC_512)}]
    for length, expected in enumerate(BLAKE2B_KAT_KEYED):
        vectors.append({"name": "BLAKE2 KAT blake2b-kat.txt keyed, input length %d" % length,
                        "digestBytes": 64, "keyHex": h(BLAKE2B_KAT_KEY), "inputHex": h(bytes(range(length))),
                        "outputHex": expected})
    key32 = bytes(range(32))
    for data in [b"", b"abc", bytes(range(200))]:
        vectors.append({"name": "BLAKE2b-256 keyed with 000102..1f, %d-byte input" % len(data),
                        "digestBytes": 32, "keyHex": h(key32), "inputHex": h(data),
                        "outputHex": hashlib.blake2b(data, digest_size=32, key=key32).hexdigest()})
    vectors.append({"name": "BLAKE2b-256 unkeyed of \"abc\"", "digestBytes": 32, "keyHex": "",
                    "inputHex": h(b"abc"), "outputHex": hashlib.blake2b(b"abc", digest_size=32).hexdigest()})
    write("crypto-blake2b",
          "BLAKE2b (RFC 7693) with and without a key, at 64- and 32-byte digest sizes. An empty keyHex means "
          "unkeyed.",
          "RFC 7693 Appendix A and the official BLAKE2 known-answer file blake2b-kat.txt (published values); "
          "the 32-byte digests are Python's hashlib.blake2b(digest_size=32, key=...) as run by "
          "specs/vectors/gen/crypto_vectors.py.",
          vectors)


AUTHOR_ID_LABEL = "org.briarproject.bramble/AUTHOR_ID"
STATIC_MASTER_KEY_LABEL = "org.briarproject.bramble.transport/STATIC_MASTER_KEY"
ROTATE_LABEL = "org.briarproject.bramble.transport/ROTATE"


def hash_vector(name, label, inputs):
    return {"name": name, "function": "hash", "label": label, "inputsHex": [h(i) for i in inputs],
            "encodingHex": h(labelled(label, inputs)), "outputHex": h(labelled_hash(label, inputs))}


def mac_vector(name, function, label, key, inputs):
    return {"name": name, "function": function, "label": label, "keyHex": h(key),
            "inputsHex": [h(i) for i in inputs], "encodingHex": h(labelled(label, inputs)),
            "outputHex": h(labelled_mac(label, key, inputs))}


def shared_secret_vector(name, label, our_private, our_public, their_public, inputs):
    raw = x25519(our_private, their_public)
    assert raw != bytes(32)
    return {"name": name, "function": "deriveSharedSecret", "label": label,
            "ourPrivateHex": h(our_private), "ourPublicHex": h(our_public), "theirPublicHex": h(their_public),
            "inputsHex": [h(i) for i in inputs], "rawSharedSecretHex": h(raw),
            "encodingHex": h(labelled(label, [raw] + inputs)), "outputHex": h(labelled_hash(label, [raw] + inputs))}


def sign_vector(name, label, seed, message):
    signed = signed_bytes(label, message)
    signature = ed25519_sign(seed, signed)
    public = ed25519_public(seed)
    assert ed25519_verify(public, signed, signature)
    return {"name": name, "function": "sign", "label": label, "seedHex": h(seed), "publicKeyHex": h(public),
            "messageHex": h(message), "signedBytesHex": h(signed), "signatureHex": h(signature)}


def author_id_vector(name, author_name, public_key):
    inputs = [u32(1), author_name.encode("utf-8"), public_key]
    vector = hash_vector(name, AUTHOR_ID_LABEL, inputs)
    vector.update({"function": "authorId", "formatVersion": 1, "authorName": author_name,
                   "publicKeyHex": h(public_key)})
    return vector


def labelled_file():
    mac_key = hashlib.blake2b(b"thicket test mac key", digest_size=32).digest()
    seed = hashlib.blake2b(b"thicket test signature seed", digest_size=32).digest()
    rfc_test_1_public = bytes.fromhex(RFC8032_7_1[0][2])
    vectors = [
        hash_vector("hash, no inputs", "org.thicket.test/HASH", []),
        hash_vector("hash, one input", "org.thicket.test/HASH", [b"abc"]),
        hash_vector("hash, three inputs, the middle one empty", "org.thicket.test/HASH",
                    [bytes.fromhex("00010203"), b"", bytes([0xFF]) * 40]),
        hash_vector("hash, non-ASCII label (length counts UTF-8 bytes)", "org.thicket.test/ünïcödé", [b"x"]),
        mac_vector("mac, two inputs", "mac", "org.thicket.test/MAC", mac_key, [b"hello", bytes(range(70))]),
        mac_vector("mac, no inputs", "mac", "org.thicket.test/MAC", mac_key, []),
        mac_vector("deriveKey: rotate a transport key to period 20000", "deriveKey", ROTATE_LABEL, mac_key,
                   [u64(20000)]),
        shared_secret_vector("deriveSharedSecret, Alice's side (static master key of RFC 7748 keys)",
                             STATIC_MASTER_KEY_LABEL, RFC7748_ALICE_PRIVATE, RFC7748_ALICE_PUBLIC,
                             RFC7748_BOB_PUBLIC, [RFC7748_ALICE_PUBLIC, RFC7748_BOB_PUBLIC]),
        shared_secret_vector("deriveSharedSecret, Bob's side (static master key of RFC 7748 keys)",
                             STATIC_MASTER_KEY_LABEL, RFC7748_BOB_PRIVATE, RFC7748_BOB_PUBLIC,
                             RFC7748_ALICE_PUBLIC, [RFC7748_ALICE_PUBLIC, RFC7748_BOB_PUBLIC]),
        shared_secret_vector("deriveSharedSecret, no extra inputs", "org.thicket.test/SHARED_SECRET",
                             RFC7748_ALICE_PRIVATE, RFC7748_ALICE_PUBLIC, RFC7748_BOB_PUBLIC, []),
        sign_vector("sign, empty message", SIGN_LABEL, seed, b""),
        sign_vector("sign, 300-byte message, non-ASCII label", "org.thicket.test/sïgnätürë", seed,
                    bytes(i % 251 for i in range(300))),
        author_id_vector("AuthorId of \"Alice\" with the RFC 8032 TEST 1 public key", "Alice", rfc_test_1_public),
        author_id_vector("AuthorId of a non-ASCII name", "Zoë 🌱", ed25519_public(seed)),
    ]
    # Both sides of a key agreement must reach the same value.
    assert vectors[7]["outputHex"] == vectors[8]["outputHex"]
    write("crypto-labelled",
          "Our labelled constructions (specs/crypto.md). encodingHex is the exact byte string that is hashed, "
          "MACed or (signedBytesHex) signed: uint32 big-endian len(label) || UTF-8 label || "
          "(uint32 len(input) || input)*. hash = BLAKE2b-256(encoding); mac and deriveKey = BLAKE2b-256 keyed "
          "with the 32-byte key; deriveSharedSecret = hash(label, X25519(ours, theirs), inputs...); sign = "
          "Ed25519(seed, uint32 len(label) || label || uint32 len(message) || message); authorId = "
          "hash(\"org.briarproject.bramble/AUTHOR_ID\", uint32 formatVersion, UTF-8 name, public key).",
          "Computed independently of the Java code by specs/vectors/gen/crypto_vectors.py (hashlib.blake2b and "
          "its own X25519 and Ed25519, both checked against RFC 7748 and RFC 8032).",
          vectors)


SCRYPT_R, SCRYPT_P = 8, 1


def password_blob(password, salt, n, nonce, plaintext):
    key = hashlib.scrypt(password, salt=salt, n=n, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    return bytes([0]) + salt + u32(n) + nonce + secretbox(key, nonce, plaintext), key


def account_file():
    password_text = "correct hörse battery staple"
    password = password_text.encode("utf-8")
    salt = hashlib.blake2b(b"thicket test scrypt salt", digest_size=32).digest()
    nonce = hashlib.blake2b(b"thicket test password nonce", digest_size=24).digest()
    db_key = hashlib.blake2b(b"thicket test database key", digest_size=32).digest()
    n = 1024
    blob, scrypt_key = password_blob(password, salt, n, nonce, db_key)
    assert len(blob) == 1 + 32 + 4 + 24 + 16 + 32

    def altered(offset, value):
        b = bytearray(blob)
        b[offset:offset + len(value)] = value
        return bytes(b)

    good = {"name": "valid blob: 32-byte key under a password, N = 1024", "passwordText": password_text,
            "passwordHex": h(password), "saltHex": h(salt), "n": n, "nonceHex": h(nonce),
            "scryptKeyHex": h(scrypt_key), "plaintextHex": h(db_key), "blobHex": h(blob)}

    def rejected(name, data, error, pw=password):
        return {"name": name, "passwordHex": h(pw), "blobHex": h(data), "error": error}

    flipped_tag = altered(61, bytes([blob[61] ^ 0x01]))
    vectors = [
        good,
        rejected("wrong password", blob, "DecryptionException", b"correct horse battery staple"),
        rejected("tag altered", flipped_tag, "DecryptionException"),
        rejected("last byte removed", blob[:-1], "DecryptionException"),
        rejected("truncated to 76 bytes (one short of header plus tag)", blob[:76], "FormatException"),
        rejected("empty blob", b"", "FormatException"),
        rejected("format version 1", altered(0, b"\x01"), "FormatException"),
        rejected("format version 2", altered(0, b"\x02"), "FormatException"),
        rejected("N = 0", altered(33, u32(0)), "FormatException"),
        rejected("N = 1", altered(33, u32(1)), "FormatException"),
        rejected("N = 3", altered(33, u32(3)), "FormatException"),
        rejected("N = 2^21", altered(33, u32(2 ** 21)), "FormatException"),
        rejected("N = 2^32 - 1", altered(33, u32(2 ** 32 - 1)), "FormatException"),
        rejected("N = 512 (valid power of two, wrong key)", altered(33, u32(512)), "DecryptionException"),
    ]
    write("account-password",
          "The password-encrypted database-key blob of specs/account.md: version 0 || 32-byte salt || "
          "uint32 N || 24-byte nonce || secretbox(scrypt(password, salt, N, r = 8, p = 1, 32), nonce, "
          "plaintext) with the tag first. The first vector must decrypt to plaintextHex and must be "
          "reproduced byte for byte from the same salt, N and nonce; the others must fail with the named "
          "exception.",
          "Computed independently of the Java code by specs/vectors/gen/crypto_vectors.py (hashlib.scrypt and "
          "its own XSalsa20-Poly1305, checked against the NaCl secretbox example).",
          vectors)


def main():
    check_published_values()
    x25519_file()
    ed25519_file()
    secretbox_file()
    blake2b_file()
    labelled_file()
    account_file()


if __name__ == "__main__":
    main()
