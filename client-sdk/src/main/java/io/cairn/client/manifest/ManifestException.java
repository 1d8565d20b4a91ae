/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.manifest;

import java.util.Objects;

/**
 * Why a manifest was refused: the one checked exception of manifest decoding, validation,
 * authentication, building and migration. The {@link Reason} says what is wrong; the message names
 * the field or limit and the values involved (for example {@code "manifest has 250001 shards; the
 * limit is 250000"}). Messages never contain key material.
 *
 * <p>The core only reports; the caller (CLI, gateway) decides what to do with each reason, for
 * example asking for the password again on {@link Reason#WRONG_PASSWORD}.
 */
public final class ManifestException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What is wrong, in the order the checks run (see {@link ManifestCodec#decode(byte[])}). */
  public enum Reason {
    /** The encoded manifest (or legacy JSON document) is larger than the 16 MiB limit. */
    TOO_LARGE,
    /** A count or length exceeds its limit (shards, peers or audit rounds per shard, …). */
    LIMIT_EXCEEDED,
    /** The bytes are not a well-formed manifest (truncated, bad field, inconsistent structure). */
    MALFORMED,
    /** The stored manifest hash is not the SHA-256 of the content: corrupted or edited. */
    HASH_MISMATCH,
    /** The stored Merkle root does not match the shard CIDs. */
    MERKLE_MISMATCH,
    /** The password does not match the manifest's password check value. */
    WRONG_PASSWORD,
    /** The password is right but the auth tag does not verify: the manifest was altered. */
    TAMPERED,
    /** A format version this build does not read (including legacy v0 JSON given to decode). */
    UNSUPPORTED_VERSION
  }

  private final Reason reason;

  public ManifestException(Reason reason, String message) {
    super(Objects.requireNonNull(message, "message"));
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public ManifestException(Reason reason, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }

  @Override
  public String toString() {
    return "ManifestException[" + reason + "]: " + getMessage();
  }
}
