/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
/**
 * The node's storage layer: shards keyed by CID with quota accounting, audit-nonce memory, and the
 * database that holds them ({@link io.cairn.node.store.NodeDatabase}). RocksDB types never appear
 * here: they stay in {@code internal}.
 */
package io.cairn.node.store;
