/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
/**
 * The client's protocol engines (DESIGN.md, "The protocol loop"): {@link
 * io.cairn.client.engine.UploadEngine}, {@link io.cairn.client.engine.RetrieveEngine} and {@link
 * io.cairn.client.engine.AuditEngine}, written against the {@link
 * io.cairn.client.engine.ShardTransport} interface (implemented by the {@code p2p} module) and a
 * {@link io.cairn.client.engine.PeerDirectory}. They run blocking transport calls on virtual
 * threads with bounded concurrency, verify every signed answer before trusting it, fall back from
 * one peer to the next, and report what happened three ways: a report per run, {@link
 * io.cairn.client.trace.TraceEvent}s for people and the dashboard, and one {@link
 * io.cairn.client.engine.NodeObservation} per exchange for the sentinel.
 */
package io.cairn.client.engine;
