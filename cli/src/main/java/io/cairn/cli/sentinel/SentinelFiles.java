/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.sentinel;

import io.cairn.sentinel.Evidence;
import io.cairn.sentinel.EvidenceCodec;
import io.cairn.sentinel.Policy;
import io.cairn.sentinel.Sentinel;
import io.cairn.sentinel.SentinelFormatException;
import io.cairn.sentinel.SentinelStore;
import io.cairn.sentinel.TimeSource;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Where the client keeps the sentinel between runs, and how it reads and writes it: the state in
 * {@code ~/.cairn/sentinel.json}, an optional policy in {@code ~/.cairn/sentinel-policy.properties}
 * (defaults when absent). Engines that produce evidence load the state, record into it, and save it
 * back with {@link #save}, which replaces the file atomically.
 */
public final class SentinelFiles {
  private SentinelFiles() {}

  /** Most events an evidence file may hold. */
  public static final int MAX_EVIDENCE_FILE_EVENTS = 10_000_000;

  /** {@code ~/.cairn}. */
  public static Path home() {
    return Path.of(System.getProperty("user.home"), ".cairn");
  }

  /** {@code ~/.cairn/sentinel.json}. */
  public static Path defaultState() {
    return home().resolve("sentinel.json");
  }

  /** {@code ~/.cairn/sentinel-policy.properties}. */
  public static Path defaultPolicy() {
    return home().resolve("sentinel-policy.properties");
  }

  /**
   * Reads a policy file; with {@code file == null}, the default policy file if it exists, else the
   * built-in defaults.
   */
  public static Policy loadPolicy(Path file) throws IOException, SentinelFormatException {
    Path f = file;
    if (f == null) {
      f = defaultPolicy();
      if (!Files.exists(f)) {
        return Policy.defaults();
      }
    }
    try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
      return Policy.parse(r);
    } catch (SentinelFormatException e) {
      throw new SentinelFormatException(f + ": " + e.getMessage(), e);
    }
  }

  /** Reads the saved state, or returns an empty sentinel if there is no file yet. */
  public static Sentinel loadState(Path file, Policy policy, TimeSource time)
      throws IOException, SentinelFormatException {
    if (!Files.exists(file)) {
      return new Sentinel(policy, time);
    }
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return SentinelStore.read(r, policy, time);
    } catch (SentinelFormatException e) {
      throw new SentinelFormatException(file + ": " + e.getMessage(), e);
    }
  }

  /** Saves the state: written to a temporary file beside it, then moved over it. */
  public static void save(Sentinel sentinel, Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        SentinelStore.write(sentinel, w);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Reads an evidence file (JSON lines). */
  public static List<Evidence> loadEvidence(Path file) throws IOException, SentinelFormatException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return EvidenceCodec.read(r, MAX_EVIDENCE_FILE_EVENTS);
    } catch (SentinelFormatException e) {
      throw new SentinelFormatException(file + ": " + e.getMessage(), e);
    }
  }
}
