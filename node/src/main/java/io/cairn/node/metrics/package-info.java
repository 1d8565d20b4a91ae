/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
/** A small Prometheus registry and the operator's {@code /metrics} and {@code /health} endpoint. */
package io.cairn.node.metrics;
