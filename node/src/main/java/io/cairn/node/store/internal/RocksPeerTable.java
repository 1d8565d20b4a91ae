/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store.internal;

import io.cairn.node.peers.PeerRecord;
import io.cairn.node.peers.PeerTable;
import io.cairn.node.store.StoreException;
import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.PeerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PeerTable} kept in memory and written through to the peers column (not synced: it is soft
 * state). Loaded at open; rows that no longer decode are dropped with a warning.
 */
final class RocksPeerTable implements PeerTable {
  private static final Logger LOG = LoggerFactory.getLogger(RocksPeerTable.class);
  private static final Comparator<PeerRecord> OLDEST_FIRST =
      Comparator.comparing(PeerRecord::lastSeen).thenComparing(PeerRecord::peerId);

  private final ManagedRocksDb db;
  private final int capacity;
  private final Map<PeerId, PeerRecord> peers = new HashMap<>();

  RocksPeerTable(ManagedRocksDb db, int capacity) throws StoreException {
    if (capacity < 1) {
      throw new IllegalArgumentException("peer table capacity must be >= 1, got " + capacity);
    }
    this.db = db;
    this.capacity = capacity;
    List<byte[]> bad = new ArrayList<>();
    try (ManagedRocksIterator it = db.iterator(Column.PEERS)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        try {
          PeerRecord r = PeerCodec.decode(it.key(), it.value());
          peers.put(r.peerId(), r);
        } catch (IllegalArgumentException e) {
          LOG.warn("Dropping an unreadable peer table row: {}", e.getMessage());
          bad.add(it.key());
        }
      }
    }
    for (byte[] k : bad) {
      db.delete(Column.PEERS, k, false);
    }
    while (peers.size() > capacity) {
      evictOldest();
    }
  }

  @Override
  public synchronized PeerRecord upsert(PeerId peer, List<Multiaddr> addresses, Instant seenAt)
      throws StoreException {
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(seenAt, "seenAt");
    Set<Multiaddr> merged = new LinkedHashSet<>();
    for (Multiaddr a : addresses) {
      Optional<PeerId> named = a.peerId();
      if (named.isPresent() && !named.get().equals(peer)) {
        throw new IllegalArgumentException(
            "address " + a + " names peer " + named.get() + ", not " + peer);
      }
      merged.add(a.withoutPeerId());
    }
    PeerRecord old = peers.get(peer);
    Instant lastSeen = seenAt;
    if (old != null) {
      merged.addAll(old.addresses());
      if (old.lastSeen().isAfter(lastSeen)) {
        lastSeen = old.lastSeen();
      }
    }
    List<Multiaddr> kept = merged.stream().limit(MAX_ADDRESSES_PER_PEER).toList();
    PeerRecord r = new PeerRecord(peer, kept, lastSeen);
    db.put(Column.PEERS, peer.toBytes(), PeerCodec.encode(r), false);
    peers.put(peer, r);
    while (peers.size() > capacity) {
      evictOldest();
    }
    return r;
  }

  private void evictOldest() throws StoreException {
    PeerRecord oldest = peers.values().stream().min(OLDEST_FIRST).orElseThrow();
    peers.remove(oldest.peerId());
    db.delete(Column.PEERS, oldest.peerId().toBytes(), false);
  }

  @Override
  public synchronized Optional<PeerRecord> get(PeerId peer) {
    return Optional.ofNullable(peers.get(peer));
  }

  @Override
  public synchronized List<PeerRecord> list() {
    return peers.values().stream().sorted(OLDEST_FIRST.reversed()).toList();
  }

  @Override
  public synchronized boolean remove(PeerId peer) throws StoreException {
    if (peers.remove(peer) == null) {
      return false;
    }
    db.delete(Column.PEERS, peer.toBytes(), false);
    return true;
  }

  @Override
  public synchronized int size() {
    return peers.size();
  }

  @Override
  public int capacity() {
    return capacity;
  }
}
