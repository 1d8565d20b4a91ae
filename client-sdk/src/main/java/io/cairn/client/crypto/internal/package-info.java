/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
/** Primitives behind {@code io.cairn.client.crypto}: not API, may change without notice. */
package io.cairn.client.crypto.internal;
