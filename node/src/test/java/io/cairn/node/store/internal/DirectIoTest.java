/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database uses direct I/O where the file system allows it and opens anyway where not. */
class DirectIoTest {
  @TempDir Path dir;

  @Test
  void shouldStoreAndReadWhereverDirectIoIsOrIsNotSupported() throws Exception {
    boolean direct = ManagedRocksDb.supportsDirectIo(dir);
    System.out.println("direct I/O in " + dir + ": " + direct);
    roundTrip(dir.resolve("db"));
    try (Stream<Path> s = Files.list(dir)) {
      assertFalse(s.anyMatch(p -> p.getFileName().toString().contains("probe")));
    }
  }

  /** Older kernels' tmpfs refuses O_DIRECT, newer ones accept it: the node opens either way. */
  @Test
  void shouldOpenOnTmpfs() throws Exception {
    Path shm = Path.of("/dev/shm");
    Assumptions.assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "no /dev/shm here");
    Path tmp = Files.createTempDirectory(shm, "cairn-direct-io-");
    try {
      System.out.println("direct I/O in " + tmp + ": " + ManagedRocksDb.supportsDirectIo(tmp));
      roundTrip(tmp.resolve("db"));
    } finally {
      try (Stream<Path> s = Files.walk(tmp)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static void roundTrip(Path db) throws Exception {
    byte[] value = new byte[300_000];
    new java.util.Random(7).nextBytes(value);
    try (ManagedRocksDb m = ManagedRocksDb.open(db)) {
      m.put(Column.SHARDS, new byte[] {1, 2, 3}, value, true);
      m.flush();
      assertArrayEquals(value, m.get(Column.SHARDS, new byte[] {1, 2, 3}));
    }
    try (ManagedRocksDb m = ManagedRocksDb.open(db)) {
      assertArrayEquals(value, m.get(Column.SHARDS, new byte[] {1, 2, 3}));
    }
  }
}
