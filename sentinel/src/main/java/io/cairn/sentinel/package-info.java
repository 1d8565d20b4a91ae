/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
/**
 * The sentinel: a pure reputation and anomaly policy engine over an injected clock (DESIGN.md,
 * "Sentinel"; {@code docs/sentinel.md}).
 *
 * <p>Feed it {@link io.cairn.sentinel.Evidence} with {@link io.cairn.sentinel.Sentinel#record}; ask
 * {@link io.cairn.sentinel.Sentinel#placementView()} whom to skip and whom to rank lower, and
 * {@link io.cairn.sentinel.Sentinel#pendingReaudits} which shards to audit first. Every state
 * change is a {@link io.cairn.sentinel.Transition} with its reason. The {@link
 * io.cairn.sentinel.Policy} is a documented file; {@link io.cairn.sentinel.DryRun} shows what
 * changing it would do; {@link io.cairn.sentinel.SentinelStore} keeps the state between runs. The
 * {@code sim} package proves the defaults on a seeded network of honest, flaky, slow and dishonest
 * nodes.
 */
package io.cairn.sentinel;
