/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.yamux;

import io.cairn.p2p.P2pException;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One yamux stream with a blocking view: {@link #in()} and {@link #out()} are meant for virtual
 * threads. Reads block until data, FIN or reset; writes block while the remote's window is
 * exhausted or the connection's outbound buffer is full, so a writer never sends past the window
 * the remote granted. The event loop only ever takes the lock briefly to hand over data.
 *
 * <p>One reader thread and one writer thread at a time.
 */
public final class YamuxStream {
  private final YamuxSession session;
  private final int id;
  private final boolean inbound;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ReentrantLock writerLock = new ReentrantLock();

  // Receive side, guarded by lock.
  private final ArrayDeque<ByteBuf> queue = new ArrayDeque<>();
  private long queued;
  private long recvWindow; // bytes the remote may still send
  private long maxRecvWindow; // the window we aim to keep granted
  private long pendingCredit; // consumed bytes not yet granted back
  private long lastUpdateNanos;
  private boolean remoteFin;
  private boolean readClosed;

  // Send side, guarded by lock.
  private long sendWindow;
  private boolean localFin;

  // Both.
  private boolean reset;
  private boolean localReset;
  private boolean sessionClosed;

  private final InputStream in = new In();
  private final OutputStream out = new Out();

  YamuxStream(YamuxSession session, int id, boolean inbound, int initialWindow) {
    this.session = session;
    this.id = id;
    this.inbound = inbound;
    this.recvWindow = initialWindow;
    this.maxRecvWindow = initialWindow;
    this.sendWindow = initialWindow;
    this.lastUpdateNanos = System.nanoTime();
  }

  /** Raises the receive window by {@code extra} before the SYN or ACK that grants it is sent. */
  void grantAtOpen(long extra) {
    lock.lock();
    try {
      recvWindow += extra;
      maxRecvWindow += extra;
    } finally {
      lock.unlock();
    }
  }

  public int id() {
    return id;
  }

  public boolean isInbound() {
    return inbound;
  }

  public YamuxSession session() {
    return session;
  }

  public InputStream in() {
    return in;
  }

  public OutputStream out() {
    return out;
  }

  // ---- called by the session on the event loop ----

  /** Reserves {@code len} bytes of receive window for a Data frame; false if it would overflow. */
  boolean reserveReceive(long len) {
    lock.lock();
    try {
      if (len > recvWindow) {
        return false;
      }
      recvWindow -= len;
      return true;
    } finally {
      lock.unlock();
    }
  }

  void onData(ByteBuf chunk) {
    long credit = 0;
    lock.lock();
    try {
      if (reset || sessionClosed || readClosed) {
        int n = chunk.readableBytes();
        chunk.release();
        if (readClosed && !reset && !sessionClosed) {
          pendingCredit += n;
          credit = takeCredit();
        }
      } else {
        queue.add(chunk);
        queued += chunk.readableBytes();
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
    if (credit > 0) {
      session.sendWindowUpdate(id, credit, 0);
    }
  }

  /** Returns true when the stream is now closed in both directions. */
  boolean onRemoteFin() {
    lock.lock();
    try {
      remoteFin = true;
      changed.signalAll();
      return localFin;
    } finally {
      lock.unlock();
    }
  }

  void onRemoteReset() {
    lock.lock();
    try {
      reset = true;
      releaseQueue();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  void onWindowUpdate(long delta) {
    lock.lock();
    try {
      sendWindow = Math.min(sendWindow + delta, 0xffffffffL);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  void onSessionClosed() {
    lock.lock();
    try {
      sessionClosed = true;
      releaseQueue();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Wakes a writer waiting for the session's outbound buffer to drain. */
  void onWritable() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void releaseQueue() {
    ByteBuf b;
    while ((b = queue.poll()) != null) {
      b.release();
    }
    queued = 0;
  }

  // ---- called by user threads ----

  private int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    int n = 0;
    long credit;
    lock.lock();
    try {
      while (queue.isEmpty()) {
        checkReadable();
        if (remoteFin) {
          return -1;
        }
        changed.awaitUninterruptibly();
      }
      checkReadable();
      while (n < len && !queue.isEmpty()) {
        ByteBuf head = queue.peek();
        int take = Math.min(len - n, head.readableBytes());
        head.readBytes(b, off + n, take);
        n += take;
        if (!head.isReadable()) {
          queue.poll().release();
        }
      }
      queued -= n;
      pendingCredit += n;
      credit = takeCredit();
    } finally {
      lock.unlock();
    }
    if (credit > 0) {
      session.sendWindowUpdate(id, credit, 0);
    }
    return n;
  }

  private int available() {
    lock.lock();
    try {
      return (int) Math.min(queued, Integer.MAX_VALUE);
    } finally {
      lock.unlock();
    }
  }

  private void checkReadable() throws IOException {
    if (reset) {
      throw new P2pException(
          P2pException.Reason.STREAM_RESET,
          localReset ? "stream " + id + " was reset locally" : "remote reset stream " + id);
    }
    if (readClosed) {
      throw new IOException("stream " + id + " is closed for reading");
    }
    if (sessionClosed && queue.isEmpty() && !remoteFin) {
      throw new P2pException(
          P2pException.Reason.CONNECTION_CLOSED,
          "connection closed under stream " + id + closeDetail());
    }
  }

  private String closeDetail() {
    String r = session.closeReason();
    return r == null ? "" : " (" + r + ")";
  }

  /**
   * Grants consumed bytes back to the remote once half the window is consumed, growing the window
   * (up to the session maximum) when the last grant was used up within two round trips: the window,
   * not the reader, is then what limits the stream. Caller holds the lock.
   */
  private long takeCredit() {
    if (remoteFin || reset || sessionClosed || pendingCredit < maxRecvWindow / 2) {
      return 0;
    }
    long now = System.nanoTime();
    long grow = 0;
    if (maxRecvWindow < session.config().maxWindow()
        && now - lastUpdateNanos < 2 * session.rttNanos()) {
      grow = Math.min(maxRecvWindow, session.config().maxWindow() - maxRecvWindow);
      maxRecvWindow += grow;
    }
    long delta = pendingCredit + grow;
    pendingCredit = 0;
    recvWindow += delta;
    lastUpdateNanos = now;
    return delta;
  }

  private void write(byte[] b, int off, int len) throws IOException {
    writerLock.lock();
    try {
      while (len > 0) {
        int n;
        lock.lock();
        try {
          while (true) {
            checkWritable();
            if (sendWindow > 0) {
              break;
            }
            changed.awaitUninterruptibly();
          }
          n = (int) Math.min(Math.min(len, sendWindow), session.config().maxFramePayload());
          sendWindow -= n;
        } finally {
          lock.unlock();
        }
        awaitSessionWritable();
        session.sendData(id, b, off, n);
        off += n;
        len -= n;
      }
    } finally {
      writerLock.unlock();
    }
  }

  private void awaitSessionWritable() throws IOException {
    if (session.isWritable()) {
      return;
    }
    lock.lock();
    try {
      while (!session.isWritable()) {
        checkWritable();
        // The session signals on writability changes; the timeout guards a lost wake-up.
        changed.await(50, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while waiting to write");
    } finally {
      lock.unlock();
    }
  }

  private void checkWritable() throws IOException {
    if (reset) {
      throw new P2pException(
          P2pException.Reason.STREAM_RESET,
          localReset ? "stream " + id + " was reset locally" : "remote reset stream " + id);
    }
    if (localFin) {
      throw new IOException("stream " + id + " is closed for writing");
    }
    if (sessionClosed) {
      throw new P2pException(
          P2pException.Reason.CONNECTION_CLOSED,
          "connection closed under stream " + id + closeDetail());
    }
  }

  /** Half-closes: sends FIN after everything written so far. Idempotent. */
  public void closeWrite() throws IOException {
    writerLock.lock();
    try {
      boolean done;
      lock.lock();
      try {
        if (localFin || reset) {
          return;
        }
        if (sessionClosed) {
          throw new P2pException(
              P2pException.Reason.CONNECTION_CLOSED,
              "connection closed under stream " + id + closeDetail());
        }
        localFin = true;
        done = remoteFin;
      } finally {
        lock.unlock();
      }
      session.sendWindowUpdate(id, 0, YamuxHeader.FLAG_FIN);
      if (done) {
        session.removeStream(this);
      }
    } finally {
      writerLock.unlock();
    }
  }

  /** Aborts both directions at once (RST). Idempotent; never throws. */
  public void reset() {
    lock.lock();
    try {
      if (reset || (localFin && remoteFin) || sessionClosed) {
        return;
      }
      reset = true;
      localReset = true;
      releaseQueue();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    session.sendWindowUpdate(id, 0, YamuxHeader.FLAG_RST);
    session.removeStream(this);
  }

  /**
   * Half-closes and stops reading: unread and later data is discarded and granted back so the
   * remote can finish its side.
   */
  public void close() {
    try {
      closeWrite();
    } catch (IOException e) {
      // the connection is gone; nothing left to close
    }
    long credit;
    lock.lock();
    try {
      if (readClosed || reset || sessionClosed) {
        return;
      }
      readClosed = true;
      pendingCredit += queued;
      releaseQueue();
      credit = remoteFin ? 0 : pendingCredit;
      pendingCredit = 0;
      recvWindow += credit;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (credit > 0) {
      session.sendWindowUpdate(id, credit, 0);
    }
  }

  /** Remote FIN received and nothing left to read. */
  public boolean isReadDone() {
    lock.lock();
    try {
      return remoteFin && queue.isEmpty();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return "YamuxStream[" + id + (inbound ? ", inbound" : ", outbound") + "]";
  }

  private final class In extends InputStream {
    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = YamuxStream.this.read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      java.util.Objects.checkFromIndexSize(off, len, b.length);
      return YamuxStream.this.read(b, off, len);
    }

    @Override
    public int available() {
      return YamuxStream.this.available();
    }

    @Override
    public void close() {
      YamuxStream.this.close();
    }
  }

  private final class Out extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      YamuxStream.this.write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      java.util.Objects.checkFromIndexSize(off, len, b.length);
      YamuxStream.this.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      closeWrite();
    }
  }
}
