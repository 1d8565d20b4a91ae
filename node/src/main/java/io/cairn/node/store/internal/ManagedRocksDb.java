/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store.internal;

import io.cairn.node.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.AbstractNativeReference;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompactRangeOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.MutableColumnFamilyOptions;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * The node's RocksDB instance with its column families ({@link Column}) and every native object
 * they need, owned in one place and released in reverse order of creation by {@link #close()}.
 *
 * <p>Tuning (explained in {@code docs/node.md}): shards are large incompressible values (the client
 * encrypted them), so the shards and quarantine columns use integrated BlobDB (values of 64 KiB and
 * more go to blob files and compaction moves only small pointers) without compression; the
 * small-value columns get a Bloom filter for point lookups; counters use the built-in {@code
 * uint64add} merge operator so concurrent synced writes can be group-committed without a global
 * lock.
 */
final class ManagedRocksDb implements AutoCloseable {
  static final long MIN_BLOB_SIZE = 64L * 1024;
  static final long BLOB_FILE_SIZE = 256L * 1024 * 1024;
  static final long SHARD_WRITE_BUFFER_SIZE = 64L * 1024 * 1024;

  static {
    NativeCopies.sweepTemp();
    RocksDB.loadLibrary();
  }

  private final Path dir;
  private final Deque<AutoCloseable> owned;
  private final RocksDB db;
  private final Map<Column, ColumnFamilyHandle> handles;
  private final WriteOptions syncWrites;
  private final WriteOptions plainWrites;
  private final ReadOptions reads;
  private final ReadOptions shardReads;
  private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private volatile boolean closed;

  private ManagedRocksDb(
      Path dir,
      Deque<AutoCloseable> owned,
      RocksDB db,
      Map<Column, ColumnFamilyHandle> handles,
      WriteOptions syncWrites,
      WriteOptions plainWrites,
      ReadOptions reads,
      ReadOptions shardReads) {
    this.dir = dir;
    this.owned = owned;
    this.db = db;
    this.handles = handles;
    this.syncWrites = syncWrites;
    this.plainWrites = plainWrites;
    this.reads = reads;
    this.shardReads = shardReads;
  }

  /** Opens (creating if needed) the database in {@code dir} with all columns. */
  static ManagedRocksDb open(Path dir) throws StoreException {
    Deque<AutoCloseable> owned = new ArrayDeque<>();
    boolean ok = false;
    try {
      Files.createDirectories(dir);
      boolean direct = supportsDirectIo(dir);
      DBOptions dbOptions =
          own(owned, new DBOptions())
              .setCreateIfMissing(true)
              .setCreateMissingColumnFamilies(true)
              .setParanoidChecks(true)
              .setMaxBackgroundJobs(2)
              .setBytesPerSync(1L << 20)
              .setUseDirectIoForFlushAndCompaction(direct)
              .setUseDirectReads(direct)
              .setRecycleLogFileNum(4)
              .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
              .setKeepLogFileNum(4)
              .setMaxLogFileSize(16L << 20);

      BloomFilter bloom = own(owned, new BloomFilter(10));
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      descriptors.add(
          new ColumnFamilyDescriptor(
              RocksDB.DEFAULT_COLUMN_FAMILY, own(owned, new ColumnFamilyOptions())));
      for (Column c : Column.values()) {
        descriptors.add(new ColumnFamilyDescriptor(c.nameBytes(), options(owned, c, bloom)));
      }

      List<ColumnFamilyHandle> handleList = new ArrayList<>();
      RocksDB db;
      try {
        db = RocksDB.open(dbOptions, dir.toString(), descriptors, handleList);
      } catch (RocksDBException e) {
        throw openError(dir, e);
      }
      // Handles before the database in the close order (owned is closed last-in first-out).
      own(owned, db);
      Map<Column, ColumnFamilyHandle> handles = new EnumMap<>(Column.class);
      for (ColumnFamilyHandle h : handleList) {
        own(owned, h);
      }
      for (int i = 0; i < Column.values().length; i++) {
        handles.put(Column.values()[i], handleList.get(i + 1));
      }

      WriteOptions syncWrites = own(owned, new WriteOptions()).setSync(true);
      WriteOptions plainWrites = own(owned, new WriteOptions());
      ReadOptions reads = own(owned, new ReadOptions()).setVerifyChecksums(true);
      // Shard bytes are checked against their CID (SHA-256) on every read, which is stronger than
      // the blob record's CRC32C: skip the CRC (RocksJava's portable build computes it in
      // software).
      ReadOptions shardReads = own(owned, new ReadOptions()).setVerifyChecksums(false);
      ManagedRocksDb m =
          new ManagedRocksDb(dir, owned, db, handles, syncWrites, plainWrites, reads, shardReads);
      ok = true;
      return m;
    } catch (java.io.IOException e) {
      if (e instanceof StoreException se) {
        throw se;
      }
      throw new StoreException("cannot create database folder " + dir + ": " + e, false, e);
    } finally {
      if (!ok) {
        closeAll(owned);
      }
    }
  }

  /**
   * Whether files in {@code dir} can be opened with O_DIRECT (tmpfs and some network file systems
   * refuse it, and RocksDB would then fail to open): probed with a scratch file, deleted after.
   */
  static boolean supportsDirectIo(Path dir) {
    java.nio.file.OpenOption directOption;
    try {
      Class<?> c = Class.forName("com.sun.nio.file.ExtendedOpenOption");
      directOption =
          (java.nio.file.OpenOption)
              java.util.Arrays.stream(c.getEnumConstants())
                  .filter(o -> ((Enum<?>) o).name().equals("DIRECT"))
                  .findFirst()
                  .orElse(null);
    } catch (ClassNotFoundException | LinkageError | ClassCastException e) {
      return false;
    }
    if (directOption == null) {
      return false;
    }
    Path probe = dir.resolve(".direct-io-probe");
    try (java.nio.channels.FileChannel ch =
        java.nio.channels.FileChannel.open(
            probe,
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.WRITE,
            directOption)) {
      return ch.isOpen();
    } catch (java.io.IOException | UnsupportedOperationException e) {
      return false;
    } finally {
      try {
        Files.deleteIfExists(probe);
      } catch (java.io.IOException e) {
        // A leftover probe file is harmless.
      }
    }
  }

  private static ColumnFamilyOptions options(
      Deque<AutoCloseable> owned, Column column, BloomFilter bloom) {
    ColumnFamilyOptions o = own(owned, new ColumnFamilyOptions());
    switch (column) {
      case SHARDS, QUARANTINE -> {
        o.setEnableBlobFiles(true)
            .setMinBlobSize(MIN_BLOB_SIZE)
            .setBlobFileSize(BLOB_FILE_SIZE)
            .setBlobCompressionType(CompressionType.NO_COMPRESSION)
            // Off while serving: with keys as random as CIDs almost every compaction would rewrite
            // the oldest quarter of all shards. reclaimBlobSpace turns it on when deletes left
            // garbage worth a rewrite.
            .setEnableBlobGarbageCollection(false)
            .setBlobGarbageCollectionAgeCutoff(1.0);
        o.setCompressionType(CompressionType.NO_COMPRESSION)
            .setWriteBufferSize(SHARD_WRITE_BUFFER_SIZE)
            .setMaxWriteBufferNumber(3);
        // The LSM part holds keys and blob pointers only: point lookups by CID.
        o.setTableFormatConfig(new BlockBasedTableConfig().setFilterPolicy(bloom));
      }
      case META, AUDIT_NONCES, PEERS ->
          o.setTableFormatConfig(new BlockBasedTableConfig().setFilterPolicy(bloom))
              .setWriteBufferSize(16L << 20);
      case COUNTERS -> o.setMergeOperatorName("uint64add").setWriteBufferSize(4L << 20);
    }
    return o;
  }

  private static StoreException openError(Path dir, RocksDBException e) {
    String msg = String.valueOf(e.getMessage());
    if (msg.contains("lock")) {
      return new StoreException(
          "the database in "
              + dir
              + " is in use by another process (is a node already running on this data folder?): "
              + msg,
          false,
          e);
    }
    return RocksErrors.wrap("cannot open the database in " + dir, e);
  }

  private static <T extends AbstractNativeReference> T own(Deque<AutoCloseable> owned, T object) {
    owned.push(ManagedObject.of(object));
    return object;
  }

  private static void closeAll(Deque<AutoCloseable> owned) {
    RuntimeException first = null;
    while (!owned.isEmpty()) {
      try {
        owned.pop().close();
      } catch (Exception e) {
        if (first == null) {
          first = new IllegalStateException("closing RocksDB objects failed", e);
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  Path dir() {
    return dir;
  }

  /** A RocksDB call that may fail. */
  @FunctionalInterface
  private interface RocksCall<R> {
    R call() throws RocksDBException;
  }

  /**
   * Runs {@code call} while the database is known to stay open: native calls on a closed database
   * crash the JVM, so {@link #close()} waits for calls in flight and later calls fail cleanly.
   */
  private <R> R run(String what, Column column, RocksCall<R> call) throws StoreException {
    Lock l = lifecycle.readLock();
    l.lock();
    try {
      ensureOpen();
      return call.call();
    } catch (RocksDBException e) {
      throw RocksErrors.wrap(column == null ? what : what + " " + column.dbName(), e);
    } finally {
      l.unlock();
    }
  }

  ColumnFamilyHandle handle(Column column) {
    return handles.get(column);
  }

  /** The value under {@code key}, or null. */
  byte[] get(Column column, byte[] key) throws StoreException {
    ReadOptions r = column == Column.SHARDS ? shardReads : reads;
    return run("read from", column, () -> db.get(handles.get(column), r, key));
  }

  /** A new, empty batch for {@link #write}. */
  ManagedWriteBatch newBatch() {
    return new ManagedWriteBatch(this);
  }

  /**
   * Applies {@code batch} atomically. With {@code sync} the WAL is fsynced before this returns, so
   * the writes survive a crash or power loss from then on.
   */
  void write(ManagedWriteBatch batch, boolean sync) throws StoreException {
    run(
        "write batch",
        null,
        () -> {
          db.write(sync ? syncWrites : plainWrites, batch.raw());
          return null;
        });
  }

  void put(Column column, byte[] key, byte[] value, boolean sync) throws StoreException {
    run(
        "write to",
        column,
        () -> {
          db.put(handles.get(column), sync ? syncWrites : plainWrites, key, value);
          return null;
        });
  }

  void delete(Column column, byte[] key, boolean sync) throws StoreException {
    run(
        "delete from",
        column,
        () -> {
          db.delete(handles.get(column), sync ? syncWrites : plainWrites, key);
          return null;
        });
  }

  /**
   * A cursor over {@code column}. The caller closes it on the same thread, before closing the
   * database (it holds the database open until then).
   */
  ManagedRocksIterator iterator(Column column) throws StoreException {
    Lock l = lifecycle.readLock();
    l.lock();
    boolean ok = false;
    try {
      ensureOpen();
      ManagedRocksIterator it =
          new ManagedRocksIterator(db.newIterator(handles.get(column), reads), column, l);
      ok = true;
      return it;
    } finally {
      if (!ok) {
        l.unlock();
      }
    }
  }

  private final Object compactionLock = new Object();
  private CompactRangeOptions activeCompaction; // guarded by compactionLock

  /**
   * Rewrites {@code column} with blob garbage collection on, so that blob files holding deleted
   * values are replaced by files of the live values only, then turns collection off again. Runs as
   * long as the column is large (a full compaction); {@link #close()} cancels it.
   */
  void reclaimBlobSpace(Column column) throws StoreException {
    run(
        "reclaim blob space in",
        column,
        () -> {
          ColumnFamilyHandle h = handles.get(column);
          try (ManagedObject<CompactRangeOptions> o =
              ManagedObject.of(new CompactRangeOptions().setExclusiveManualCompaction(false))) {
            synchronized (compactionLock) {
              activeCompaction = o.get();
            }
            try {
              db.setOptions(h, blobGc(true));
              db.compactRange(h, null, null, o.get());
            } finally {
              synchronized (compactionLock) {
                activeCompaction = null; // before the options object is freed
              }
              db.setOptions(h, blobGc(false));
            }
          }
          return null;
        });
  }

  private static MutableColumnFamilyOptions blobGc(boolean on) {
    return MutableColumnFamilyOptions.builder()
        .setEnableBlobGarbageCollection(on)
        .setBlobGarbageCollectionAgeCutoff(1.0)
        .build();
  }

  /** A RocksDB integer property of {@code column}, such as {@code rocksdb.live-blob-file-size}. */
  long longProperty(Column column, String name) throws StoreException {
    return run("read a property of", column, () -> db.getLongProperty(handles.get(column), name));
  }

  /** Writes all memtables to table and blob files and waits. */
  void flush() throws StoreException {
    run(
        "flush",
        null,
        () -> {
          try (ManagedObject<FlushOptions> fo =
              ManagedObject.of(new FlushOptions().setWaitForFlush(true))) {
            db.flush(fo.get(), new ArrayList<>(handles.values()));
          }
          return null;
        });
  }

  boolean isOpen() {
    return !closed;
  }

  private void ensureOpen() throws StoreException {
    if (closed) {
      throw new StoreException("the database in " + dir + " is closed");
    }
  }

  /** Closes the database, then every option and handle it used, even if one of them fails. */
  @Override
  public void close() {
    synchronized (compactionLock) {
      if (activeCompaction != null) {
        activeCompaction.setCanceled(true); // a space reclaim in progress stops at its next check
      }
    }
    Lock l = lifecycle.writeLock();
    l.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      closeAll(owned);
    } finally {
      l.unlock();
    }
  }
}
