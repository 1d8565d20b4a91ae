/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
/**
 * The user loop on the command line: {@code cairn upload}, {@code retrieve} and {@code audit} run
 * the client SDK's engines over libp2p ({@link io.cairn.cli.loop.ClientSession}), feed what they
 * observe to the sentinel and place by its view ({@link io.cairn.cli.loop.ClientSentinel}), and
 * write the {@code --report} documents; {@code cairn bench-e2e} measures the whole loop on a fresh
 * local network beside this machine's disk and loopback limits.
 */
package io.cairn.cli.loop;
