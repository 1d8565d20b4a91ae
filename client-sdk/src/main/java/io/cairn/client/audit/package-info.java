/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
/**
 * Audit vectors: the client's precomputed challenges for proof of storage (DESIGN.md, "Upload" step
 * 8 and "Audit"; the byte-exact specification is {@code docs/audit.md}).
 *
 * <p>{@link io.cairn.client.audit.AuditSampler} is the one function both sides share: the client
 * runs it at upload time to compute each round's expected hash, and the node runs it on its stored
 * copy to answer a challenge. {@link io.cairn.client.audit.AuditVectors} draws the rounds and
 * {@link io.cairn.client.audit.AuditCheck} judges an answer.
 */
package io.cairn.client.audit;
