/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.service;

import io.cairn.node.metrics.HealthStatus;
import io.cairn.node.store.NodeDatabase;
import io.cairn.node.store.ShardStore;
import io.cairn.protocol.PeerId;
import java.util.function.Supplier;

/** The health the operator endpoint reports: up while the database is open. */
public final class NodeHealth {
  private NodeHealth() {}

  public static Supplier<HealthStatus> of(PeerId node, NodeDatabase db) {
    String id = node.toString();
    return () -> {
      ShardStore s = db.shards();
      return new HealthStatus(db.isOpen(), id, s.usedBytes(), s.quotaBytes(), s.shardCount());
    };
  }
}
