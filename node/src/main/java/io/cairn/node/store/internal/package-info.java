/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
/**
 * RocksDB implementation of the store. The only package allowed to import {@code org.rocksdb};
 * every native object is owned by a {@code ManagedObject} and closed in {@code finally}.
 */
package io.cairn.node.store.internal;
