/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
/**
 * What the node's request handlers call: store, retrieve and delete services that take
 * protocol-level values and return result values.
 */
package io.cairn.node.service;
