/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.daemon;

import io.cairn.node.peers.PeerDirectory;
import io.cairn.node.peers.PeerTable;
import io.cairn.node.store.StoreException;
import io.cairn.p2p.cairn.CairnCallException;
import io.cairn.p2p.cairn.CairnClient;
import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.Protocols;
import io.cairn.protocol.message.PeerRecord;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dials the bootstrap peers, and the peers the persisted table remembers, on virtual threads: each
 * dial runs peer exchange ({@code /cairn/peers/1.0.0}, sending this node's own record), learns the
 * records it gets back, and repeats every refresh interval. A failed dial is retried after an
 * exponential backoff with jitter (base, doubled up to the max), forever for bootstrap peers and a
 * few times for remembered ones, so a node started before its bootstrap peer still finds it.
 */
final class Bootstrapper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Bootstrapper.class);

  /** Remembered peers dialed at start, most recently seen first. */
  static final int REMEMBERED_DIALS = 16;

  /** Attempts for a remembered peer before it is left alone until the next start. */
  static final int REMEMBERED_ATTEMPTS = 4;

  private final CairnClient client;
  private final PeerDirectory directory;
  private final PeerTable table;
  private final List<Multiaddr> bootstrap;
  private final Duration backoffBase;
  private final Duration backoffMax;
  private final Duration refresh;
  private final InstantSource clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private boolean closed;

  Bootstrapper(
      CairnClient client,
      PeerDirectory directory,
      PeerTable table,
      List<Multiaddr> bootstrap,
      Duration backoffBase,
      Duration backoffMax,
      Duration refresh,
      InstantSource clock) {
    this.client = client;
    this.directory = directory;
    this.table = table;
    this.bootstrap = List.copyOf(bootstrap);
    this.backoffBase = backoffBase;
    this.backoffMax = backoffMax;
    this.refresh = refresh;
    this.clock = clock;
  }

  void start() {
    Map<PeerId, List<Multiaddr>> targets = new LinkedHashMap<>();
    for (Multiaddr a : bootstrap) {
      PeerId peer = a.peerId().orElseThrow(); // NodeConfig requires /p2p/<id>
      targets.computeIfAbsent(peer, p -> new ArrayList<>()).add(a.withoutPeerId());
    }
    for (Map.Entry<PeerId, List<Multiaddr>> e : targets.entrySet()) {
      if (e.getKey().equals(directory.self().peer())) {
        LOG.warn("event=bootstrap_skipped reason=self peer={}", e.getKey());
        continue;
      }
      Thread.ofVirtual()
          .name("cairn-bootstrap-" + e.getKey())
          .start(() -> loop(e.getKey(), e.getValue(), Integer.MAX_VALUE));
    }
    int remembered = 0;
    for (io.cairn.node.peers.PeerRecord r : table.list()) {
      if (remembered >= REMEMBERED_DIALS) {
        break;
      }
      if (targets.containsKey(r.peerId()) || r.addresses().isEmpty()) {
        continue;
      }
      remembered++;
      Thread.ofVirtual()
          .name("cairn-redial-" + r.peerId())
          .start(() -> loop(r.peerId(), r.addresses(), REMEMBERED_ATTEMPTS));
    }
  }

  private void loop(PeerId peer, List<Multiaddr> addrs, int maxFailures) {
    Duration backoff = backoffBase;
    int failures = 0;
    while (true) {
      try {
        exchange(peer, addrs);
        failures = 0;
        backoff = backoffBase;
        if (!sleep(refresh)) {
          return;
        }
      } catch (CairnCallException e) {
        failures++;
        if (failures >= maxFailures) {
          LOG.info(
              "event=peer_dial_gave_up peer={} attempts={} error=\"{}\"",
              peer,
              failures,
              e.getMessage());
          return;
        }
        Duration wait = jitter(backoff);
        LOG.info(
            "event=peer_dial_failed peer={} attempt={} retry_in_ms={} error=\"{}\"",
            peer,
            failures,
            wait.toMillis(),
            e.getMessage());
        if (!sleep(wait)) {
          return;
        }
        backoff =
            backoff.multipliedBy(2).compareTo(backoffMax) > 0
                ? backoffMax
                : backoff.multipliedBy(2);
      } catch (InterruptedException e) {
        return;
      } catch (StoreException e) {
        LOG.warn("event=peer_table_write_failed peer={} error=\"{}\"", peer, e.getMessage());
        if (!sleep(backoffMax)) {
          return;
        }
      } catch (RuntimeException e) {
        LOG.warn("event=peer_exchange_failed peer={} error=\"{}\"", peer, e.toString());
        if (!sleep(backoffMax)) {
          return;
        }
      }
    }
  }

  private void exchange(PeerId peer, List<Multiaddr> addrs)
      throws CairnCallException, StoreException, InterruptedException {
    List<PeerRecord> got =
        client.peers(peer, addrs, Protocols.MAX_PEERS_PER_EXCHANGE, Optional.of(directory.self()));
    table.upsert(peer, addrs, clock.instant());
    int learned = 0;
    for (PeerRecord r : got) {
      if (directory.learn(r)) {
        learned++;
        LOG.info("event=peer_learned peer={} addrs={} via={}", r.peer(), r.addrs(), peer);
      }
    }
    LOG.info("event=peer_exchange peer={} records={} new={}", peer, got.size(), learned);
  }

  /** Up to a quarter less, so restarted nodes do not dial in lockstep. */
  private static Duration jitter(Duration d) {
    long ms = Math.max(1, d.toMillis());
    return Duration.ofMillis(ms - ThreadLocalRandom.current().nextLong(ms / 4 + 1));
  }

  /** Sleeps unless closed; false once closed. */
  private boolean sleep(Duration d) {
    long nanos = d.toNanos();
    lock.lock();
    try {
      while (!closed && nanos > 0) {
        nanos = wake.awaitNanos(nanos);
      }
      return !closed;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      lock.unlock();
    }
  }

  /** Stops dialing; calls in flight end with the host. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      wake.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
