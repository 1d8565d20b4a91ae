/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store.internal;

import java.nio.charset.StandardCharsets;

/**
 * The column families of a node's database. Names are on disk: never rename one without a
 * migration.
 */
enum Column {
  /** CID binary (36 bytes) → shard bytes. Large values: stored in blob files. */
  SHARDS("shards"),
  /** CID binary → {@link MetaRecord} (size, stored-at, owners). */
  META("meta"),
  /** CID binary → {@link QuarantineRecord}: shards that failed their CID check on read. */
  QUARANTINE("quarantine"),
  /** CID binary ‖ round nonce → answered-at millis: audit rounds already answered. */
  AUDIT_NONCES("audit-nonces"),
  /** counter name → unsigned 64-bit little-endian, updated with the uint64add merge operator. */
  COUNTERS("counters"),
  /** peer id binary → {@link PeerCodec} record. */
  PEERS("peers");

  private final String dbName;

  Column(String dbName) {
    this.dbName = dbName;
  }

  byte[] nameBytes() {
    return dbName.getBytes(StandardCharsets.UTF_8);
  }

  String dbName() {
    return dbName;
  }
}
