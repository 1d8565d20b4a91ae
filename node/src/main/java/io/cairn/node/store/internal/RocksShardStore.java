/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store.internal;

import io.cairn.node.metrics.Counter;
import io.cairn.node.metrics.MetricsRegistry;
import io.cairn.node.store.DeleteResult;
import io.cairn.node.store.ReadResult;
import io.cairn.node.store.ShardInfo;
import io.cairn.node.store.ShardStore;
import io.cairn.node.store.StoreException;
import io.cairn.node.store.StoreResult;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import io.cairn.protocol.PeerId;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link ShardStore} on RocksDB: shard bytes in the shards column (blob files), metadata in meta,
 * usage in counters, all written in one synced batch per change.
 *
 * <p>Quota: {@code reserved} is the committed usage plus puts in flight. A put claims its size with
 * a compare-and-set on {@code reserved} before it writes and gives it back if the write fails, so
 * concurrent puts can never together pass the quota. Operations on one CID hold that CID's stripe
 * lock, which makes "already present?" and the write one step.
 */
final class RocksShardStore implements ShardStore, AutoCloseable {
  /** Reclaim blob space once deleted shards add up to this much... */
  static final long RECLAIM_MIN_BYTES = 256L << 20;

  /** ...and to at least this share of the live shards (a reclaim rewrites every live shard). */
  static final double RECLAIM_MIN_SHARE = 0.25;

  private final ManagedRocksDb db;
  private final long reclaimMinBytes;
  private final AtomicLong garbage = new AtomicLong();
  private final java.util.concurrent.atomic.AtomicBoolean reclaimPending =
      new java.util.concurrent.atomic.AtomicBoolean();
  private final java.util.concurrent.ExecutorService reclaimer =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          Thread.ofPlatform().name("cairn-store-reclaim").daemon().factory());
  private final InstantSource clock;
  private final long quota;
  private final StripedLocks locks = new StripedLocks(256);
  private final AtomicLong reserved = new AtomicLong();
  private final AtomicLong used = new AtomicLong();
  private final AtomicLong count = new AtomicLong();
  private final AtomicLong quarantinedBytes = new AtomicLong();
  private boolean countersRepairedAtOpen;

  private final Counter storedTotal;
  private final Counter deletedTotal;
  private final Counter quarantinedTotal;
  private final Counter rejectedTotal;
  private final Counter reclaimsTotal;

  RocksShardStore(ManagedRocksDb db, long quotaBytes, MetricsRegistry metrics, InstantSource clock)
      throws StoreException {
    this(db, quotaBytes, metrics, clock, RECLAIM_MIN_BYTES);
  }

  RocksShardStore(
      ManagedRocksDb db,
      long quotaBytes,
      MetricsRegistry metrics,
      InstantSource clock,
      long reclaimMinBytes)
      throws StoreException {
    this.reclaimMinBytes = reclaimMinBytes;
    if (quotaBytes < 0) {
      throw new IllegalArgumentException("quota must be >= 0 bytes, got " + quotaBytes);
    }
    this.db = db;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.quota = quotaBytes;
    loadCounters();
    storedTotal =
        metrics.counter("cairn_node_shards_stored_total", "Shards newly stored on this node.");
    deletedTotal =
        metrics.counter("cairn_node_shards_deleted_total", "Shards deleted by their last owner.");
    quarantinedTotal =
        metrics.counter(
            "cairn_node_shards_quarantined_total",
            "Shards that failed their integrity check on read and were quarantined.");
    rejectedTotal =
        metrics.counter(
            "cairn_node_store_rejected_total", "Shard puts refused, by reason.", "reason");
    reclaimsTotal =
        metrics.counter(
            "cairn_node_store_space_reclaims_total",
            "Rewrites of the shard blob files that dropped deleted shards.");
    metrics.gauge(
        "cairn_node_store_garbage_bytes",
        "Bytes of deleted shards still held in blob files until the next reclaim.",
        garbage::get);
    metrics.gauge("cairn_node_bytes_stored", "Bytes of stored shards.", used::get);
    metrics.gauge("cairn_node_quota_bytes", "The node's storage quota in bytes.", () -> quota);
    metrics.gauge("cairn_node_shards", "Number of stored shards.", count::get);
    metrics.gauge(
        "cairn_node_quarantined_bytes", "Bytes of quarantined shards.", quarantinedBytes::get);
    if (used.get() > quota) {
      StoreLog.onOverQuota(used.get(), quota);
    }
  }

  /** Reads the persisted counters and checks them against the metadata rows. */
  private void loadCounters() throws StoreException {
    long usedWas = Counters.decode(db.get(Column.COUNTERS, Counters.USED_BYTES));
    long countWas = Counters.decode(db.get(Column.COUNTERS, Counters.SHARD_COUNT));
    long qBytes = Counters.decode(db.get(Column.COUNTERS, Counters.QUARANTINED_BYTES));
    long usedIs = 0;
    long countIs = 0;
    try (ManagedRocksIterator it = db.iterator(Column.META)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        usedIs += MetaRecord.decode(it.value(), "a shard").size();
        countIs++;
      }
    }
    if (usedIs != usedWas || countIs != countWas || qBytes < 0) {
      long qIs = Math.max(0, qBytes);
      StoreLog.onCountersRepaired(usedWas, usedIs, countWas, countIs, qBytes, qIs);
      try (ManagedWriteBatch batch = db.newBatch()) {
        // A put replaces the value and every merge operand before it.
        batch
            .put(Column.COUNTERS, Counters.USED_BYTES, Counters.operand(usedIs))
            .put(Column.COUNTERS, Counters.SHARD_COUNT, Counters.operand(countIs))
            .put(Column.COUNTERS, Counters.QUARANTINED_BYTES, Counters.operand(qIs));
        db.write(batch, true);
      }
      qBytes = qIs;
      countersRepairedAtOpen = true;
    }
    garbage.set(Math.max(0, Counters.decode(db.get(Column.COUNTERS, Counters.GARBAGE_BYTES))));
    used.set(usedIs);
    reserved.set(usedIs);
    count.set(countIs);
    quarantinedBytes.set(qBytes);
  }

  @Override
  public StoreResult put(Cid cid, byte[] data, int off, int len, PeerId owner)
      throws StoreException {
    Objects.requireNonNull(cid, "cid");
    Objects.requireNonNull(owner, "owner");
    Objects.checkFromIndexSize(off, len, data.length);
    if (len > MAX_SHARD_SIZE) {
      return reject(
          cid,
          StoreResult.Reason.TOO_LARGE,
          "shard is " + len + " bytes, more than the limit of " + MAX_SHARD_SIZE + " bytes");
    }
    if (!cid.matches(data, off, len)) {
      return reject(
          cid, StoreResult.Reason.CID_MISMATCH, "the " + len + " bytes sent do not hash to " + cid);
    }
    byte[] key = cid.toBytes();
    ReentrantLock lock = locks.forKey(key);
    lock.lock();
    try {
      List<PeerId> carriedOwners = List.of();
      byte[] metaRow = db.get(Column.META, key);
      if (metaRow != null) {
        MetaRecord meta = MetaRecord.decode(metaRow, cid);
        // Check the copy we hold before vouching for it again: a shard gone bad on disk is
        // quarantined here and replaced by the good bytes just received.
        switch (readChecked(cid, key)) {
          case ReadResult.Found f -> {
            return addOwner(cid, key, meta, owner);
          }
          case ReadResult.Missing m -> {
            return restoreBytes(cid, key, meta, data, off, len, owner);
          }
          case ReadResult.Corrupt c -> carriedOwners = meta.owners();
        }
      }
      return storeNew(cid, key, data, off, len, owner, carriedOwners);
    } finally {
      lock.unlock();
    }
  }

  private StoreResult addOwner(Cid cid, byte[] key, MetaRecord meta, PeerId owner)
      throws StoreException {
    Instant storedAt = Instant.ofEpochMilli(meta.storedAtMillis());
    if (meta.owners().contains(owner)) {
      return new StoreResult.AlreadyStored(cid, meta.size(), storedAt, false);
    }
    if (meta.owners().size() >= MAX_OWNERS) {
      return reject(
          cid,
          StoreResult.Reason.TOO_MANY_OWNERS,
          "shard " + cid + " already has the maximum of " + MAX_OWNERS + " owners");
    }
    db.put(Column.META, key, meta.withOwner(owner).encode(), true);
    return new StoreResult.AlreadyStored(cid, meta.size(), storedAt, true);
  }

  /**
   * Metadata without bytes cannot come from this store's own atomic writes, but if a damaged
   * database shows it, the bytes just received (already checked) fill the gap. The counters already
   * count the shard.
   */
  private StoreResult restoreBytes(
      Cid cid, byte[] key, MetaRecord meta, byte[] data, int off, int len, PeerId owner)
      throws StoreException {
    boolean ownerAdded = !meta.owners().contains(owner) && meta.owners().size() < MAX_OWNERS;
    MetaRecord withOwner = ownerAdded ? meta.withOwner(owner) : meta;
    MetaRecord fixed = new MetaRecord(len, meta.storedAtMillis(), withOwner.owners());
    byte[] value = off == 0 && len == data.length ? data : Arrays.copyOfRange(data, off, off + len);
    try (ManagedWriteBatch batch = db.newBatch()) {
      batch.put(Column.SHARDS, key, value).put(Column.META, key, fixed.encode());
      if (fixed.size() != meta.size()) {
        batch.merge(
            Column.COUNTERS, Counters.USED_BYTES, Counters.operand(fixed.size() - meta.size()));
      }
      db.write(batch, true);
    }
    used.addAndGet(fixed.size() - meta.size());
    reserved.addAndGet(fixed.size() - meta.size());
    return new StoreResult.AlreadyStored(
        cid, len, Instant.ofEpochMilli(fixed.storedAtMillis()), ownerAdded);
  }

  private StoreResult storeNew(
      Cid cid, byte[] key, byte[] data, int off, int len, PeerId owner, List<PeerId> carried)
      throws StoreException {
    if (!reserve(len)) {
      return reject(
          cid,
          StoreResult.Reason.QUOTA_EXCEEDED,
          "storing "
              + len
              + " bytes would exceed the quota: "
              + used.get()
              + " of "
              + quota
              + " bytes are used");
    }
    boolean committed = false;
    try {
      long now = clock.millis();
      List<PeerId> owners = new ArrayList<>(carried);
      if (!owners.contains(owner)) {
        if (owners.size() >= MAX_OWNERS) {
          owners.removeFirst();
        }
        owners.add(owner);
      }
      byte[] value =
          off == 0 && len == data.length ? data : Arrays.copyOfRange(data, off, off + len);
      try (ManagedWriteBatch batch = db.newBatch()) {
        batch
            .put(Column.SHARDS, key, value)
            .put(Column.META, key, new MetaRecord(len, now, owners).encode())
            .merge(Column.COUNTERS, Counters.USED_BYTES, Counters.operand(len))
            .merge(Column.COUNTERS, Counters.SHARD_COUNT, Counters.operand(1));
        db.write(batch, true);
      }
      committed = true;
      used.addAndGet(len);
      count.incrementAndGet();
      storedTotal.inc();
      return new StoreResult.Stored(cid, len, Instant.ofEpochMilli(now));
    } finally {
      if (!committed) {
        reserved.addAndGet(-len);
      }
    }
  }

  /** Claims {@code n} bytes of quota, or returns false without claiming anything. */
  private boolean reserve(long n) {
    while (true) {
      long r = reserved.get();
      if (n > quota - r) {
        return false;
      }
      if (reserved.compareAndSet(r, r + n)) {
        return true;
      }
    }
  }

  private StoreResult reject(Cid cid, StoreResult.Reason reason, String message) {
    rejectedTotal.incLabels(reason.name().toLowerCase(java.util.Locale.ROOT));
    return new StoreResult.Rejected(cid, reason, message);
  }

  @Override
  public ReadResult get(Cid cid) throws StoreException {
    Objects.requireNonNull(cid, "cid");
    byte[] key = cid.toBytes();
    byte[] value;
    try {
      value = db.get(Column.SHARDS, key);
    } catch (StoreException e) {
      if (!e.isCorruption()) {
        throw e;
      }
      return checkUnderLock(cid, key);
    }
    if (value == null) {
      return new ReadResult.Missing(cid);
    }
    if (cid.matches(value)) {
      return new ReadResult.Found(cid, Bytes.wrap(value));
    }
    return checkUnderLock(cid, key);
  }

  /** The slow path after a failed check: again under the CID's lock, quarantining if it fails. */
  private ReadResult checkUnderLock(Cid cid, byte[] key) throws StoreException {
    ReentrantLock lock = locks.forKey(key);
    lock.lock();
    try {
      return readChecked(cid, key);
    } finally {
      lock.unlock();
    }
  }

  /** Reads and checks the shard; the caller holds the CID's lock. */
  private ReadResult readChecked(Cid cid, byte[] key) throws StoreException {
    byte[] value;
    try {
      value = db.get(Column.SHARDS, key);
    } catch (StoreException e) {
      if (!e.isCorruption()) {
        throw e;
      }
      String reason = "the database could not read it: " + e.getMessage();
      quarantine(cid, key, null, QuarantineRecord.REASON_UNREADABLE, reason);
      return new ReadResult.Corrupt(cid, reason);
    }
    if (value == null) {
      return new ReadResult.Missing(cid);
    }
    if (cid.matches(value)) {
      return new ReadResult.Found(cid, Bytes.wrap(value));
    }
    String reason = "its " + value.length + " bytes no longer hash to the CID";
    quarantine(cid, key, value, QuarantineRecord.REASON_HASH_MISMATCH, reason);
    return new ReadResult.Corrupt(cid, reason);
  }

  /**
   * Moves a shard out of the live columns into quarantine in one synced batch; the caller holds the
   * CID's lock.
   */
  private void quarantine(Cid cid, byte[] key, byte[] value, byte reason, String why)
      throws StoreException {
    byte[] metaRow = db.get(Column.META, key);
    long size = 0;
    if (metaRow != null) {
      try {
        size = MetaRecord.decode(metaRow, cid).size();
      } catch (StoreException e) {
        size = value == null ? 0 : value.length;
      }
    }
    long kept = value == null ? 0 : value.length;
    long now = clock.millis();
    byte[] qKey = quarantineKey(key, now);
    try (ManagedWriteBatch batch = db.newBatch()) {
      batch
          .put(Column.QUARANTINE, qKey, QuarantineRecord.encode(now, reason, metaRow, value))
          .delete(Column.SHARDS, key)
          .delete(Column.META, key)
          .merge(Column.COUNTERS, Counters.QUARANTINED_BYTES, Counters.operand(kept))
          .merge(Column.COUNTERS, Counters.QUARANTINED_COUNT, Counters.operand(1));
      if (metaRow != null) {
        batch
            .merge(Column.COUNTERS, Counters.USED_BYTES, Counters.operand(-size))
            .merge(Column.COUNTERS, Counters.SHARD_COUNT, Counters.operand(-1));
      }
      if (kept > 0) {
        batch.merge(Column.COUNTERS, Counters.GARBAGE_BYTES, Counters.operand(kept));
      }
      db.write(batch, true);
    }
    addGarbage(kept);
    if (metaRow != null) {
      used.addAndGet(-size);
      reserved.addAndGet(-size);
      count.decrementAndGet();
    }
    quarantinedBytes.addAndGet(kept);
    quarantinedTotal.inc();
    StoreLog.onShardQuarantined(cid, why, size);
  }

  /** {@code cid ‖ u64 detectedAt}, moved forward past any earlier record of the same CID. */
  private byte[] quarantineKey(byte[] cidKey, long millis) throws StoreException {
    byte[] k = Arrays.copyOf(cidKey, cidKey.length + 8);
    for (long t = millis; ; t++) {
      for (int i = 0; i < 8; i++) {
        k[cidKey.length + i] = (byte) (t >>> (56 - 8 * i));
      }
      if (db.get(Column.QUARANTINE, k) == null) {
        return k;
      }
    }
  }

  @Override
  public boolean contains(Cid cid) throws StoreException {
    return db.get(Column.META, cid.toBytes()) != null;
  }

  @Override
  public Optional<ShardInfo> info(Cid cid) throws StoreException {
    byte[] row = db.get(Column.META, cid.toBytes());
    if (row == null) {
      return Optional.empty();
    }
    MetaRecord m = MetaRecord.decode(row, cid);
    return Optional.of(
        new ShardInfo(cid, m.size(), Instant.ofEpochMilli(m.storedAtMillis()), m.owners()));
  }

  @Override
  public DeleteResult delete(Cid cid, PeerId requester) throws StoreException {
    Objects.requireNonNull(cid, "cid");
    Objects.requireNonNull(requester, "requester");
    byte[] key = cid.toBytes();
    ReentrantLock lock = locks.forKey(key);
    lock.lock();
    try {
      byte[] row = db.get(Column.META, key);
      if (row == null) {
        return new DeleteResult.NotFound(cid);
      }
      MetaRecord meta = MetaRecord.decode(row, cid);
      if (!meta.owners().contains(requester)) {
        return new DeleteResult.NotOwner(cid);
      }
      if (meta.owners().size() > 1) {
        MetaRecord rest = meta.withoutOwner(requester);
        db.put(Column.META, key, rest.encode(), true);
        return new DeleteResult.Released(cid, rest.owners().size());
      }
      try (ManagedWriteBatch batch = db.newBatch()) {
        batch
            .delete(Column.SHARDS, key)
            .delete(Column.META, key)
            .deleteRange(Column.AUDIT_NONCES, key, RocksAuditNonceStore.endOfCid(key))
            .merge(Column.COUNTERS, Counters.USED_BYTES, Counters.operand(-meta.size()))
            .merge(Column.COUNTERS, Counters.SHARD_COUNT, Counters.operand(-1))
            .merge(Column.COUNTERS, Counters.GARBAGE_BYTES, Counters.operand(meta.size()));
        db.write(batch, true);
      }
      addGarbage(meta.size());
      used.addAndGet(-meta.size());
      reserved.addAndGet(-meta.size());
      count.decrementAndGet();
      deletedTotal.inc();
      return new DeleteResult.Deleted(cid, meta.size());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Counts {@code n} bytes of deleted shard values and, once they pass both thresholds, starts a
   * space reclaim in the background (one at a time).
   */
  private void addGarbage(long n) {
    long g = garbage.addAndGet(n);
    if (g >= reclaimMinBytes
        && g >= RECLAIM_MIN_SHARE * used.get()
        && reclaimPending.compareAndSet(false, true)) {
      try {
        reclaimer.execute(this::reclaim);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        reclaimPending.set(false); // closing
      }
    }
  }

  private void reclaim() {
    long g = garbage.get();
    long t0 = System.nanoTime();
    try {
      db.reclaimBlobSpace(Column.SHARDS);
      long left = garbage.addAndGet(-g);
      db.put(Column.COUNTERS, Counters.GARBAGE_BYTES, Counters.operand(left), true);
      reclaimsTotal.inc();
      StoreLog.onSpaceReclaimed(g, (System.nanoTime() - t0) / 1_000_000);
    } catch (StoreException | RuntimeException e) {
      StoreLog.onReclaimFailed(e);
    } finally {
      reclaimPending.set(false);
    }
  }

  @Override
  public List<io.cairn.node.store.QuarantinedShard> quarantined() throws StoreException {
    List<io.cairn.node.store.QuarantinedShard> out = new ArrayList<>();
    try (ManagedRocksIterator it = db.iterator(Column.QUARANTINE)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        byte[] key = it.key();
        if (key.length <= 8) {
          continue;
        }
        Cid cid;
        QuarantineRecord.Header h;
        try {
          cid = Cid.fromBytes(Arrays.copyOf(key, key.length - 8));
          h = QuarantineRecord.header(it.value());
        } catch (IllegalArgumentException e) {
          continue; // not one of ours: leave it for purge
        }
        out.add(
            new io.cairn.node.store.QuarantinedShard(
                cid, Instant.ofEpochMilli(h.detectedAtMillis()), h.reasonName(), h.bytesKept()));
      }
    }
    return out;
  }

  @Override
  public long purgeQuarantine() throws StoreException {
    List<byte[]> keys = new ArrayList<>();
    try (ManagedRocksIterator it = db.iterator(Column.QUARANTINE)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        keys.add(it.key());
      }
    }
    if (keys.isEmpty()) {
      return 0;
    }
    try (ManagedWriteBatch batch = db.newBatch()) {
      for (byte[] k : keys) {
        batch.delete(Column.QUARANTINE, k);
      }
      // Every record is gone: the counters start again from zero.
      batch
          .put(Column.COUNTERS, Counters.QUARANTINED_BYTES, Counters.operand(0))
          .put(Column.COUNTERS, Counters.QUARANTINED_COUNT, Counters.operand(0));
      db.write(batch, true);
    }
    quarantinedBytes.set(0);
    db.flush();
    db.reclaimBlobSpace(Column.QUARANTINE);
    StoreLog.onQuarantinePurged(keys.size());
    return keys.size();
  }

  /** Bytes of deleted shard values not yet reclaimed from the blob files. */
  long garbageBytes() {
    return garbage.get();
  }

  /** Waits for a space reclaim in progress (tests). */
  void awaitReclaimForTesting() throws InterruptedException {
    while (reclaimPending.get()) {
      Thread.sleep(10);
    }
  }

  /** Stops the background reclaim; a reclaim in progress is cancelled by closing the database. */
  @Override
  public void close() {
    reclaimer.shutdownNow();
  }

  @Override
  public long usedBytes() {
    return used.get();
  }

  @Override
  public long quotaBytes() {
    return quota;
  }

  @Override
  public long shardCount() {
    return count.get();
  }

  @Override
  public long quarantinedBytes() {
    return quarantinedBytes.get();
  }

  /** Test hook: overwrites a shard's bytes without any check, as a failing disk would. */
  void overwriteRawForTesting(Cid cid, byte[] bytes) throws StoreException {
    db.put(Column.SHARDS, cid.toBytes(), bytes, true);
  }

  /** Whether open found the persisted counters out of step with the metadata. */
  boolean countersRepairedAtOpenForTesting() {
    return countersRepairedAtOpen;
  }

  /** Test hook: sets a persisted counter, as a bug or a damaged database might. */
  void setUsedBytesCounterForTesting(long value) throws StoreException {
    db.put(Column.COUNTERS, Counters.USED_BYTES, Counters.operand(value), true);
  }

  /** The persisted counters (used bytes, shard count), for consistency checks in tests. */
  long[] persistedCountersForTesting() throws StoreException {
    return new long[] {
      Counters.decode(db.get(Column.COUNTERS, Counters.USED_BYTES)),
      Counters.decode(db.get(Column.COUNTERS, Counters.SHARD_COUNT))
    };
  }
}
