/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
/** Implementation details of the engines: answer checks, the upload run, the shard fetcher. */
package io.cairn.client.engine.internal;
