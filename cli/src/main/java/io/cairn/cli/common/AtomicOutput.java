/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.common;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a file so that nothing half-written is ever left under its name: the bytes go to {@code
 * FILE.partial} in the same directory; {@link #commit()} flushes, fsyncs and renames it to {@code
 * FILE} in one atomic step (then fsyncs the directory); closing without a commit, or the JVM
 * exiting first (Ctrl-C), deletes the partial file.
 *
 * <pre>{@code
 * try (AtomicOutput out = AtomicOutput.create(target, force)) {
 *   write(out.stream());
 *   out.commit();
 * }
 * }</pre>
 *
 * <p>Without {@code overwrite}, an existing {@code FILE} is refused when the output is created
 * (before any work) and again at the commit, which on POSIX links the file into place so that a
 * file that appeared meanwhile is not replaced either. Not thread-safe.
 */
public final class AtomicOutput implements AutoCloseable {
  /** Appended to the target's name for the file being written. */
  public static final String SUFFIX = ".partial";

  private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform()
                .name("cairn-partial-cleanup")
                .unstarted(
                    () -> {
                      for (Path p : PENDING) {
                        try {
                          Files.deleteIfExists(p);
                        } catch (IOException e) {
                          // Best effort while the JVM goes down.
                        }
                      }
                    }));
  }

  private final Path target;
  private final Path partial;
  private final boolean overwrite;
  private final FileChannel channel;
  private final DirectWriteStream direct;
  private final OutputStream stream;
  private boolean committed;
  private boolean closed;

  private AtomicOutput(
      Path target, Path partial, boolean overwrite, FileChannel channel, DirectWriteStream direct) {
    this.target = target;
    this.partial = partial;
    this.overwrite = overwrite;
    this.channel = channel;
    this.direct = direct;
    // Closing the stream does not close the channel: commit and close own it.
    this.stream =
        new FilterOutputStream(direct != null ? direct : Channels.newOutputStream(channel)) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
          }

          @Override
          public void close() throws IOException {
            flush();
          }
        };
  }

  /**
   * Starts writing {@code target}. A {@code target.partial} left by an interrupted run is replaced.
   *
   * @throws FileAlreadyExistsException if {@code target} exists and {@code overwrite} is false
   */
  public static AtomicOutput create(Path target, boolean overwrite) throws IOException {
    return create(target, overwrite, false);
  }

  /**
   * Like {@link #create(Path, boolean)} for a large file written once from start to end (a restored
   * file): whole blocks bypass the page cache where the file system supports direct I/O ({@link
   * DirectWriteStream}), and go through it otherwise.
   */
  public static AtomicOutput createLarge(Path target, boolean overwrite) throws IOException {
    return create(target, overwrite, true);
  }

  private static AtomicOutput create(Path target, boolean overwrite, boolean large)
      throws IOException {
    Objects.requireNonNull(target, "target");
    Path absolute = target.toAbsolutePath();
    if (absolute.getFileName() == null) {
      throw new IOException(target + " is not a file name");
    }
    if (Files.isDirectory(absolute)) {
      throw new IOException(target + " is a directory");
    }
    if (!overwrite && Files.exists(absolute)) {
      throw new FileAlreadyExistsException(
          target.toString(), null, "already exists (use --force to replace it)");
    }
    Path partial = absolute.resolveSibling(absolute.getFileName() + SUFFIX);
    PENDING.add(partial);
    try {
      FileChannel channel =
          FileChannel.open(
              partial,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE);
      DirectWriteStream direct =
          large ? DirectWriteStream.open(partial, channel).orElse(null) : null;
      return new AtomicOutput(absolute, partial, overwrite, channel, direct);
    } catch (IOException | RuntimeException e) {
      PENDING.remove(partial);
      throw e;
    }
  }

  /** Writes {@code bytes} to {@code target} atomically. */
  public static void write(Path target, byte[] bytes, boolean overwrite) throws IOException {
    try (AtomicOutput out = create(target, overwrite)) {
      out.stream().write(bytes);
      out.commit();
    }
  }

  /** The stream to write to. Closing it is allowed and does nothing but flush. */
  public OutputStream stream() {
    return stream;
  }

  /**
   * Whether whole blocks bypass the page cache ({@link #createLarge} on a file system that can).
   */
  boolean isDirect() {
    return direct != null;
  }

  /** The file that {@link #commit()} creates. */
  public Path target() {
    return target;
  }

  /** The file being written. */
  public Path partial() {
    return partial;
  }

  /**
   * Flushes and fsyncs the partial file, then moves it to the target in one step and fsyncs the
   * directory. On failure the partial file is deleted.
   */
  public void commit() throws IOException {
    if (closed) {
      throw new IllegalStateException("output already " + (committed ? "committed" : "closed"));
    }
    boolean done = false;
    try {
      stream.flush();
      if (direct != null) {
        direct.finish();
      }
      channel.force(true);
      channel.close();
      if (overwrite) {
        move();
      } else {
        linkNoReplace();
      }
      committed = true;
      done = true;
      syncDirectory(target.getParent());
    } finally {
      if (!done) {
        close();
      } else {
        closed = true;
        PENDING.remove(partial);
      }
    }
  }

  private void move() throws IOException {
    try {
      Files.move(
          partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** A hard link fails if the target exists, where a rename would replace it. */
  private void linkNoReplace() throws IOException {
    try {
      Files.createLink(target, partial);
    } catch (FileAlreadyExistsException e) {
      throw new FileAlreadyExistsException(
          target.toString(), null, "appeared while it was being written; not replaced");
    } catch (UnsupportedOperationException | IOException e) {
      if (Files.exists(target)) {
        throw new FileAlreadyExistsException(target.toString());
      }
      move();
      return;
    }
    Files.delete(partial);
  }

  private static void syncDirectory(Path dir) {
    if (dir == null) {
      return;
    }
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Some platforms cannot open a directory; the rename itself is still atomic.
    }
  }

  /** Without a commit: closes and deletes the partial file. After a commit: nothing. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (direct != null) {
        direct.close();
      }
      channel.close();
    } finally {
      Files.deleteIfExists(partial);
      PENDING.remove(partial);
    }
  }
}
