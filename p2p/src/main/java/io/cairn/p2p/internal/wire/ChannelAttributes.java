/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.wire;

import io.netty.util.AttributeKey;

/** Attributes a connection's channel carries. */
public final class ChannelAttributes {
  /** Why the connection was closed by us, for the error that pending operations report. */
  public static final AttributeKey<String> CLOSE_REASON = AttributeKey.valueOf("cairn.closeReason");

  private ChannelAttributes() {}
}
