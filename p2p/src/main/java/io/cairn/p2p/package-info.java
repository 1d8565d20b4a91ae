/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
/**
 * The libp2p subset Cairn speaks, on Netty: TCP, multistream-select 1.0, {@code /noise}, {@code
 * /yamux/1.0.0}, {@code /ipfs/ping/1.0.0}, and blocking-friendly streams for Cairn's own protocols.
 *
 * <p>Start a {@link io.cairn.p2p.Host}, register {@link io.cairn.p2p.StreamHandler}s for protocol
 * ids, and open {@link io.cairn.p2p.P2pStream}s to peers. Everything under {@code internal} is an
 * implementation detail.
 */
package io.cairn.p2p;
