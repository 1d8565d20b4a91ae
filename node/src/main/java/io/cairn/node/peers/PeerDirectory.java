/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.peers;

import io.cairn.node.store.StoreException;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.message.PeerRecord;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What peer exchange ({@code /cairn/peers/1.0.0}) knows: this node's own signed record and the
 * signed records other peers published, newest {@code seq} per peer, bounded (the record learned
 * longest ago is evicted). Every learned record also refreshes the persisted {@link PeerTable}, so
 * a restarted node can dial its peers again and relearn their records from them.
 *
 * <p>Signed records are relayed unchanged: a relaying node cannot alter them, and every receiver
 * checks the signature. Thread-safe.
 */
public final class PeerDirectory {
  /** Most signed records kept in memory. */
  public static final int DEFAULT_CAPACITY = 4096;

  private final PeerTable table;
  private final InstantSource clock;
  private final int capacity;
  private final Map<PeerId, PeerRecord> records =
      new LinkedHashMap<>(); // insertion order: oldest learned first
  private volatile PeerRecord self;

  public PeerDirectory(PeerRecord self, PeerTable table, InstantSource clock) {
    this(self, table, clock, DEFAULT_CAPACITY);
  }

  public PeerDirectory(PeerRecord self, PeerTable table, InstantSource clock, int capacity) {
    this.self = Objects.requireNonNull(self, "self");
    this.table = Objects.requireNonNull(table, "table");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, got " + capacity);
    }
    this.capacity = capacity;
  }

  /** This node's own record, first in every answer. */
  public PeerRecord self() {
    return self;
  }

  /** Replaces this node's own record (new addresses); its seq must grow. */
  public void updateSelf(PeerRecord record) {
    if (!record.peer().equals(self.peer()) || record.seq() <= self.seq()) {
      throw new IllegalArgumentException(
          "a new self record must be this node's, with a higher seq");
    }
    self = record;
  }

  /**
   * Learns a record if its signature verifies, it is not this node's, and it is newer than the one
   * held. Refreshes the peer's row in the peer table.
   *
   * @return whether the record was new
   * @throws StoreException if the peer table cannot be written
   */
  public boolean learn(PeerRecord record) throws StoreException {
    if (record.peer().equals(self.peer()) || !record.verifySignature()) {
      return false;
    }
    synchronized (records) {
      PeerRecord held = records.get(record.peer());
      if (held != null && held.seq() >= record.seq()) {
        return false;
      }
      records.remove(record.peer());
      records.put(record.peer(), record);
      while (records.size() > capacity) {
        records.remove(records.keySet().iterator().next());
      }
    }
    List<io.cairn.protocol.Multiaddr> addrs = record.addrs();
    if (addrs.size() > PeerTable.MAX_ADDRESSES_PER_PEER) {
      addrs = addrs.subList(0, PeerTable.MAX_ADDRESSES_PER_PEER);
    }
    table.upsert(record.peer(), addrs, clock.instant());
    return true;
  }

  public Optional<PeerRecord> get(PeerId peer) {
    synchronized (records) {
      return Optional.ofNullable(records.get(peer));
    }
  }

  /**
   * At most {@code max} records: this node's own first, then the most recently learned, leaving out
   * {@code asker} (it knows itself).
   */
  public List<PeerRecord> answer(int max, PeerId asker) {
    List<PeerRecord> out = new ArrayList<>(Math.min(max, 64));
    if (max <= 0) {
      return out;
    }
    out.add(self);
    List<PeerRecord> byLearned;
    synchronized (records) {
      byLearned = new ArrayList<>(records.values());
    }
    for (int i = byLearned.size() - 1; i >= 0 && out.size() < max; i--) {
      PeerRecord r = byLearned.get(i);
      if (!r.peer().equals(asker)) {
        out.add(r);
      }
    }
    return out;
  }

  /** Number of peers with a record (this node not counted). */
  public int size() {
    synchronized (records) {
      return records.size();
    }
  }
}
