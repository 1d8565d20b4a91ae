/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.message.internal;

import io.cairn.protocol.Bytes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds the canonical signing form of a signed structure (docs/protocol.md, "Signed structures"):
 * an ASCII domain tag and a 0x00 byte, then the fields in a fixed order, integers as 8-byte
 * big-endian two's complement, byte strings as a 2-byte big-endian length and the bytes, counts as
 * 2-byte big-endian.
 */
public final class Canonical {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(160);

  private Canonical(String domain) {
    out.writeBytes(domain.getBytes(StandardCharsets.US_ASCII));
    out.write(0);
  }

  /** Starts a signing form with {@code domain}, e.g. {@code cairn/store-receipt/v1}. */
  public static Canonical domain(String domain) {
    return new Canonical(domain);
  }

  /** Appends an 8-byte big-endian integer. */
  public Canonical u64(long v) {
    for (int shift = 56; shift >= 0; shift -= 8) {
      out.write((int) (v >>> shift));
    }
    return this;
  }

  /** Appends a 2-byte big-endian count. */
  public Canonical u16(int v) {
    if (v < 0 || v > 0xffff) {
      throw new IllegalArgumentException("count out of u16 range: " + v);
    }
    out.write(v >>> 8);
    out.write(v);
    return this;
  }

  /** Appends a 2-byte big-endian length and the bytes. */
  public Canonical bytes(byte[] b) {
    u16(b.length);
    out.writeBytes(b);
    return this;
  }

  /** Appends a 2-byte big-endian length and the bytes. */
  public Canonical bytes(Bytes b) {
    return bytes(b.toArray());
  }

  public byte[] toByteArray() {
    return out.toByteArray();
  }
}
