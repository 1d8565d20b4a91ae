/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel.sim;

/** How a simulated node behaves. */
public enum Behaviour {
  /** Keeps every shard, answers fast, almost always up. */
  HONEST(false, "keeps every shard, 30-150 ms, up 99.8%"),
  /** Honest, but goes down for hours at random (random downtime). */
  FLAKY(false, "honest, random outages of 1-6 h every 0.5-3 days"),
  /** Honest, but slow: 0.6-2.5 s typical latency with a heavy tail, some timeouts. */
  SLOW(false, "honest, 0.6-2.5 s typical latency, heavy tail"),
  /** Honest, until its latency jumps 5-15 times at a random moment and stays there. */
  DEGRADING(false, "honest, latency jumps 5-15x at a random moment"),
  /** From a random onset, drops a fraction of its shards and admits it (NOT_FOUND). */
  DROPPER(true, "drops 10-50% of shards, answers NOT_FOUND"),
  /** From a random onset, serves corrupt bytes for a fraction of its shards. */
  CORRUPTER(true, "corrupts 10-50% of shards: wrong audit hashes, corrupt data"),
  /** From a random onset, deletes a fraction of shards and answers their audits anyway. */
  LIAR(true, "deletes 10-50% of shards, answers their audits with made-up hashes"),
  /** From a random onset, deletes a fraction of shards and lets their audits time out. */
  EVADER(true, "deletes 10-50% of shards, lets their audits and retrievals time out");

  private final boolean dishonest;
  private final String description;

  Behaviour(boolean dishonest, String description) {
    this.dishonest = dishonest;
    this.description = description;
  }

  /** Whether the sentinel should catch this node. */
  public boolean dishonest() {
    return dishonest;
  }

  /** One line for reports. */
  public String description() {
    return description;
  }
}
