/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.manifest;

import io.cairn.client.manifest.internal.Checks;
import io.cairn.client.manifest.internal.ManifestViolation;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.PeerId;

/**
 * A storage receipt as the manifest keeps it: the node that signed it and the receipt's canonical
 * signed bytes, opaque here (the protocol module defines and verifies the receipt message), so that
 * the manifest format does not change when the receipt message does.
 *
 * @param node the signing node; must be in the shard's placement
 * @param signed the receipt's canonical signed encoding, 1 to {@link
 *     ManifestLimits#MAX_RECEIPT_BYTES} bytes
 */
public record ShardReceipt(PeerId node, Bytes signed) {
  public ShardReceipt {
    Checks.notNull(node, "receipt node");
    Checks.notNull(signed, "receipt bytes");
    if (signed.isEmpty()) {
      throw ManifestViolation.malformed("receipt bytes are empty");
    }
    if (signed.size() > ManifestLimits.MAX_RECEIPT_BYTES) {
      throw ManifestViolation.tooLong("receipt", signed.size(), ManifestLimits.MAX_RECEIPT_BYTES);
    }
  }
}
