/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine;

import io.cairn.client.placement.ShardRef;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * An upload could not place its data, so no manifest was produced: no peer accepted a shard after
 * all its candidates were tried ({@link #shard()} names it, {@link #attempts()} says what each peer
 * did), or there was no eligible peer to begin with. Shards already stored are left on their nodes.
 */
public final class UploadException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient ShardRef shard;
  private final transient List<FailedAttempt> attempts;

  /** A failure not tied to one shard (no eligible peers, a manifest limit). */
  public UploadException(String message) {
    this(message, null);
  }

  public UploadException(String message, Throwable cause) {
    super(message, cause);
    this.shard = null;
    this.attempts = List.of();
  }

  /** No peer took {@code shard}; {@code attempts} are the failed exchanges, in order. */
  public UploadException(ShardRef shard, List<FailedAttempt> attempts) {
    super(message(shard, attempts));
    this.shard = shard;
    this.attempts = List.copyOf(attempts);
  }

  private static String message(ShardRef shard, List<FailedAttempt> attempts) {
    StringBuilder sb =
        new StringBuilder("shard (segment ")
            .append(shard.segment())
            .append(", index ")
            .append(shard.index())
            .append(") ")
            .append(shard.cid())
            .append(": no peer accepted it");
    if (attempts.isEmpty()) {
      return sb.append(" (no candidate peers)").toString();
    }
    sb.append(" after ").append(attempts.size()).append(attempts.size() == 1 ? " try" : " tries");
    String sep = ": ";
    for (FailedAttempt a : attempts) {
      sb.append(sep).append(a.explain());
      sep = "; ";
    }
    return sb.toString();
  }

  /** The shard no peer accepted, if the failure concerns one. */
  public Optional<ShardRef> shard() {
    return Optional.ofNullable(shard);
  }

  /** The failed attempts for {@link #shard()}, in order; empty otherwise. */
  public List<FailedAttempt> attempts() {
    return attempts == null ? List.of() : attempts;
  }
}
