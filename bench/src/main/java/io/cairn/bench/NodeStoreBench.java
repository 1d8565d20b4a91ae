/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.bench;

import io.cairn.node.config.NodeConfig;
import io.cairn.node.daemon.NodeDaemon;
import io.cairn.p2p.Host;
import io.cairn.p2p.HostConfig;
import io.cairn.p2p.cairn.CairnClient;
import io.cairn.protocol.Cid;
import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.message.RetrieveRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * STORE and RETRIEVE of 1 MiB shards against one storage node in this JVM (the real daemon: RocksDB
 * with synced writes, libp2p host, Cairn handlers) from a client host over loopback, beside the
 * disk's own limit measured in the same run: synced sequential writes of 1 MiB to new files in the
 * same temporary folder ({@code write} + {@code FileChannel.force(true)}).
 *
 * <p>Each operation moves {@code parallel} shards at once (one virtual thread each), so bytes/s =
 * ops/s x parallel x 1 MiB. Every store is a new shard (a counter in its first bytes; the CID is
 * computed outside the measured time); retrieves cycle through shards stored at setup and read them
 * from the page cache. Quote {@code store / syncedFileWrite} and {@code retrieve / store} for the
 * same {@code parallel}.
 *
 * <p>Run: {@code ./cairn bench NodeStore -f 1 -wi 1 -i 3 -w 2 -r 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class NodeStoreBench {
  /** Shard size: a 4 MiB segment with k=4. */
  public static final int SHARD = 1024 * 1024;

  private static final int RETRIEVE_SET = 32;

  @Param({"1", "4"})
  public int parallel;

  private Path dir;
  private Path files;
  private long fileCounter;
  private NodeDaemon node;
  private Host clientHost;
  private CairnClient client;
  private PeerId nodeId;
  private List<Multiaddr> addrs;
  private ExecutorService pool;
  private final List<Cid> stored = new ArrayList<>();
  private int cursor;
  private byte[] fileData;
  private final SecureRandom random = new SecureRandom();

  /** The next shards to store: fresh bytes and their CIDs, prepared outside the measured time. */
  @State(Scope.Benchmark)
  public static class NextShards {
    byte[][] data;
    Cid[] cids;
    private long counter;

    @Setup(Level.Trial)
    public void allocate(NodeStoreBench b) {
      data = new byte[b.parallel][SHARD];
      cids = new Cid[b.parallel];
      for (byte[] d : data) {
        new SplittableRandom(7).nextBytes(d);
      }
    }

    @Setup(Level.Invocation)
    public void next() {
      for (int i = 0; i < data.length; i++) {
        ByteBuffer.wrap(data[i]).putLong(0, ++counter);
        cids[i] = Cid.of(data[i]);
      }
    }
  }

  @Setup(Level.Trial)
  public void setup() throws Exception {
    dir = Files.createTempDirectory("cairn-nodestore-bench");
    files = Files.createDirectories(dir.resolve("files"));
    NodeConfig config =
        NodeConfig.resolve(
            Map.of(),
            Map.of("listen", "/ip4/127.0.0.1/tcp/0", "metrics.port", "0", "quota", "1PiB"));
    node = NodeDaemon.start(dir.resolve("node"), config);
    clientHost = Host.start(HostConfig.builder().noListen().build());
    client = new CairnClient(clientHost, Duration.ofMinutes(2));
    nodeId = node.peerId();
    addrs = node.listenAddresses();
    pool = Executors.newVirtualThreadPerTaskExecutor();

    SplittableRandom r = new SplittableRandom(11);
    for (int i = 0; i < RETRIEVE_SET; i++) {
      byte[] d = new byte[SHARD];
      r.nextBytes(d);
      Cid cid = Cid.of(d);
      client.store(nodeId, addrs, cid, d, 0, d.length);
      stored.add(cid);
    }
    fileData = new byte[SHARD];
    r.nextBytes(fileData);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    pool.close();
    clientHost.close();
    node.close();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private <T> int runParallel(List<Callable<T>> tasks) throws Exception {
    if (tasks.size() == 1) {
      tasks.getFirst().call();
      return 1;
    }
    List<Future<T>> fs = new ArrayList<>(tasks.size());
    for (Callable<T> t : tasks) {
      fs.add(pool.submit(t));
    }
    for (Future<T> f : fs) {
      f.get();
    }
    return fs.size();
  }

  @Benchmark
  public int store(NextShards next) throws Exception {
    List<Callable<Object>> tasks = new ArrayList<>(parallel);
    for (int i = 0; i < parallel; i++) {
      byte[] d = next.data[i];
      Cid cid = next.cids[i];
      tasks.add(() -> client.store(nodeId, addrs, cid, d, 0, d.length));
    }
    return runParallel(tasks);
  }

  @Benchmark
  public int retrieve() throws Exception {
    List<Callable<Object>> tasks = new ArrayList<>(parallel);
    for (int i = 0; i < parallel; i++) {
      Cid cid = stored.get(cursor++ % RETRIEVE_SET);
      tasks.add(() -> client.retrieve(nodeId, addrs, RetrieveRequest.of(cid, random), SHARD));
    }
    return runParallel(tasks);
  }

  @Benchmark
  public int syncedFileWrite() throws Exception {
    List<Callable<Object>> tasks = new ArrayList<>(parallel);
    for (int i = 0; i < parallel; i++) {
      Path f = files.resolve("f" + fileCounter++);
      tasks.add(
          () -> {
            try (FileChannel ch =
                FileChannel.open(f, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
              ByteBuffer b = ByteBuffer.wrap(fileData);
              while (b.hasRemaining()) {
                ch.write(b);
              }
              ch.force(true);
            }
            return null;
          });
    }
    return runParallel(tasks);
  }
}
