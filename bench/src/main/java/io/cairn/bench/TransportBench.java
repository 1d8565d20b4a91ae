/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.bench;

import io.cairn.p2p.Host;
import io.cairn.p2p.HostConfig;
import io.cairn.p2p.P2pStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Bulk transfer over loopback, Java to Java: the full Cairn transport (TCP + Noise + yamux, one
 * connection carrying {@code streams} streams) beside plain TCP ({@code streams} bare sockets, no
 * encryption, no multiplexing) in the same run. Each operation moves {@link #BATCH} bytes in total,
 * split evenly over the streams, and waits for every receiver to acknowledge its share; so bytes/s
 * = ops/s x 16 MiB. Quote {@code p2p / tcp} for the same {@code streams}.
 *
 * <p>Run: {@code ./cairn bench TransportBench -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class TransportBench {
  /** Bytes moved by one operation, all streams together. */
  public static final int BATCH = 16 * 1024 * 1024;

  private static final String SINK = "/cairn/bench/sink/1.0.0";
  private static final int CHUNK = 256 * 1024;

  @Param({"1", "8"})
  public int streams;

  private byte[] chunk;
  private ExecutorService pool;

  private Host listener;
  private Host dialer;
  private final List<P2pStream> p2pStreams = new ArrayList<>();

  private ServerSocket tcpServer;
  private final List<Socket> tcpSockets = new ArrayList<>();
  private Thread tcpAcceptor;

  @Setup(Level.Trial)
  public void setup() throws Exception {
    chunk = new byte[CHUNK];
    new SplittableRandom(1).nextBytes(chunk);
    pool = Executors.newVirtualThreadPerTaskExecutor();

    listener = Host.start(HostConfig.builder().build());
    listener.handle(SINK, s -> sink(s.in(), s.out()));
    dialer = Host.start(HostConfig.builder().noListen().build());
    for (int i = 0; i < streams; i++) {
      p2pStreams.add(dialer.openStreamBlocking(listener.listenAddress(), SINK));
    }

    tcpServer = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    tcpAcceptor =
        Thread.ofVirtual()
            .start(
                () -> {
                  while (!tcpServer.isClosed()) {
                    try {
                      Socket s = tcpServer.accept();
                      s.setTcpNoDelay(true);
                      Thread.ofVirtual()
                          .start(
                              () -> {
                                try (s) {
                                  sink(s.getInputStream(), s.getOutputStream());
                                } catch (IOException e) {
                                  // closed at tear-down
                                }
                              });
                    } catch (IOException e) {
                      return;
                    }
                  }
                });
    for (int i = 0; i < streams; i++) {
      Socket s = new Socket(InetAddress.getLoopbackAddress(), tcpServer.getLocalPort());
      s.setTcpNoDelay(true);
      tcpSockets.add(s);
    }
  }

  /** Reads {@code int length, bytes} batches and acknowledges each with one byte. */
  private static void sink(InputStream in, OutputStream out) throws IOException {
    DataInputStream din = new DataInputStream(in);
    byte[] buf = new byte[CHUNK];
    while (true) {
      int length;
      try {
        length = din.readInt();
      } catch (EOFException e) {
        return;
      }
      while (length > 0) {
        int n = in.read(buf, 0, Math.min(buf.length, length));
        if (n < 0) {
          throw new EOFException("sender stopped mid-batch");
        }
        length -= n;
      }
      out.write(1);
      out.flush();
    }
  }

  private void send(InputStream in, OutputStream out) throws IOException {
    int share = BATCH / streams;
    DataOutputStream dout = new DataOutputStream(out);
    dout.writeInt(share);
    for (int left = share; left > 0; ) {
      int n = Math.min(left, CHUNK);
      out.write(chunk, 0, n);
      left -= n;
    }
    out.flush();
    if (in.read() != 1) {
      throw new EOFException("no acknowledgement");
    }
  }

  private void all(List<Runnable> transfers) throws Exception {
    List<Future<?>> futures = new ArrayList<>();
    for (Runnable r : transfers) {
      futures.add(pool.submit(r));
    }
    for (Future<?> f : futures) {
      f.get();
    }
  }

  private static Runnable unchecked(IoAction a) {
    return () -> {
      try {
        a.run();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    };
  }

  private interface IoAction {
    void run() throws IOException;
  }

  /** Cairn transport: TCP + Noise (ChaCha20-Poly1305) + yamux, {@code streams} streams. */
  @Benchmark
  public void p2p() throws Exception {
    List<Runnable> transfers = new ArrayList<>();
    for (P2pStream s : p2pStreams) {
      transfers.add(unchecked(() -> send(s.in(), s.out())));
    }
    all(transfers);
  }

  /** Baseline: plain TCP sockets, no encryption and no multiplexing. */
  @Benchmark
  public void tcp() throws Exception {
    List<Runnable> transfers = new ArrayList<>();
    for (Socket s : tcpSockets) {
      transfers.add(unchecked(() -> send(s.getInputStream(), s.getOutputStream())));
    }
    all(transfers);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    for (P2pStream s : p2pStreams) {
      s.close();
    }
    dialer.close();
    listener.close();
    for (Socket s : tcpSockets) {
      s.close();
    }
    tcpServer.close();
    tcpAcceptor.join(1000);
    pool.shutdownNow();
  }
}
