/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
/**
 * Cairn's own protocols over a libp2p {@link io.cairn.p2p.Host}: the requester's side ({@link
 * io.cairn.p2p.cairn.CairnClient}) and the stream framing both sides share ({@link
 * io.cairn.p2p.cairn.CairnFrames}). The node's side lives in the node module.
 */
package io.cairn.p2p.cairn;
