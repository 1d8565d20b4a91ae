/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.manifest.internal;

import io.cairn.client.manifest.ManifestException;
import io.cairn.client.manifest.ManifestException.Reason;
import java.util.Objects;

/**
 * What a manifest record constructor throws when a value breaks a rule: an {@link
 * IllegalArgumentException} (so code that builds records by hand sees the usual unchecked error)
 * that also carries the {@link Reason}, so the decoder and the builder can turn it into a {@link
 * ManifestException} with the right reason and the same message.
 */
public final class ManifestViolation extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final Reason reason;

  public ManifestViolation(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public static ManifestViolation malformed(String message) {
    return new ManifestViolation(Reason.MALFORMED, message);
  }

  /**
   * A count over its limit: {@code "<subject> has <value> <noun>; the limit is <limit>"}, as in
   * {@code "manifest has 250001 shards; the limit is 250000"}.
   */
  public static ManifestViolation overLimit(String subject, long value, String noun, long limit) {
    return new ManifestViolation(
        Reason.LIMIT_EXCEEDED, subject + " has " + value + " " + noun + "; the limit is " + limit);
  }

  /** A length over its limit: {@code "<field> is <n> bytes; the limit is <limit> bytes"}. */
  public static ManifestViolation tooLong(String field, long length, long limit) {
    return new ManifestViolation(
        Reason.LIMIT_EXCEEDED,
        field + " is " + length + " bytes; the limit is " + limit + " bytes");
  }

  public Reason reason() {
    return reason;
  }

  public ManifestException toChecked() {
    return new ManifestException(reason, getMessage(), this);
  }

  /**
   * The checked form of any {@link IllegalArgumentException} raised while turning untrusted input
   * into records: a violation keeps its reason; anything else (a CID or peer id that does not
   * parse) is {@link Reason#MALFORMED}, prefixed with {@code context}.
   */
  public static ManifestException toChecked(IllegalArgumentException e, String context) {
    if (e instanceof ManifestViolation v) {
      return v.toChecked();
    }
    String message = context.isEmpty() ? e.getMessage() : context + ": " + e.getMessage();
    return new ManifestException(Reason.MALFORMED, message, e);
  }
}
