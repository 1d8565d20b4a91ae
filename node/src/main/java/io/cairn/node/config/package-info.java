/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
/** Node settings from {@code node.properties} and command-line flags. */
package io.cairn.node.config;
