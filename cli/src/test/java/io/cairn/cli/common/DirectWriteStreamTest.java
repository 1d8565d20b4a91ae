/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Large outputs through {@link AtomicOutput#createLarge}: direct whole blocks, buffered tail. */
class DirectWriteStreamTest {
  @TempDir Path dir;

  private static final int BUF = DirectWriteStream.BUFFER_SIZE;

  /** Sizes around the block and buffer boundaries, each written in seeded random pieces. */
  @Test
  void shouldWriteEveryByteInOrderForSizesAroundBlockAndBufferBoundaries() throws Exception {
    long seed = System.nanoTime();
    System.out.println("DirectWriteStreamTest seed " + seed);
    Random random = new Random(seed);
    int[] sizes = {0, 1, 511, 512, 4095, 4096, 4097, BUF - 1, BUF, BUF + 1, 2 * BUF + 4097};
    for (int size : sizes) {
      byte[] data = new byte[size];
      random.nextBytes(data);
      Path target = dir.resolve("out-" + size);
      try (AtomicOutput out = AtomicOutput.createLarge(target, false)) {
        int off = 0;
        while (off < size) {
          int n = Math.min(size - off, 1 + random.nextInt(random.nextBoolean() ? 100 : BUF + 10));
          out.stream().write(data, off, n);
          off += n;
          if (random.nextInt(4) == 0) {
            out.stream().flush(); // a flush mid-block keeps the partial block buffered
          }
        }
        out.commit();
      }
      assertArrayEquals(data, Files.readAllBytes(target), "size " + size + ", seed " + seed);
      assertFalse(Files.exists(dir.resolve("out-" + size + AtomicOutput.SUFFIX)));
    }
  }

  @Test
  void shouldBypassThePageCacheWhereTheFileSystemAllowsIt() throws Exception {
    Path probe = dir.resolve("probe");
    boolean supported;
    try (FileChannel ch =
        FileChannel.open(probe, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      var d = DirectWriteStream.open(probe, ch);
      supported = d.isPresent();
      if (supported) {
        d.get().close();
      }
    }
    try (AtomicOutput out = AtomicOutput.createLarge(dir.resolve("big"), false)) {
      assertEquals(supported, out.isDirect());
      out.stream().write(new byte[] {1, 2, 3});
      out.commit();
    }
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(dir.resolve("big")));
    System.out.println("direct I/O in " + dir + ": " + supported);
  }

  @Test
  void shouldDeleteThePartialFileWhenClosedWithoutCommit() throws Exception {
    Path target = dir.resolve("out.bin");
    try (AtomicOutput out = AtomicOutput.createLarge(target, false)) {
      out.stream().write(new byte[BUF + 12345]);
    }
    assertFalse(Files.exists(target));
    assertFalse(Files.exists(dir.resolve("out.bin" + AtomicOutput.SUFFIX)));
  }

  @Test
  void shouldRefuseWritesAfterCommit() throws Exception {
    Path target = dir.resolve("out.bin");
    try (AtomicOutput out = AtomicOutput.createLarge(target, false)) {
      var stream = out.stream();
      stream.write(new byte[10]);
      out.commit();
      if (out.isDirect()) {
        assertThrows(IOException.class, () -> stream.write(new byte[1]));
      }
    }
    assertEquals(10, Files.size(target));
  }
}
