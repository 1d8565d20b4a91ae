/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel;

/** Which signed message failed its signature check ({@link Evidence.BadSignature}). */
public enum SignedMessage {
  /** A store receipt. */
  RECEIPT,
  /** A retrieval proof. */
  RETRIEVAL_PROOF,
  /** An audit response. */
  AUDIT_RESPONSE
}
