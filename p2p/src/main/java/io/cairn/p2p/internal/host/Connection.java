/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.host;

import io.cairn.p2p.internal.yamux.YamuxSession;
import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.PeerId;
import io.netty.channel.Channel;

/** One secured, multiplexed connection to a peer. */
public final class Connection {
  private final Channel channel;
  private final PeerId remotePeer;
  private final Multiaddr remoteAddress;
  private final boolean inbound;
  private final YamuxSession session;
  private final boolean muxerInlined;
  private volatile long idleSinceNanos = System.nanoTime();

  Connection(
      Channel channel,
      PeerId remotePeer,
      Multiaddr remoteAddress,
      boolean inbound,
      YamuxSession session,
      boolean muxerInlined) {
    this.channel = channel;
    this.remotePeer = remotePeer;
    this.remoteAddress = remoteAddress;
    this.inbound = inbound;
    this.session = session;
    this.muxerInlined = muxerInlined;
  }

  /** True if the muxer was chosen inside the Noise handshake, without multistream-select. */
  public boolean isMuxerInlined() {
    return muxerInlined;
  }

  public Channel channel() {
    return channel;
  }

  public PeerId remotePeer() {
    return remotePeer;
  }

  public Multiaddr remoteAddress() {
    return remoteAddress;
  }

  public boolean isInbound() {
    return inbound;
  }

  public YamuxSession session() {
    return session;
  }

  public boolean isUsable() {
    return channel.isActive() && session.isUsable();
  }

  /** Called by the idle sweep: true once the connection had no stream for {@code idleNanos}. */
  boolean idleFor(long now, long idleNanos) {
    if (session.streamCount() > 0) {
      idleSinceNanos = now;
      return false;
    }
    return now - idleSinceNanos > idleNanos;
  }

  void touch() {
    idleSinceNanos = System.nanoTime();
  }

  public void close() {
    session.close();
  }

  @Override
  public String toString() {
    return "Connection[" + remotePeer + " at " + remoteAddress + (inbound ? ", in]" : ", out]");
  }
}
