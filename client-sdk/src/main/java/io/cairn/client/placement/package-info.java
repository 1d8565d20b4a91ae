/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
/**
 * Shard placement by rendezvous (highest-random-weight) hashing (DESIGN.md, "Upload" step 6; the
 * full rules are in {@code docs/placement.md}).
 *
 * <p>{@link io.cairn.client.placement.Placement} ranks peers per shard CID and turns the ranking
 * and a {@link io.cairn.client.placement.PlacementPolicy} snapshot into a {@link
 * io.cairn.client.placement.PlacementPlan}: the chosen peers, the deterministic fallbacks, and a
 * trace of why each higher-ranked peer was passed over.
 */
package io.cairn.client.placement;
