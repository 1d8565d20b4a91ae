/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store.internal;

import io.cairn.protocol.Cid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Operator-facing events of the store, one named method each. */
final class StoreLog {
  private static final Logger LOG = LoggerFactory.getLogger("io.cairn.node.store");

  private StoreLog() {}

  /** A shard failed its check on read and was quarantined: data on this disk went bad. */
  static void onShardQuarantined(Cid cid, String reason, long size) {
    LOG.error(
        "Shard {} ({} bytes) failed its integrity check and was moved to quarantine: {}."
            + " It will not be served; check the disk.",
        cid,
        size,
        reason);
  }

  /** The persisted counters disagreed with the metadata and were rewritten. */
  static void onCountersRepaired(
      long usedWas, long usedIs, long countWas, long countIs, long qBytesWas, long qBytesIs) {
    LOG.warn(
        "Usage counters did not match the stored shards and were repaired:"
            + " used bytes {} -> {}, shards {} -> {}, quarantined bytes {} -> {}",
        usedWas,
        usedIs,
        countWas,
        countIs,
        qBytesWas,
        qBytesIs);
  }

  static void onOpened(String dir, long shards, long usedBytes, long quotaBytes) {
    LOG.info(
        "Opened shard store in {}: {} shards, {} of {} bytes used",
        dir,
        shards,
        usedBytes,
        quotaBytes);
  }

  static void onOverQuota(long usedBytes, long quotaBytes) {
    LOG.warn(
        "The store holds {} bytes, more than the quota of {} bytes: new shards are refused until"
            + " enough are deleted",
        usedBytes,
        quotaBytes);
  }

  /** Blob files were rewritten without the deleted shards. */
  static void onSpaceReclaimed(long garbageBytes, long millis) {
    LOG.info(
        "Reclaimed the space of {} bytes of deleted shards from the blob files in {} ms",
        garbageBytes,
        millis);
  }

  /** A space reclaim failed or was cancelled by shutdown; the next delete tries again. */
  static void onReclaimFailed(Exception e) {
    LOG.warn("Reclaiming the space of deleted shards did not finish: {}", e.getMessage());
  }

  /** The operator purged the quarantine. */
  static void onQuarantinePurged(int records) {
    LOG.info("Purged {} quarantined shard(s) and reclaimed their space", records);
  }
}
