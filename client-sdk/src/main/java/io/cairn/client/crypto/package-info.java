/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
/**
 * Client-side keys and segment sealing: the Argon2id + HKDF key schedule ({@link
 * io.cairn.client.crypto.KeySchedule}, {@link io.cairn.client.crypto.RootKey}), the segmenter and
 * the AES-256-GCM segment cipher. Keys never leave the client and never appear in a {@code
 * toString()}. The byte layouts are in docs/crypto.md.
 */
package io.cairn.client.crypto;
