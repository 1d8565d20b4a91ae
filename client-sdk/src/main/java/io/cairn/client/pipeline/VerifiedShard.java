/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.pipeline;

import io.cairn.protocol.Cid;
import java.util.Objects;
import java.util.Optional;

/**
 * Shard bytes whose SHA-256 has been checked against their CID. The only way to make one is {@link
 * #verify}, so code that takes a {@code VerifiedShard} cannot be handed unchecked bytes.
 */
public final class VerifiedShard {
  private final Cid cid;
  private final byte[] bytes;

  private VerifiedShard(Cid cid, byte[] bytes) {
    this.cid = cid;
    this.bytes = bytes;
  }

  /**
   * Checks {@code bytes} against {@code cid}. On success the array is handed over: the caller must
   * not change it afterwards.
   */
  public static Optional<VerifiedShard> verify(Cid cid, byte[] bytes) {
    Objects.requireNonNull(cid, "cid");
    Objects.requireNonNull(bytes, "bytes");
    return cid.matches(bytes, 0, bytes.length)
        ? Optional.of(new VerifiedShard(cid, bytes))
        : Optional.empty();
  }

  public Cid cid() {
    return cid;
  }

  /** The shard bytes; do not modify. */
  public byte[] bytes() {
    return bytes;
  }

  public int size() {
    return bytes.length;
  }
}
