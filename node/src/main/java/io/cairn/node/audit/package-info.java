/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
/** Answers audit challenges from the shard store with the sampler shared with the client. */
package io.cairn.node.audit;
