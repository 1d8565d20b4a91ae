/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
/**
 * The file manifest: the {@link io.cairn.client.manifest.Manifest} record and its parts, the
 * canonical binary {@link io.cairn.client.manifest.ManifestCodec} with the read-side validation
 * order (limits, structure, hash, Merkle root, password check, auth tag), the {@link
 * io.cairn.client.manifest.ManifestBuilder} the upload pipeline fills, the RFC 6962 {@link
 * io.cairn.client.manifest.MerkleTree} over shard CIDs, and the reading and {@link
 * io.cairn.client.manifest.ManifestMigration migration} of legacy v0 JSON manifests. The format is
 * specified in {@code docs/manifest.md}.
 */
package io.cairn.client.manifest;
