/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.message;

import io.cairn.protocol.Bytes;
import io.cairn.protocol.Protocols;

/** Constructor checks shared by the message records; each failure names the field. */
final class Messages {
  private Messages() {}

  static void checkSize(long size, String field) {
    if (size < 0 || size > Protocols.MAX_SHARD_SIZE) {
      throw new IllegalArgumentException(
          field + " must be in 0.." + Protocols.MAX_SHARD_SIZE + ", got " + size);
    }
  }

  static void checkTime(long millis, String field) {
    if (millis < 0) {
      throw new IllegalArgumentException(field + " must not be negative: " + millis);
    }
  }

  static void checkSignature(Bytes signature, String field) {
    checkLength(signature, Protocols.SIGNATURE_LENGTH, field);
  }

  static void checkNonce(Bytes nonce, String field) {
    checkLength(nonce, Protocols.NONCE_LENGTH, field);
  }

  static void checkLength(Bytes b, int length, String field) {
    java.util.Objects.requireNonNull(b, field);
    if (b.size() != length) {
      throw new IllegalArgumentException(field + " must be " + length + " bytes, got " + b.size());
    }
  }
}
