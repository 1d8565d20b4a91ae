/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
/**
 * The storage node daemon: {@link io.cairn.node.daemon.NodeDaemon} wires identity, database, libp2p
 * host, protocol handlers, metrics endpoint and bootstrap dialing together and shuts them down in
 * order; {@link io.cairn.node.daemon.NodeLauncher} runs one in the foreground until SIGTERM.
 */
package io.cairn.node.daemon;
