/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
/**
 * The Cairn storage node (DESIGN.md, "Node"): shard store with quotas, audit responder, identity
 * key, configuration, peer table and metrics. The network handlers that expose these over libp2p
 * streams live with the p2p wiring and call the services in {@code io.cairn.node.service}.
 */
package io.cairn.node;
