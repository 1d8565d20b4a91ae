/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
/**
 * The node's stream handlers for Cairn's protocols ({@code /cairn/store/1.0.0}, {@code
 * /cairn/retrieve/1.0.0}, {@code /cairn/audit/1.0.0}, {@code /cairn/peers/1.0.0}): they read one
 * framed request, call the services of {@code io.cairn.node.service}, and write the answer.
 * Register them on a host with {@link io.cairn.node.handler.NodeHandlers}.
 */
package io.cairn.node.handler;
