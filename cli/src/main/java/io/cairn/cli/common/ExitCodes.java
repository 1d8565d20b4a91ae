/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.common;

import io.cairn.client.engine.TransportException;
import io.cairn.client.engine.UploadException;
import io.cairn.client.manifest.ManifestException;
import io.cairn.client.pipeline.NotEnoughShardsException;
import io.cairn.client.placement.PlacementException;
import io.cairn.p2p.P2pException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The exit codes of every {@code cairn} command, and the one place that maps a failure to its code
 * and its one-line message ({@link #classify}). Scripts may rely on these numbers; they are listed
 * in {@code docs/cli.md}.
 */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;

  /** Any failure without a more specific code: I/O errors, missing files, internal errors. */
  public static final int FAILURE = 1;

  /** The command line is wrong: unknown option, missing argument, no password source (picocli). */
  public static final int USAGE = 2;

  /** The password does not match the manifest's password check. */
  public static final int WRONG_PASSWORD = 3;

  /** The manifest is tampered with, corrupted, malformed or of an unsupported version. */
  public static final int MANIFEST_INVALID = 4;

  /** A size or count limit was exceeded (manifest larger than 16 MiB, too many shards, ...). */
  public static final int LIMIT_EXCEEDED = 5;

  /** No network: nodes unreachable, no network file, or too few nodes to place the shards. */
  public static final int NETWORK_UNAVAILABLE = 6;

  /** Too few good shards of a segment could be had: the data cannot be rebuilt now. */
  public static final int DATA_UNRECOVERABLE = 7;

  /** An audit ran and at least one shard failed it. */
  public static final int AUDIT_FAILED = 8;

  /** Interrupted (Ctrl-C), as shells report SIGINT: 128 + 2. */
  public static final int INTERRUPTED = 130;

  private ExitCodes() {}

  /**
   * A failure as the user sees it.
   *
   * @param code the exit code
   * @param name a stable upper-case name for scripts and reports ({@code WRONG_PASSWORD}, {@code
   *     TAMPERED}, {@code NO_SUCH_FILE}, ...)
   * @param message one line, without the {@code cairn: error:} prefix
   * @param expected whether this is an outcome a user can cause (bad input, missing file), as
   *     opposed to a bug; only unexpected failures suggest {@code --verbose}
   */
  public record Failure(int code, String name, String message, boolean expected) {
    public Failure {
      if (code <= 0 || code > 255) {
        throw new IllegalArgumentException("exit code must be 1..255, got " + code);
      }
      if (name == null || name.isEmpty() || message == null) {
        throw new IllegalArgumentException("a failure needs a name and a message");
      }
      message = oneLine(message);
    }
  }

  /** Maps a failure to its exit code and message; causes of wrapper exceptions are unwrapped. */
  public static Failure classify(Throwable error) {
    Throwable e = unwrap(error);
    return switch (e) {
      case CliException c -> new Failure(c.exitCode(), c.name(), c.getMessage(), true);
      case ManifestException m -> manifest(m);
      case NotEnoughShardsException n ->
          new Failure(
              DATA_UNRECOVERABLE,
              "DATA_UNRECOVERABLE",
              "cannot rebuild the data: " + n.getMessage(),
              true);
      case UploadException u ->
          new Failure(
              NETWORK_UNAVAILABLE, "UPLOAD_FAILED", "upload failed: " + u.getMessage(), true);
      case TransportException t ->
          new Failure(
              NETWORK_UNAVAILABLE,
              "NETWORK_" + t.kind().name(),
              "network: " + t.getMessage(),
              true);
      case PlacementException p ->
          new Failure(
              NETWORK_UNAVAILABLE,
              "NOT_ENOUGH_NODES",
              "cannot place shards: " + p.getMessage(),
              true);
      case P2pException p ->
          new Failure(
              NETWORK_UNAVAILABLE,
              "NETWORK_" + p.reason().name(),
              "network: " + p.getMessage(),
              true);
      case ConnectException c -> network("cannot connect: " + c.getMessage());
      case NoRouteToHostException c -> network("no route to host: " + c.getMessage());
      case UnknownHostException c -> network("unknown host: " + c.getMessage());
      case SocketTimeoutException c -> network("timed out: " + c.getMessage());
      case NoSuchFileException f ->
          new Failure(FAILURE, "NO_SUCH_FILE", f.getFile() + ": no such file" + why(f), true);
      case AccessDeniedException f ->
          new Failure(FAILURE, "ACCESS_DENIED", f.getFile() + ": permission denied", true);
      case FileAlreadyExistsException f ->
          new Failure(
              FAILURE,
              "FILE_EXISTS",
              f.getFile() + ": " + (f.getReason() == null ? "already exists" : f.getReason()),
              true);
      case NotDirectoryException f ->
          new Failure(FAILURE, "NOT_A_DIRECTORY", f.getFile() + ": not a directory", true);
      case IOException io -> new Failure(FAILURE, "IO_ERROR", describe(io), true);
      case InterruptedException _ -> new Failure(INTERRUPTED, "INTERRUPTED", "interrupted", true);
      default -> new Failure(FAILURE, "INTERNAL_ERROR", "internal error: " + e, false);
    };
  }

  private static Failure manifest(ManifestException m) {
    int code =
        switch (m.reason()) {
          case WRONG_PASSWORD -> WRONG_PASSWORD;
          case TOO_LARGE, LIMIT_EXCEEDED -> LIMIT_EXCEEDED;
          case MALFORMED, HASH_MISMATCH, MERKLE_MISMATCH, TAMPERED, UNSUPPORTED_VERSION ->
              MANIFEST_INVALID;
        };
    return new Failure(code, m.reason().name(), m.getMessage(), true);
  }

  private static Failure network(String message) {
    return new Failure(NETWORK_UNAVAILABLE, "NETWORK_UNREACHABLE", message, true);
  }

  private static Throwable unwrap(Throwable error) {
    Throwable e = error;
    for (int i = 0; i < 8 && e.getCause() != null; i++) {
      if (e instanceof UncheckedIOException
          || e instanceof ExecutionException
          || e instanceof CompletionException
          || (e.getClass() == IOException.class && isClassified(e.getCause()))
          || e.getClass() == RuntimeException.class) {
        e = e.getCause();
      } else {
        break;
      }
    }
    return e;
  }

  /** A plain IOException wrapping a known failure (as stream callbacks must) reports the cause. */
  private static boolean isClassified(Throwable cause) {
    return cause instanceof ManifestException
        || cause instanceof CliException
        || cause instanceof PlacementException
        || cause instanceof IOException;
  }

  private static String why(java.nio.file.FileSystemException e) {
    return e.getReason() == null ? "" : " (" + e.getReason() + ")";
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private static String oneLine(String message) {
    String m = message.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl).strip() + " ...";
  }
}
