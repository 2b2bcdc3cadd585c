"""A raw ZIP writer for crafted packages: sizes that lie, bombs built in milliseconds, zip64."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

_MB = 1024 * 1024


@dataclass(frozen=True)
class Member:
    """One member: ``payload`` is what is stored; the declared sizes may differ from it."""

    name: str
    payload: bytes  # compressed bytes as written
    method: int  # 0 stored, 8 deflated
    size: int  # declared uncompressed size
    crc: int
    flags: int = 0


def stored(name: str, data: bytes) -> Member:
    return Member(name, data, 0, len(data), zlib.crc32(data))


def deflated(name: str, data: bytes) -> Member:
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    return Member(name, packer.compress(data) + packer.flush(), 8, len(data), zlib.crc32(data))


def zero_bomb(name: str, megabytes: int, declared: int | None = None) -> Member:
    """``megabytes`` MB of zeros as raw deflate, built from one repeated flushed block.

    After Z_FULL_FLUSH the compressor forgets its history, so every further megabyte of zeros
    compresses to the same bytes: a 4 GB member costs milliseconds to build.
    """
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    first = packer.compress(b"\0" * _MB) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(b"\0" * _MB) + packer.flush(zlib.Z_FULL_FLUSH)
    payload = first + again * (megabytes - 1) + packer.flush()
    size = megabytes * _MB if declared is None else declared
    return Member(name, payload, 8, size, 0)  # CRC is not computed for GBs of zeros


def write_zip(members: list[Member]) -> bytes:
    """Local headers, data and a central directory; zip64 records where sizes need them."""
    out = bytearray()
    central = bytearray()
    for m in members:
        offset = len(out)
        name = m.name.encode("utf-8")
        big = m.size >= 0xFFFFFFFF or len(m.payload) >= 0xFFFFFFFF or offset >= 0xFFFFFFFF
        extra = struct.pack("<HHQQ", 1, 16, m.size, len(m.payload)) if big else b""
        sizes = (0xFFFFFFFF, 0xFFFFFFFF) if big else (len(m.payload), m.size)
        version = 45 if big else 20
        out += struct.pack(
            "<4sHHHHHIIIHH", b"PK\x03\x04", version, m.flags, m.method, 0, 0x21,
            m.crc, sizes[0], sizes[1], len(name), len(extra),
        )  # fmt: skip
        out += name + extra + m.payload
        cextra = struct.pack("<HHQQQ", 1, 24, m.size, len(m.payload), offset) if big else b""
        central += struct.pack(
            "<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", version, version, m.flags, m.method, 0, 0x21,
            m.crc, sizes[0], sizes[1], len(name), len(cextra), 0, 0, 0, 0,
            0xFFFFFFFF if big else offset,
        )  # fmt: skip
        central += name + cextra
    start = len(out)
    out += central
    count = len(members)
    if start >= 0xFFFFFFFF or count >= 0xFFFF:
        end64 = len(out)
        out += struct.pack(
            "<4sQHHIIQQQQ", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, len(central), start
        )
        out += struct.pack("<4sIQI", b"PK\x06\x07", 0, end64, 1)
        out += struct.pack(
            "<4sHHHHIIH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0
        )
    else:
        out += struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, count, count, len(central), start, 0)
    return bytes(out)
