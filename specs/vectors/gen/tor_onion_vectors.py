#!/usr/bin/env python3
"""Generates specs/vectors/tor-onion.json: rendezvous onion keys and addresses (specs/transports/tor.md).

The expected addresses come from tor itself, not from our code: for each 32-byte Ed25519 seed the script builds the
ADD_ONION key (SHA-512 of the seed, scalar half clamped, base64) with the Python 3 standard library, starts a tor with
the network disabled, publishes the key with ADD_ONION over the control port (cookie authentication) and records the
address tor answers. Nothing leaves the machine: the tor never enables its network.

Usage: python3 specs/vectors/gen/tor_onion_vectors.py [path to tor]   (needs tor >= 0.4.8)
"""

import base64
import hashlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

SEEDS = [
    ("all zero", bytes(32)),
    ("bytes 0 to 31", bytes(range(32))),
    ("all 0xff", b"\xff" * 32),
    ("rendezvous test, Alice (i * 7 + 1 for i in 0..31)", bytes((i * 7 + 1) & 0xFF for i in range(32))),
    ("rendezvous test, Bob (i * 7 + 1 for i in 32..63)", bytes((i * 7 + 1) & 0xFF for i in range(32, 64))),
]


def expanded_key(seed):
    h = bytearray(hashlib.sha512(seed).digest())
    h[0] &= 248
    h[31] &= 127
    h[31] |= 64
    return "ED25519-V3:" + base64.b64encode(bytes(h)).decode()


def command(sock, line):
    sock.sendall(line.encode() + b"\r\n")
    reply = b""
    while not (reply.endswith(b"\r\n") and reply.split(b"\r\n")[-2][3:4] == b" "):
        chunk = sock.recv(4096)
        if not chunk:
            raise RuntimeError("tor closed the control connection")
        reply += chunk
    lines = reply.decode().split("\r\n")[:-1]
    if not lines[-1].startswith("250"):
        raise RuntimeError("tor refused %r: %s" % (line.split(" ")[0], lines[-1]))
    return lines


def main():
    tor = sys.argv[1] if len(sys.argv) > 1 else "tor"
    with tempfile.TemporaryDirectory() as d:
        empty = os.path.join(d, "empty")
        open(empty, "w").close()
        port_file = os.path.join(d, "control-port")
        with open(os.path.join(d, "torrc"), "w") as f:
            f.write("DataDirectory %s/data\nDisableNetwork 1\nSocksPort 0\nControlPort 127.0.0.1:auto\n"
                    "ControlPortWriteToFile %s\nCookieAuthentication 1\nGeoIPFile %s\nGeoIPv6File %s\n"
                    % (d, port_file, empty, empty))
        proc = subprocess.Popen([tor, "--defaults-torrc", empty, "-f", os.path.join(d, "torrc"),
                                 "__OwningControllerProcess", str(os.getpid())],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            cookie_path = os.path.join(d, "data", "control_auth_cookie")
            for _ in range(200):
                if os.path.exists(port_file) and os.path.exists(cookie_path) and os.path.getsize(cookie_path) >= 32:
                    break
                time.sleep(0.05)
            port = int(open(port_file).read().strip().rsplit(":", 1)[1])
            cookie = open(cookie_path, "rb").read()
            sock = socket.create_connection(("127.0.0.1", port), timeout=10)
            command(sock, "AUTHENTICATE " + cookie.hex())
            version = command(sock, "GETINFO version")[0].split("=", 1)[1].split(" ")[0]
            vectors = []
            for name, seed in SEEDS:
                key = expanded_key(seed)
                reply = command(sock, "ADD_ONION %s Flags=DiscardPK Port=80,127.0.0.1:9" % key)
                address = [l for l in reply if l.startswith("250-ServiceID=")][0].split("=", 1)[1]
                command(sock, "DEL_ONION " + address)
                vectors.append({"name": name, "seedHex": seed.hex(), "controlPortKey": key, "onionAddress": address})
            sock.close()
        finally:
            proc.terminate()
            proc.wait(10)
    out = {
        "description": "Onion services from 32-byte Ed25519 seeds, as the Tor rendezvous endpoint derives them: "
                       "controlPortKey is the ADD_ONION key (SHA-512 of the seed, scalar half clamped, base64 after "
                       "'ED25519-V3:'); onionAddress is the v3 address, without '.onion', of that key.",
        "source": "specs/transports/tor.md; keys built by specs/vectors/gen/tor_onion_vectors.py with the Python "
                  "standard library, addresses as answered by ADD_ONION of tor " + version,
        "vectors": vectors,
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tor-onion.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
