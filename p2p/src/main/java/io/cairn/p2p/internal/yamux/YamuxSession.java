/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.yamux;

import io.cairn.p2p.P2pException;
import io.cairn.p2p.internal.wire.ChannelAttributes;
import io.cairn.p2p.internal.wire.FrameSink;
import io.cairn.p2p.internal.wire.Violations;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The yamux session of one connection, behind a {@link YamuxFrameDecoder}. Frame handling runs on
 * the event loop and never blocks; inbound streams are handed to a {@link Listener}, which must
 * move any blocking work to another thread. {@link #openStream()} and the stream writes may be
 * called from any thread.
 *
 * <p>The dialer is the client (odd stream ids), the listener the server (even ids).
 */
public final class YamuxSession extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(YamuxSession.class);

  /** Before the first ping answer, assume a LAN-like round trip for window growth. */
  private static final long DEFAULT_RTT_NANOS = Duration.ofMillis(1).toNanos();

  /** Receives inbound streams on the event loop. */
  public interface Listener {
    /** A remote opened {@code stream}; hand it to another thread, do not block. */
    void onInboundStream(YamuxStream stream);

    /** The session's connection closed. */
    default void onClosed() {}
  }

  private static final byte[] NO_DATA = new byte[0];

  private final FrameSink sink;
  private final boolean client;
  private final YamuxConfig config;
  private final Listener listener;
  private final ConcurrentHashMap<Integer, YamuxStream> streams = new ConcurrentHashMap<>();
  private final AtomicInteger nextStreamId;
  private final AtomicInteger nextPingId = new AtomicInteger(1);
  private final ConcurrentHashMap<Integer, PendingPing> pings = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();

  private volatile ChannelHandlerContext ctx;
  private volatile boolean closed;
  private volatile boolean goAwayReceived;
  private volatile boolean goAwaySent;
  private volatile long rttNanos = DEFAULT_RTT_NANOS;
  private volatile long lastActivityNanos = System.nanoTime();

  // Event-loop state: the Data frame whose body is being read.
  private YamuxStream dataStream;
  private long dataRemaining;
  private int dataFlags;
  private boolean failed;

  private record PendingPing(long sentNanos, CompletableFuture<Duration> result) {}

  public YamuxSession(boolean client, YamuxConfig config, Listener listener) {
    this(client, config, listener, null);
  }

  /**
   * @param sink where frames go, sealed on the sending thread (the Noise transport); null to write
   *     them into the pipeline
   */
  public YamuxSession(boolean client, YamuxConfig config, Listener listener, FrameSink sink) {
    this.sink = sink;
    this.client = client;
    this.config = config;
    this.listener = listener;
    this.nextStreamId = new AtomicInteger(client ? 1 : 2);
  }

  public YamuxConfig config() {
    return config;
  }

  public boolean isClient() {
    return client;
  }

  long rttNanos() {
    return rttNanos;
  }

  /** Replaces the measured round trip; lets tests pin the window-growth decision. */
  void overrideRtt(Duration rtt) {
    this.rttNanos = rtt.toNanos();
  }

  /** Streams open in at least one direction. */
  public int streamCount() {
    return streams.size();
  }

  /** When a frame was last sent or received, for idle timeouts. */
  public long lastActivityNanos() {
    return lastActivityNanos;
  }

  /** True while new streams can be opened on this session. */
  public boolean isUsable() {
    return !closed && !goAwayReceived && !goAwaySent;
  }

  public CompletableFuture<Void> closeFuture() {
    return closeFuture;
  }

  String closeReason() {
    ChannelHandlerContext c = ctx;
    return c == null ? null : c.channel().attr(ChannelAttributes.CLOSE_REASON).get();
  }

  boolean isWritable() {
    ChannelHandlerContext c = ctx;
    return c == null || c.channel().isWritable() || !c.channel().isActive();
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    if (ctx.channel().isActive()) {
      ping(); // measures the round trip that window growth uses
    } else if (!ctx.channel().isOpen()) {
      markClosed();
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    ping();
    ctx.fireChannelActive();
  }

  // ---- outbound, any thread ----

  /** Opens a stream (sends SYN). Data may be written at once, before the remote's ACK. */
  public YamuxStream openStream() throws P2pException {
    if (!isUsable()) {
      throw new P2pException(
          P2pException.Reason.CONNECTION_CLOSED,
          closed ? "connection closed" : "connection is going away");
    }
    if (streams.size() >= config.maxStreams()) {
      throw new P2pException(
          P2pException.Reason.LIMIT_REACHED,
          "at most " + config.maxStreams() + " streams per connection");
    }
    int id = nextStreamId.getAndAdd(2);
    if (id < 0 || id > Integer.MAX_VALUE - 2) {
      throw new P2pException(
          P2pException.Reason.LIMIT_REACHED, "stream ids of this connection are used up");
    }
    YamuxStream stream = new YamuxStream(this, id, false, config.initialWindow());
    stream.grantAtOpen(config.openGrant());
    streams.put(id, stream);
    sendWindowUpdate(id, config.openGrant(), YamuxHeader.FLAG_SYN);
    if (closed) {
      stream.onSessionClosed();
      streams.remove(id);
      throw new P2pException(P2pException.Reason.CONNECTION_CLOSED, "connection closed");
    }
    return stream;
  }

  /** Sends a yamux ping and completes with the round-trip time. */
  public CompletableFuture<Duration> ping() {
    CompletableFuture<Duration> result = new CompletableFuture<>();
    ChannelHandlerContext c = ctx;
    if (closed || c == null) {
      result.completeExceptionally(
          new P2pException(P2pException.Reason.CONNECTION_CLOSED, "connection closed"));
      return result;
    }
    int value = nextPingId.getAndIncrement();
    pings.put(value, new PendingPing(System.nanoTime(), result));
    write(c, YamuxHeader.TYPE_PING, YamuxHeader.FLAG_SYN, 0, Integer.toUnsignedLong(value));
    return result;
  }

  /** Sends Go Away (normal) and closes the connection once it is written. */
  public void close() {
    ChannelHandlerContext c = ctx;
    if (c == null) {
      return;
    }
    if (!goAwaySent && c.channel().isActive()) {
      goAwaySent = true;
      ByteBuf frame = c.alloc().buffer(YamuxHeader.SIZE);
      YamuxHeader.encode(frame, YamuxHeader.TYPE_GO_AWAY, 0, 0, YamuxHeader.GO_AWAY_NORMAL);
      if (sink != null) {
        frame.release();
        sink.send(
            header(YamuxHeader.TYPE_GO_AWAY, 0, 0, YamuxHeader.GO_AWAY_NORMAL), NO_DATA, 0, 0);
        sink.flushAndClose();
      } else {
        c.writeAndFlush(frame).addListener(ChannelFutureListener.CLOSE);
      }
    } else {
      c.close();
    }
  }

  void sendWindowUpdate(int streamId, long delta, int flags) {
    ChannelHandlerContext c = ctx;
    if (c != null) {
      write(c, YamuxHeader.TYPE_WINDOW_UPDATE, flags, streamId, delta);
    }
  }

  void sendData(int streamId, byte[] b, int off, int len) {
    ChannelHandlerContext c = ctx;
    if (c == null) {
      return;
    }
    lastActivityNanos = System.nanoTime();
    if (sink != null) {
      // Sealed on this thread straight from the caller's array: no copy, no event-loop hop.
      sink.send(header(YamuxHeader.TYPE_DATA, 0, streamId, len), b, off, len);
      return;
    }
    ByteBuf frame = c.alloc().heapBuffer(YamuxHeader.SIZE + len);
    YamuxHeader.encode(frame, YamuxHeader.TYPE_DATA, 0, streamId, len);
    frame.writeBytes(b, off, len);
    lastActivityNanos = System.nanoTime();
    c.writeAndFlush(frame, c.voidPromise());
  }

  private void write(ChannelHandlerContext c, int type, int flags, int streamId, long length) {
    if (sink != null) {
      lastActivityNanos = System.nanoTime();
      sink.send(header(type, flags, streamId, length), NO_DATA, 0, 0);
      return;
    }
    ByteBuf frame = c.alloc().buffer(YamuxHeader.SIZE);
    YamuxHeader.encode(frame, type, flags, streamId, length);
    lastActivityNanos = System.nanoTime();
    c.writeAndFlush(frame, c.voidPromise());
  }

  private static byte[] header(int type, int flags, int streamId, long length) {
    return new byte[] {
      YamuxHeader.VERSION,
      (byte) type,
      (byte) (flags >>> 8),
      (byte) flags,
      (byte) (streamId >>> 24),
      (byte) (streamId >>> 16),
      (byte) (streamId >>> 8),
      (byte) streamId,
      (byte) (length >>> 24),
      (byte) (length >>> 16),
      (byte) (length >>> 8),
      (byte) length
    };
  }

  void removeStream(YamuxStream stream) {
    streams.remove(stream.id(), stream);
  }

  // ---- inbound, event loop ----

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (failed) {
      ReferenceCountUtil.release(msg);
      return;
    }
    lastActivityNanos = System.nanoTime();
    if (msg instanceof YamuxHeader h) {
      onHeader(ctx, h);
    } else if (msg instanceof ByteBuf chunk) {
      onBody(chunk);
    } else {
      ReferenceCountUtil.release(msg);
      protocolError(ctx, "unexpected message " + msg.getClass().getSimpleName());
    }
  }

  private void onBody(ByteBuf chunk) {
    int n = chunk.readableBytes();
    if (n > dataRemaining) {
      chunk.release(); // cannot happen with YamuxFrameDecoder; never trust it blindly
      protocolError(ctx, "data body longer than its header");
      return;
    }
    dataRemaining -= n;
    YamuxStream s = dataStream;
    if (s != null) {
      s.onData(chunk);
    } else {
      chunk.release();
    }
    if (dataRemaining == 0) {
      dataStream = null;
      if (s != null) {
        applyCloseFlags(s, dataFlags);
      }
    }
  }

  private void onHeader(ChannelHandlerContext ctx, YamuxHeader h) {
    if (dataRemaining > 0) {
      protocolError(ctx, "header inside a data body");
      return;
    }
    switch (h.type()) {
      case YamuxHeader.TYPE_DATA, YamuxHeader.TYPE_WINDOW_UPDATE -> onStreamFrame(ctx, h);
      case YamuxHeader.TYPE_PING -> onPing(ctx, h);
      case YamuxHeader.TYPE_GO_AWAY -> onGoAway(h);
      default -> protocolError(ctx, "unknown frame type " + h.type());
    }
  }

  private void onStreamFrame(ChannelHandlerContext ctx, YamuxHeader h) {
    int id = h.streamId();
    boolean data = h.type() == YamuxHeader.TYPE_DATA;
    if (id == 0) {
      protocolError(ctx, "data or window update on stream 0");
      return;
    }
    YamuxStream stream = streams.get(id);
    if (h.has(YamuxHeader.FLAG_SYN)) {
      if (stream != null) {
        protocolError(ctx, "SYN for stream " + h.streamIdUnsigned() + " that is already open");
        return;
      }
      boolean remoteParity = (id & 1) == (client ? 0 : 1);
      if (!remoteParity) {
        protocolError(ctx, "remote opened stream " + h.streamIdUnsigned() + " of our parity");
        return;
      }
      if (goAwaySent || closed || streams.size() >= config.maxStreams()) {
        LOG.debug("refusing stream {}: stream limit or going away", h.streamIdUnsigned());
        write(ctx, YamuxHeader.TYPE_WINDOW_UPDATE, YamuxHeader.FLAG_RST, id, 0);
      } else {
        stream = new YamuxStream(this, id, true, config.initialWindow());
        stream.grantAtOpen(config.openGrant());
        streams.put(id, stream);
        write(ctx, YamuxHeader.TYPE_WINDOW_UPDATE, YamuxHeader.FLAG_ACK, id, config.openGrant());
        listener.onInboundStream(stream);
      }
    }
    if (stream == null) {
      // A stream we reset or refused, or already closed: skip its frames.
      if (data) {
        dataStream = null;
        dataRemaining = h.length();
      }
      return;
    }
    if (data) {
      if (!stream.reserveReceive(h.length())) {
        protocolError(ctx, "stream " + h.streamIdUnsigned() + " exceeded its receive window");
        return;
      }
      if (h.length() > 0) {
        dataStream = stream;
        dataRemaining = h.length();
        dataFlags = h.flags();
        return;
      }
    } else if (h.length() > 0) {
      stream.onWindowUpdate(h.length());
    }
    applyCloseFlags(stream, h.flags());
  }

  private void applyCloseFlags(YamuxStream stream, int flags) {
    if ((flags & YamuxHeader.FLAG_RST) != 0) {
      stream.onRemoteReset();
      removeStream(stream);
    } else if ((flags & YamuxHeader.FLAG_FIN) != 0) {
      if (stream.onRemoteFin()) {
        removeStream(stream);
      }
    }
  }

  private void onPing(ChannelHandlerContext ctx, YamuxHeader h) {
    if (h.has(YamuxHeader.FLAG_SYN)) {
      write(ctx, YamuxHeader.TYPE_PING, YamuxHeader.FLAG_ACK, 0, h.length());
    } else if (h.has(YamuxHeader.FLAG_ACK)) {
      PendingPing p = pings.remove((int) h.length());
      if (p != null) {
        long rtt = Math.max(1, System.nanoTime() - p.sentNanos());
        rttNanos = rtt;
        p.result().complete(Duration.ofNanos(rtt));
      }
    }
  }

  private void onGoAway(YamuxHeader h) {
    goAwayReceived = true;
    if (h.length() != YamuxHeader.GO_AWAY_NORMAL) {
      LOG.info("remote {} is going away with error code {}", remote(), h.length());
      for (YamuxStream s : new ArrayList<>(streams.values())) {
        s.onRemoteReset();
      }
      streams.clear();
    }
  }

  private void protocolError(ChannelHandlerContext ctx, String reason) {
    if (failed) {
      return;
    }
    failed = true;
    if (ctx.channel().isActive()) {
      write(ctx, YamuxHeader.TYPE_GO_AWAY, 0, 0, YamuxHeader.GO_AWAY_PROTOCOL_ERROR);
    }
    Violations.disconnect(ctx, "yamux: " + reason);
  }

  private Object remote() {
    ChannelHandlerContext c = ctx;
    return c == null ? "?" : c.channel().remoteAddress();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable()) {
      for (YamuxStream s : streams.values()) {
        s.onWritable();
      }
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    markClosed();
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    markClosed();
  }

  private void markClosed() {
    if (closed) {
      return;
    }
    closed = true;
    List<YamuxStream> all = new ArrayList<>(streams.values());
    streams.clear();
    for (YamuxStream s : all) {
      s.onSessionClosed();
    }
    for (PendingPing p : pings.values()) {
      p.result()
          .completeExceptionally(
              new P2pException(P2pException.Reason.CONNECTION_CLOSED, "connection closed"));
    }
    pings.clear();
    try {
      listener.onClosed();
    } finally {
      closeFuture.complete(null);
    }
  }
}
