/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.common;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;

/**
 * A sequential writer of a new file that bypasses the page cache (O_DIRECT) for every whole block
 * and writes the last partial block through {@code tail}, the ordinary channel of the same file.
 *
 * <p>Why: a restore writes gigabytes that nobody reads back soon. Through the page cache each byte
 * is first copied into kernel pages, which on virtual machines whose guest memory is backed lazily
 * costs several times the copy itself (measured in {@code docs/benchmarks.md}); direct writes move
 * the bytes from one reused, aligned buffer to the disk. Direct I/O needs block-aligned buffers,
 * offsets and sizes, so bytes are gathered in an aligned buffer and written in whole blocks; {@link
 * #finish()} writes what is left (less than a block) through {@code tail}.
 *
 * <p>{@link #open} returns empty where the file system refuses direct I/O (tmpfs, some network file
 * systems, non-Linux platforms); callers then write through the page cache as usual. Not
 * thread-safe.
 */
final class DirectWriteStream extends OutputStream {
  /** Bytes gathered before a direct write: large writes keep the disk streaming. */
  static final int BUFFER_SIZE = 4 << 20;

  /** {@code com.sun.nio.file.ExtendedOpenOption.DIRECT} (module jdk.unsupported), if present. */
  private static final Optional<OpenOption> DIRECT = directOption();

  private final FileChannel direct;
  private final FileChannel tail;
  private final ByteBuffer buffer;
  private final int block;
  private long position;
  private boolean finished;
  private boolean buffered; // direct writes were refused: everything goes through tail

  private DirectWriteStream(FileChannel direct, FileChannel tail, ByteBuffer buffer, int block) {
    this.direct = direct;
    this.tail = tail;
    this.buffer = buffer;
    this.block = block;
  }

  /**
   * Opens {@code file} (already created, empty, and open as {@code tail}) for direct writes, or
   * returns empty where direct I/O is not available.
   */
  static Optional<DirectWriteStream> open(Path file, FileChannel tail) {
    Objects.requireNonNull(tail, "tail");
    OpenOption directOption = DIRECT.orElse(null);
    if (directOption == null) {
      return Optional.empty();
    }
    int block;
    try {
      long b = Files.getFileStore(file).getBlockSize();
      if (b <= 0 || b > (1 << 16) || Long.bitCount(b) != 1) {
        return Optional.empty();
      }
      block = (int) b;
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
    FileChannel direct;
    try {
      direct = FileChannel.open(file, StandardOpenOption.WRITE, directOption);
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
    ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE + block).alignedSlice(block);
    buffer.limit(BUFFER_SIZE);
    return Optional.of(new DirectWriteStream(direct, tail, buffer, block));
  }

  private static Optional<OpenOption> directOption() {
    try {
      Class<?> c = Class.forName("com.sun.nio.file.ExtendedOpenOption");
      for (Object o : c.getEnumConstants()) {
        if (o instanceof OpenOption opt && ((Enum<?>) o).name().equals("DIRECT")) {
          return Optional.of(opt);
        }
      }
    } catch (ClassNotFoundException | LinkageError e) {
      // Not this JDK's: write through the page cache.
    }
    return Optional.empty();
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    ensureOpen();
    while (len > 0) {
      int n = Math.min(len, buffer.remaining());
      buffer.put(b, off, n);
      off += n;
      len -= n;
      if (!buffer.hasRemaining()) {
        writeWholeBlocks();
      }
    }
  }

  /**
   * Writes the whole blocks gathered so far; a partial block stays in the buffer until more bytes
   * or {@link #finish()} come.
   */
  @Override
  public void flush() throws IOException {
    ensureOpen();
    writeWholeBlocks();
  }

  private void writeWholeBlocks() throws IOException {
    int filled = buffer.position();
    int whole = filled - filled % block;
    if (whole == 0) {
      return;
    }
    ByteBuffer out = buffer.duplicate().position(0).limit(whole);
    while (out.hasRemaining()) {
      if (buffered) {
        position += tail.write(out, position);
        continue;
      }
      try {
        position += direct.write(out, position);
      } catch (IOException e) {
        if (position != 0) {
          throw e;
        }
        // Some file systems accept O_DIRECT at open and refuse the first write (EINVAL): write
        // through the page cache from here on.
        buffered = true;
      }
    }
    buffer.limit(filled).position(whole);
    buffer.compact();
    buffer.limit(BUFFER_SIZE);
  }

  /**
   * Writes every byte still buffered (the last, partial block through the ordinary channel) and
   * closes the direct channel. The caller then forces and closes {@code tail}.
   */
  void finish() throws IOException {
    ensureOpen();
    writeWholeBlocks();
    finished = true;
    direct.close();
    buffer.flip();
    while (buffer.hasRemaining()) {
      position += tail.write(buffer, position);
    }
    buffer.clear();
  }

  /** Bytes written to the file so far. */
  long position() {
    return position;
  }

  private void ensureOpen() throws IOException {
    if (finished) {
      throw new IOException("the direct output is already finished");
    }
  }

  /** Closes the direct channel without writing what is buffered (the caller discards the file). */
  @Override
  public void close() throws IOException {
    finished = true;
    direct.close();
  }
}
