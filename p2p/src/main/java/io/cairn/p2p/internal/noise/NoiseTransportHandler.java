/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.noise;

import io.cairn.p2p.internal.wire.FrameSink;
import io.cairn.p2p.internal.wire.Violations;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import java.security.GeneralSecurityException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The Noise transport phase, behind a {@link NoiseFrameDecoder}: decrypts each inbound message into
 * a plaintext buffer for the layer above, which sees a byte stream; encrypts outbound bytes in
 * messages of at most 65519 plaintext bytes (65535 with the tag). A message that fails
 * authentication closes the connection.
 *
 * <p>Outbound, it is also a {@link FrameSink}: a muxer hands it frames from any thread, and each is
 * sealed on the sending thread, straight from the sender's array, so several streams encrypt on
 * several cores; the event loop only writes the sealed messages, in nonce order.
 */
public final class NoiseTransportHandler extends ChannelDuplexHandler implements FrameSink {
  public static final int MAX_PLAINTEXT = NoiseFrameDecoder.MAX_MESSAGE_LENGTH - 16;

  private final CipherState sender;
  private final CipherState receiver;
  private boolean failed;

  /** Staging for buffers without a backing array; a message never exceeds 65535 bytes. */
  private final byte[] scratch = new byte[NoiseFrameDecoder.MAX_MESSAGE_LENGTH];

  public NoiseTransportHandler(NoiseXX.Split split) {
    this.sender = split.sender();
    this.receiver = split.receiver();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf frame)) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (failed) {
      frame.release();
      return;
    }
    ByteBuf plain = null;
    try {
      int n = frame.readableBytes();
      if (n < 16) {
        fail(ctx, "Noise transport message of " + n + " bytes is shorter than its tag");
        return;
      }
      // The JDK cipher is fastest on arrays (its ByteBuffer path copies through arrays anyway).
      byte[] in;
      int inOff;
      if (frame.hasArray()) {
        in = frame.array();
        inOff = frame.arrayOffset() + frame.readerIndex();
      } else {
        in = scratch;
        inOff = 0;
        frame.getBytes(frame.readerIndex(), in, 0, n);
      }
      plain = ctx.alloc().heapBuffer(n - 16);
      int written =
          receiver.decrypt(in, inOff, n, plain.array(), plain.arrayOffset() + plain.writerIndex());
      plain.writerIndex(plain.writerIndex() + written);
      ByteBuf ready = plain;
      plain = null;
      if (written > 0) {
        ctx.fireChannelRead(ready);
      } else {
        ready.release();
      }
    } catch (GeneralSecurityException e) {
      fail(ctx, "Noise transport message failed to decrypt");
    } finally {
      frame.release();
      if (plain != null) {
        plain.release();
      }
    }
  }

  // ---- outbound ----

  /**
   * Outbound messages in nonce order. A sender reserves its nonce and its place here under {@link
   * #reserveLock}, seals on its own thread, then marks the slot ready; the event loop writes ready
   * slots from the head, so the wire order is the nonce order while sealing runs in parallel.
   */
  private static final class Slot {
    static final int PENDING = 0;
    static final int READY = 1;
    static final int FAILED = 2;

    final ByteBuf out;
    final ChannelPromise promise;
    volatile int state;

    Slot(ByteBuf out, ChannelPromise promise) {
      this.out = out;
      this.promise = promise;
    }
  }

  private final ReentrantLock reserveLock = new ReentrantLock();
  private final ConcurrentLinkedQueue<Slot> slots = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<ChaChaPoly> aeads = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private volatile ChannelHandlerContext ctx;
  private volatile boolean closeAfterDrain;

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  /** Seals {@code a || b} as one Noise message (at most {@link #MAX_PLAINTEXT} bytes). */
  private void seal(
      byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen, ChannelPromise promise) {
    ChannelHandlerContext c = ctx;
    int n = aLen + bLen;
    if (n > MAX_PLAINTEXT) {
      throw new IllegalArgumentException("Noise message of " + n + " bytes");
    }
    ByteBuf out = c.alloc().heapBuffer(2 + n + 16);
    Slot slot = new Slot(out, promise);
    long nonce;
    reserveLock.lock();
    try {
      nonce = sender.reserveNonce();
      slots.add(slot);
    } catch (GeneralSecurityException e) {
      out.release();
      if (promise != null) {
        promise.tryFailure(e);
      }
      c.executor().execute(() -> fail(c, "Noise nonce exhausted"));
      return;
    } finally {
      reserveLock.unlock();
    }
    ChaChaPoly aead = aeads.poll();
    if (aead == null) {
      aead = sender.newAead();
    }
    try {
      out.writeShort(n + 16);
      int written =
          aead.seal(nonce, a, aOff, aLen, b, bOff, bLen, out.array(), out.arrayOffset() + 2);
      out.writerIndex(2 + written);
      slot.state = Slot.READY;
    } catch (GeneralSecurityException | RuntimeException e) {
      slot.state = Slot.FAILED;
    } finally {
      aeads.offer(aead);
    }
    scheduleDrain(c);
  }

  private void scheduleDrain(ChannelHandlerContext c) {
    if (c.executor().inEventLoop()) {
      drain(c);
    } else if (drainScheduled.compareAndSet(false, true)) {
      try {
        c.executor()
            .execute(
                () -> {
                  drainScheduled.set(false);
                  drain(c);
                });
      } catch (java.util.concurrent.RejectedExecutionException e) {
        releaseReady(); // the event loop is shut down: nothing will be written
      }
    }
  }

  private void drain(ChannelHandlerContext c) {
    boolean wrote = false;
    Slot s;
    while ((s = slots.peek()) != null && s.state != Slot.PENDING) {
      slots.poll();
      if (s.state == Slot.FAILED) {
        s.out.release();
        if (s.promise != null) {
          s.promise.tryFailure(new GeneralSecurityException("Noise encryption failed"));
        }
        fail(c, "Noise encryption failed");
        continue;
      }
      c.write(s.out, s.promise == null ? c.voidPromise() : s.promise);
      wrote = true;
    }
    if (wrote) {
      c.flush();
    }
    if (closeAfterDrain && slots.isEmpty()) {
      closeAfterDrain = false;
      c.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
  }

  private void releaseReady() {
    Slot s;
    while ((s = slots.peek()) != null && s.state != Slot.PENDING) {
      slots.poll();
      s.out.release();
    }
  }

  @Override
  public void send(byte[] header, byte[] data, int off, int len) {
    seal(header, 0, header.length, data, off, len, null);
  }

  @Override
  public void flushAndClose() {
    closeAfterDrain = true;
    ChannelHandlerContext c = ctx;
    if (c.executor().inEventLoop()) {
      drain(c);
    } else {
      try {
        c.executor().execute(() -> drain(c));
      } catch (java.util.concurrent.RejectedExecutionException e) {
        releaseReady();
      }
    }
  }

  /** Writes from the pipeline (multistream-select, or a muxer without a sink): same path. */
  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (!(msg instanceof ByteBuf buf)) {
      ctx.write(msg, promise);
      return;
    }
    try {
      if (failed) {
        promise.tryFailure(new java.nio.channels.ClosedChannelException());
        return;
      }
      byte[] bytes;
      int off;
      if (buf.hasArray()) {
        bytes = buf.array();
        off = buf.arrayOffset() + buf.readerIndex();
      } else {
        bytes = ByteBufUtil.getBytes(buf);
        off = 0;
      }
      int left = buf.readableBytes();
      do {
        int n = Math.min(left, MAX_PLAINTEXT);
        seal(EMPTY, 0, 0, bytes, off, n, n == left ? promise : null);
        off += n;
        left -= n;
      } while (left > 0);
    } finally {
      ReferenceCountUtil.release(buf);
    }
  }

  @Override
  public void flush(ChannelHandlerContext ctx) {
    ctx.flush();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    drain(ctx); // hands ready messages to the closed channel, which releases them
    ctx.fireChannelInactive();
  }

  private static final byte[] EMPTY = new byte[0];

  private void fail(ChannelHandlerContext ctx, String reason) {
    failed = true;
    Violations.disconnect(ctx, reason);
  }
}
