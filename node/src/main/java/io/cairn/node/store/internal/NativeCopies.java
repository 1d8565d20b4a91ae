/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes copies of RocksDB's native library that earlier processes left in the temporary folder.
 *
 * <p>RocksJava copies its 15 MB library into {@code java.io.tmpdir} at every start and deletes it
 * at a normal exit; a process killed with SIGKILL (or a crash) leaves it behind, and a test suite
 * that kills nodes on purpose soon leaves gigabytes. On Linux a loaded library stays mapped after
 * its file is deleted, so removing a copy still in use by a running node does no harm; only a copy
 * being extracted at this instant must be spared, hence the minimum age.
 */
final class NativeCopies {
  private static final Logger LOG = LoggerFactory.getLogger(NativeCopies.class);
  static final Duration MIN_AGE = Duration.ofMinutes(10);

  private NativeCopies() {}

  /** Deletes this user's {@code librocksdbjni*.so} copies in {@code dir} older than {@code age}. */
  static int sweep(Path dir, Duration age, Instant now) {
    if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
      return 0;
    }
    String user = System.getProperty("user.name", "");
    FileTime cutoff = FileTime.from(now.minus(age));
    int removed = 0;
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "librocksdbjni*.so")) {
      for (Path p : s) {
        try {
          if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
              && Files.getLastModifiedTime(p).compareTo(cutoff) < 0
              && Files.getOwner(p).getName().equals(user)) {
            Files.delete(p);
            removed++;
          }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
          // Someone else's, or gone already: leave it.
        }
      }
    } catch (IOException | SecurityException e) {
      return removed;
    }
    if (removed > 0) {
      LOG.info("Removed {} stale copies of the RocksDB native library from {}", removed, dir);
    }
    return removed;
  }

  /** {@link #sweep} over {@code java.io.tmpdir}, never failing. */
  static void sweepTemp() {
    try {
      sweep(Path.of(System.getProperty("java.io.tmpdir")), MIN_AGE, Instant.now());
    } catch (RuntimeException e) {
      // Housekeeping only.
    }
  }
}
