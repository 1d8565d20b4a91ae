/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
/** The node's persisted, bounded table of known peers. */
package io.cairn.node.peers;
