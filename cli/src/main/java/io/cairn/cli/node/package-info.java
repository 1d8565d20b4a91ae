/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
/** {@code cairn node run|id}: the storage node daemon on the command line. */
package io.cairn.cli.node;
