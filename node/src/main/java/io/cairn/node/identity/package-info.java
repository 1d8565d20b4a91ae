/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
/** The node's persistent Ed25519 identity key. */
package io.cairn.node.identity;
