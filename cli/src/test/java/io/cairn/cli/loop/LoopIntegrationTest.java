/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.cli.Main;
import io.cairn.cli.common.CliEnv;
import io.cairn.cli.common.ExitCodes;
import io.cairn.cli.common.JsonReport;
import io.cairn.client.engine.Receipts;
import io.cairn.client.manifest.Manifest;
import io.cairn.client.manifest.ManifestCodec;
import io.cairn.client.manifest.ShardEntry;
import io.cairn.node.daemon.NodeDaemon;
import io.cairn.node.metrics.MetricsRegistry;
import io.cairn.node.store.DeleteResult;
import io.cairn.node.store.NodeDatabase;
import io.cairn.p2p.Host;
import io.cairn.p2p.HostConfig;
import io.cairn.p2p.cairn.CairnClient;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.message.RetrieveRequest;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole user loop on a real local network: six {@code cairn node run} processes and one rogue
 * node (a real node in this JVM whose handlers can lie), driven through the CLI ({@code upload},
 * {@code retrieve}, {@code audit}) as a user would. The tests share the network and run in order;
 * the last ones kill nodes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoopIntegrationTest {
  static final String PASSWORD = "correct horse battery staple";
  static final String[] CHEAP_KDF = {"--kdf-memory", "8", "--kdf-iterations", "1"};

  @TempDir static Path tmp;
  TestNetwork net;

  /** The file of the first test, reused by the tests that break nodes. */
  Path firstFile;

  Path firstManifest;

  @BeforeAll
  void startNetwork() throws Exception {
    net = TestNetwork.start(tmp.resolve("net"), 6, true);
  }

  @AfterAll
  void stopNetwork() {
    if (net != null) {
      net.close();
    }
  }

  record Run(int code, String out, String err) {
    String both() {
      return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
  }

  /** Runs the CLI in this JVM with its home in {@code home} and the password in the env. */
  Run cli(Path home, String password, String... args) {
    return cli(home, password, java.io.InputStream.nullInputStream(), args);
  }

  /** As {@link #cli(Path, String, String...)} with {@code stdin} as standard input. */
  Run cli(Path home, String password, java.io.InputStream stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> vars = new HashMap<>();
    if (password != null) {
      vars.put("CAIRN_PASSWORD", password);
    }
    int code =
        Main.run(
            CliEnv.of(vars, home).withStdin(stdin),
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            args);
    return new Run(code, out.toString(), err.toString());
  }

  Run upload(Path home, Path file, Path manifest, Path report, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "upload",
                file.toString(),
                "-o",
                manifest.toString(),
                "--network",
                net.file().toString(),
                "--report",
                report.toString()));
    args.addAll(List.of(CHEAP_KDF));
    args.addAll(List.of(extra));
    return cli(home, PASSWORD, args.toArray(String[]::new));
  }

  Run retrieve(Path home, String password, Path manifest, Path out, Path report) {
    return cli(
        home,
        password,
        "retrieve",
        manifest.toString(),
        "-o",
        out.toString(),
        "--network",
        net.file().toString(),
        "--report",
        report.toString());
  }

  Run audit(Path home, Path manifest, Path report, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "audit",
                manifest.toString(),
                "--network",
                net.file().toString(),
                "--report",
                report.toString()));
    args.addAll(List.of(extra));
    return cli(home, null, args.toArray(String[]::new));
  }

  static Path randomFile(Path file, int size, long seed) throws Exception {
    byte[] b = new byte[size];
    new SplittableRandom(seed).nextBytes(b);
    Files.write(file, b);
    return file;
  }

  static JsonNode json(Path file) throws Exception {
    return JsonReport.mapper().readTree(file.toFile());
  }

  static Manifest manifest(Path file) throws Exception {
    return ManifestCodec.decode(Files.readAllBytes(file));
  }

  Path dir(String name) throws Exception {
    return Files.createDirectories(tmp.resolve(name));
  }

  static List<String> outcomes(JsonNode report, String peer) {
    List<String> out = new ArrayList<>();
    for (JsonNode seg : report.get("segments")) {
      for (JsonNode a : seg.get("attempts")) {
        if (peer == null || a.get("peer").asText().equals(peer)) {
          out.add(a.get("outcome").asText());
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------

  @Test
  @Order(1)
  void shouldRoundTripAFileAndPassAnAuditOnHonestNodes() throws Exception {
    Path d = dir("t1");
    Path home = dir("t1/home");
    firstFile = randomFile(d.resolve("notes.bin"), 12 * 1024 * 1024 + 777, 1);
    firstManifest = d.resolve("notes.cmf");
    Run up = upload(home, firstFile, firstManifest, d.resolve("up.json"), "--segment-size", "1MiB");
    assertEquals(0, up.code(), up.both());
    assertTrue(up.out().contains("uploaded notes.bin"), up.both());
    JsonNode u = json(d.resolve("up.json"));
    assertTrue(u.get("ok").asBoolean());
    assertEquals(13, u.get("segmentCount").asInt());
    assertEquals(13 * 6, u.get("shardCount").asInt());
    assertEquals(13 * 6, u.get("shards").size());
    for (JsonNode s : u.get("shards")) {
      assertEquals(1, s.get("receipts").size(), s.toString());
      assertTrue(s.get("receipts").get(0).get("verified").asBoolean(), s.toString());
      assertEquals(
          "ok", s.get("attempts").get(s.get("attempts").size() - 1).get("outcome").asText());
    }
    assertEquals(7, u.get("network").get("reachable").asInt());
    assertTrue(u.get("sentinel").get("enabled").asBoolean());
    assertFalse(u.get("sentinel").get("policyFingerprint").asText().isEmpty());
    assertFalse(u.get("sentinel").get("placementFingerprint").asText().isEmpty());
    assertTrue(Files.exists(home.resolve(".cairn/sentinel.json")), "sentinel state saved");
    assertFalse(Files.exists(d.resolve("notes.cmf.partial")));

    Path restored = d.resolve("restored.bin");
    Run get =
        cli(
            home,
            PASSWORD,
            "retrieve",
            firstManifest.toString(),
            "-o",
            restored.toString(),
            "--network",
            net.file().toString(),
            "--report",
            d.resolve("get.json").toString(),
            "--progress");
    assertEquals(0, get.code(), get.both());
    assertTrue(
        get.err().contains("retrieve restored.bin: 12.6 MB in "),
        "progress summary: " + get.both());
    assertFalse(up.err().contains("MB/s"), "no progress bar without a terminal: " + up.both());
    assertArrayEquals(Files.readAllBytes(firstFile), Files.readAllBytes(restored));
    JsonNode g = json(d.resolve("get.json"));
    assertEquals(Files.size(firstFile), g.get("bytesWritten").asLong());
    assertEquals(13 * 4, g.get("shardsFetched").asInt());
    assertEquals(0, g.get("badShards").asInt());

    Run audit = audit(home, firstManifest, d.resolve("audit.json"));
    assertEquals(0, audit.code(), audit.both());
    JsonNode a = json(d.resolve("audit.json"));
    assertEquals(13 * 6, a.get("challenged").asInt());
    assertEquals(13 * 6, a.get("passed").asInt());
    for (JsonNode n : a.get("nodes")) {
      assertEquals("healthy", n.get("state").asText(), n.toString());
    }

    // Standard input: FILE - with -o, the data from a pipe; without -o a usage error.
    byte[] piped = Files.readAllBytes(randomFile(d.resolve("piped.bin"), 3 * 1024 * 1024 + 5, 9));
    Path pipedManifest = d.resolve("piped.cmf");
    List<String> args =
        new ArrayList<>(
            List.of(
                "upload", "-", "-o", pipedManifest.toString(), "--network", net.file().toString()));
    args.addAll(List.of(CHEAP_KDF));
    Run fromPipe =
        cli(home, PASSWORD, new java.io.ByteArrayInputStream(piped), args.toArray(String[]::new));
    assertEquals(0, fromPipe.code(), fromPipe.both());
    assertTrue(fromPipe.out().contains("uploaded standard input: 3.1 MB"), fromPipe.both());
    Path pipedBack = d.resolve("piped.back");
    Run back =
        cli(
            home,
            PASSWORD,
            "retrieve",
            pipedManifest.toString(),
            "-o",
            pipedBack.toString(),
            "--network",
            net.file().toString());
    assertEquals(0, back.code(), back.both());
    assertArrayEquals(piped, Files.readAllBytes(pipedBack));
    Run noOutput = cli(home, PASSWORD, "upload", "-", "--network", net.file().toString());
    assertEquals(2, noOutput.code(), noOutput.both());
    assertTrue(noOutput.err().contains("needs -o MANIFEST"), noOutput.both());
  }

  @Test
  @Order(2)
  void shouldTellAWrongPasswordFromATamperedManifestAndWriteNothing() throws Exception {
    Path d = dir("t2");
    Path home = dir("t2/home");
    Path out = d.resolve("out.bin");
    Run wrong = retrieve(home, "not the password", firstManifest, out, d.resolve("r1.json"));
    assertEquals(ExitCodes.WRONG_PASSWORD, wrong.code(), wrong.both());
    assertTrue(wrong.err().contains("wrong password"), wrong.both());
    assertEquals("WRONG_PASSWORD", json(d.resolve("r1.json")).get("error").get("name").asText());

    // An attacker who edits a field and recomputes the hash and Merkle root, but cannot make the
    // auth tag without the password.
    Manifest m = manifest(firstManifest);
    Manifest edited =
        new Manifest(
            m.formatVersion(),
            m.kdf(),
            m.passwordCheck(),
            m.fileId(),
            m.fileSize(),
            m.segmentSize(),
            m.segmentCount(),
            m.k(),
            m.m(),
            m.cipher(),
            m.createdAt(),
            Optional.of("evil.bin"),
            m.contentType(),
            m.auditSampling(),
            m.shards(),
            m.merkleRoot(),
            m.manifestHash(),
            m.authTag());
    Manifest forged =
        new Manifest(
            edited.formatVersion(),
            edited.kdf(),
            edited.passwordCheck(),
            edited.fileId(),
            edited.fileSize(),
            edited.segmentSize(),
            edited.segmentCount(),
            edited.k(),
            edited.m(),
            edited.cipher(),
            edited.createdAt(),
            edited.fileName(),
            edited.contentType(),
            edited.auditSampling(),
            edited.shards(),
            edited.merkleRoot(),
            ManifestCodec.computeHash(edited),
            edited.authTag());
    Path tampered = d.resolve("tampered.cmf");
    Files.write(tampered, ManifestCodec.encode(forged));
    Run t = retrieve(home, PASSWORD, tampered, out, d.resolve("r2.json"));
    assertEquals(ExitCodes.MANIFEST_INVALID, t.code(), t.both());
    assertEquals("TAMPERED", json(d.resolve("r2.json")).get("error").get("name").asText());

    // A flipped byte: caught by the manifest hash before the password is even asked.
    byte[] bytes = Files.readAllBytes(firstManifest);
    bytes[bytes.length / 2] ^= 1;
    Path flipped = d.resolve("flipped.cmf");
    Files.write(flipped, bytes);
    Run f = retrieve(home, PASSWORD, flipped, out, d.resolve("r3.json"));
    assertEquals(ExitCodes.MANIFEST_INVALID, f.code(), f.both());
    assertFalse(Files.exists(out), "no output for a refused manifest");
    assertFalse(Files.exists(d.resolve("out.bin.partial")));
  }

  @Test
  @Order(3)
  void shouldCatchANodeServingCorruptBytesFallBackAndQuarantineIt() throws Exception {
    Path d = dir("t3");
    Path home = dir("t3/home");
    RogueNode rogue = net.rogue();
    String rogueId = rogue.peerId().toString();
    Path file = randomFile(d.resolve("photo.bin"), 6 * 1024 * 1024, 3);
    Path mf = d.resolve("photo.cmf");
    Run up = upload(home, file, mf, d.resolve("up.json"), "--segment-size", "256KiB");
    assertEquals(0, up.code(), up.both());
    Manifest m = manifest(mf);
    long onRogue =
        m.shards().stream()
            .filter(e -> e.index() < m.k() && e.placement().contains(rogue.peerId()))
            .count();
    assertTrue(onRogue > 0, "the rogue holds data shards of the file");

    rogue.mode = RogueNode.Mode.CORRUPT;
    try {
      Path restored = d.resolve("restored.bin");
      Run get = retrieve(home, PASSWORD, mf, restored, d.resolve("get.json"));
      assertEquals(0, get.code(), get.both());
      assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(restored));
      JsonNode g = json(d.resolve("get.json"));
      assertTrue(g.get("badShards").asInt() > 0, g.toString());
      assertTrue(outcomes(g, rogueId).contains("corrupt_data"), outcomes(g, rogueId).toString());
      assertTrue(g.get("reconstructions").asInt() > 0 || g.get("fallbacks").asInt() > 0);
      boolean traced = false;
      for (JsonNode t : g.get("trace")) {
        if (t.get("event").asText().equals("shard_rejected")
            && t.get("peer").asText().equals(rogueId)
            && t.get("detail").asText().contains("CID")) {
          traced = true;
        }
      }
      assertTrue(traced, "trace: " + g.get("trace"));
      assertTrue(get.err().contains("cairn: trace:"), get.both());
      assertTrue(get.err().contains(" x shard rejected"), get.both());
      assertTrue(
          get.err().contains("cairn: sentinel: " + rogueId + " healthy -> quarantined"),
          get.both());
      boolean quarantined = false;
      for (JsonNode t : g.get("sentinel").get("transitions")) {
        quarantined |=
            t.get("node").asText().equals(rogueId) && t.get("to").asText().equals("quarantined");
      }
      assertTrue(quarantined, g.get("sentinel").toString());
    } finally {
      rogue.mode = RogueNode.Mode.HONEST;
    }

    ClientSentinel saved =
        ClientSentinel.load(home.resolve(".cairn/sentinel.json"), Optional.empty(), () -> 0L);
    // Quarantined at the first proof; several proofs in one run disqualify it for good.
    assertTrue(
        saved.state(rogue.peerId()).orElseThrow().excluded(), "" + saved.state(rogue.peerId()));

    Path next = randomFile(d.resolve("next.bin"), 3 * 1024 * 1024, 33);
    Path nextMf = d.resolve("next.cmf");
    Run up2 = upload(home, next, nextMf, d.resolve("up2.json"), "--segment-size", "256KiB");
    assertEquals(0, up2.code(), up2.both());
    for (ShardEntry e : manifest(nextMf).shards()) {
      assertFalse(e.placement().contains(rogue.peerId()), "placed on the quarantined node: " + e);
    }
    JsonNode u2 = json(d.resolve("up2.json"));
    List<String> excluded = new ArrayList<>();
    u2.get("sentinel").get("excluded").forEach(x -> excluded.add(x.asText()));
    assertEquals(List.of(rogueId), excluded);
    assertTrue(up2.err().contains("the sentinel excludes 1 node(s)"), up2.both());

    // A sampled audit checks the distrusted node's shards first (it is honest again by now).
    Run sampled = audit(home, mf, d.resolve("sampled.json"), "--sample", "2");
    JsonNode sa = json(d.resolve("sampled.json"));
    assertEquals(2, sa.get("challenged").asInt(), sampled.both());
    for (JsonNode c : sa.get("shards")) {
      assertEquals(rogueId, c.get("peer").asText(), "sampled first: " + sa.get("shards"));
    }
  }

  @Test
  @Order(4)
  void shouldRejectReplayedAndStaleAuditAnswers() throws Exception {
    Path d = dir("t4");
    Path home = dir("t4/home");
    RogueNode rogue = net.rogue();
    String rogueId = rogue.peerId().toString();
    Path file = randomFile(d.resolve("a.bin"), 3 * 1024 * 1024, 4);
    Path mf = d.resolve("a.cmf");
    Run up = upload(home, file, mf, d.resolve("up.json"), "--segment-size", "256KiB");
    assertEquals(0, up.code(), up.both());
    assertTrue(
        manifest(mf).shards().stream().anyMatch(e -> e.placement().contains(rogue.peerId())));

    rogue.mode = RogueNode.Mode.REPLAY_AUDIT;
    try {
      Run first = audit(home, mf, d.resolve("a1.json"), "--no-sentinel");
      assertEquals(0, first.code(), first.both());
      Run second = audit(home, mf, d.resolve("a2.json"), "--no-sentinel");
      assertEquals(ExitCodes.AUDIT_FAILED, second.code(), second.both());
      JsonNode a2 = json(d.resolve("a2.json"));
      assertEquals("AUDIT_FAILED", a2.get("error").get("name").asText());
      for (JsonNode s : a2.get("shards")) {
        String expected = s.get("peer").asText().equals(rogueId) ? "replayed" : "pass";
        assertEquals(expected, s.get("outcome").asText(), s.toString());
      }

      rogue.mode = RogueNode.Mode.SLOW_AUDIT;
      Run slow = audit(home, mf, d.resolve("a3.json"), "--no-sentinel", "--window", "2");
      assertEquals(ExitCodes.AUDIT_FAILED, slow.code(), slow.both());
      JsonNode a3 = json(d.resolve("a3.json"));
      for (JsonNode s : a3.get("shards")) {
        String expected = s.get("peer").asText().equals(rogueId) ? "stale" : "pass";
        assertEquals(expected, s.get("outcome").asText(), s.toString());
      }
    } finally {
      rogue.mode = RogueNode.Mode.HONEST;
    }

    // The nodes' side of replay protection: a client that lost its audit state re-sends spent
    // rounds, and every node refuses a round it has answered before.
    Run lost =
        audit(
            home,
            mf,
            d.resolve("a4.json"),
            "--no-sentinel",
            "--audit-state",
            d.resolve("empty.state").toString());
    assertEquals(ExitCodes.AUDIT_FAILED, lost.code(), lost.both());
    for (JsonNode s : json(d.resolve("a4.json")).get("shards")) {
      assertEquals("refused", s.get("outcome").asText(), s.toString());
      assertTrue(s.get("detail").asText().contains("AUDIT_NONCE_REPLAYED"), s.toString());
    }
  }

  @Test
  @Order(5)
  void shouldRetrieveWithMNodesKilled() throws Exception {
    Path d = dir("t5");
    Path home = dir("t5/home");
    Manifest m = manifest(firstManifest);
    // Kill the two process nodes that hold the most data shards of the first file.
    Map<PeerId, Integer> dataShards = new HashMap<>();
    for (ShardEntry e : m.shards()) {
      if (e.index() < m.k()) {
        dataShards.merge(e.placement().getFirst(), 1, Integer::sum);
      }
    }
    List<TestNetwork.Node> victims =
        net.nodes().stream()
            .sorted(
                (a, b) ->
                    dataShards.getOrDefault(b.peerId(), 0) - dataShards.getOrDefault(a.peerId(), 0))
            .limit(m.m())
            .toList();
    for (TestNetwork.Node n : victims) {
      net.kill(n);
    }
    Path restored = d.resolve("restored.bin");
    Run get = retrieve(home, PASSWORD, firstManifest, restored, d.resolve("get.json"));
    assertEquals(0, get.code(), get.both());
    assertArrayEquals(Files.readAllBytes(firstFile), Files.readAllBytes(restored));
    JsonNode g = json(d.resolve("get.json"));
    assertTrue(g.get("reconstructions").asInt() > 0, g.toString());
    assertEquals(
        2, g.get("network").get("nodes").asInt() - g.get("network").get("reachable").asInt());
    for (TestNetwork.Node n : victims) {
      assertTrue(
          outcomes(g, n.peerId().toString()).stream().allMatch(o -> o.equals("unreachable")),
          outcomes(g, n.peerId().toString()).toString());
    }
    assertTrue(get.err().contains("segment reconstructed"), get.both());
    for (TestNetwork.Node n : victims) {
      net.restart(n);
    }
  }

  @Test
  @Order(6)
  void shouldFailTheAuditOfNodesWhoseShardWasDeletedOrCorruptedOnDisk() throws Exception {
    Path d = dir("t6");
    Path home = dir("t6/home");
    Path file = randomFile(d.resolve("disk.bin"), 16 * 1024 * 1024, 6);
    Path mf = d.resolve("disk.cmf");
    Run up = upload(home, file, mf, d.resolve("up.json"));
    assertEquals(0, up.code(), up.both());
    Manifest m = manifest(mf);
    Map<PeerId, List<ShardEntry>> byNode = new HashMap<>();
    for (ShardEntry e : m.shards()) {
      byNode.computeIfAbsent(e.placement().getFirst(), k -> new ArrayList<>()).add(e);
    }
    List<TestNetwork.Node> holders =
        net.nodes().stream().filter(n -> byNode.containsKey(n.peerId())).toList();
    TestNetwork.Node loser = holders.get(0);
    TestNetwork.Node rotten = holders.get(1);
    ShardEntry lost = byNode.get(loser.peerId()).getFirst();
    ShardEntry decayed = byNode.get(rotten.peerId()).getFirst();
    byte[] decayedBytes = fetch(rotten, decayed);

    net.stop(loser);
    net.stop(rotten);
    PeerId client = Receipts.fromManifest(lost.receipts().getFirst()).client();
    try (NodeDatabase db =
        NodeDatabase.open(
            loser.dir.resolve(NodeDaemon.DB_FOLDER),
            1L << 33,
            new MetricsRegistry(),
            InstantSource.system())) {
      DeleteResult r = db.shards().delete(lost.cid(), client);
      assertTrue(r instanceof DeleteResult.Deleted, "deleted: " + r);
    }
    flipOnDisk(rotten.dir.resolve(NodeDaemon.DB_FOLDER), decayedBytes);
    net.restart(loser);
    net.restart(rotten);

    Run audit = audit(home, mf, d.resolve("audit.json"));
    assertEquals(ExitCodes.AUDIT_FAILED, audit.code(), audit.both());
    JsonNode a = json(d.resolve("audit.json"));
    Set<String> failures = new HashSet<>();
    for (JsonNode s : a.get("shards")) {
      if (!s.get("outcome").asText().equals("pass")) {
        failures.add(
            s.get("peer").asText() + " " + s.get("cid").asText() + " " + s.get("outcome").asText());
      }
    }
    assertEquals(
        Set.of(
            loser.peerId() + " " + lost.cid() + " not_found",
            rotten.peerId() + " " + decayed.cid() + " refused"),
        failures,
        a.toString());
    assertTrue(audit.err().contains("audit failed: 2 of " + m.shards().size()), audit.both());
    for (JsonNode n : a.get("nodes")) {
      String peer = n.get("peer").asText();
      if (peer.equals(loser.peerId().toString()) || peer.equals(rotten.peerId().toString())) {
        assertEquals("quarantined", n.get("state").asText(), n.toString());
      }
    }
  }

  /** A shard's bytes as its node serves them. */
  static byte[] fetch(TestNetwork.Node node, ShardEntry e) throws Exception {
    try (Host host = Host.start(HostConfig.builder().noListen().build())) {
      CairnClient c = new CairnClient(host, Duration.ofSeconds(30));
      return c.retrieve(
              node.peerId(), List.of(node.address), RetrieveRequest.of(e.cid(), new SecureRandom()))
          .data()
          .toArray();
    }
  }

  /** Flips one byte inside {@code shard}'s bytes where they lie in the node's blob files. */
  static void flipOnDisk(Path db, byte[] shard) throws Exception {
    byte[] needle = java.util.Arrays.copyOfRange(shard, 0, 64);
    List<Path> blobs;
    try (Stream<Path> s = Files.list(db)) {
      blobs = s.filter(p -> p.toString().endsWith(".blob")).toList();
    }
    for (Path blob : blobs) {
      byte[] all = Files.readAllBytes(blob);
      int at = indexOf(all, needle);
      if (at >= 0) {
        try (RandomAccessFile f = new RandomAccessFile(blob.toFile(), "rw")) {
          long pos = at + shard.length / 2;
          f.seek(pos);
          int b = f.read();
          f.seek(pos);
          f.write(b ^ 0x01);
          f.getFD().sync();
        }
        return;
      }
    }
    throw new AssertionError("shard bytes not found in " + blobs);
  }

  static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Test
  @Order(7)
  void shouldNameTheSegmentWhenTooFewShardsAreLeftAndSayWhenTheNetworkIsGone() throws Exception {
    Path d = dir("t7");
    Path home = dir("t7/home");
    net.rogue().close();
    for (TestNetwork.Node n : net.nodes().subList(0, 3)) {
      net.kill(n);
    }
    Path out = d.resolve("out.bin");
    Run get = retrieve(home, PASSWORD, firstManifest, out, d.resolve("get.json"));
    assertEquals(ExitCodes.DATA_UNRECOVERABLE, get.code(), get.both());
    assertTrue(
        get.err()
            .matches(
                "(?s).*cannot rebuild the data: segment \\d+: found \\d good shards? of"
                    + " the 4 needed.*"),
        get.both());
    assertFalse(Files.exists(out));
    assertFalse(Files.exists(d.resolve("out.bin.partial")));
    JsonNode g = json(d.resolve("get.json"));
    assertEquals("DATA_UNRECOVERABLE", g.get("error").get("name").asText());
    assertNotNull(g.get("trace"));

    for (TestNetwork.Node n : net.nodes()) {
      net.kill(n);
    }
    Run gone = retrieve(home, PASSWORD, firstManifest, out, d.resolve("gone.json"));
    assertEquals(ExitCodes.NETWORK_UNAVAILABLE, gone.code(), gone.both());
    assertTrue(
        gone.err().contains("network unreachable: none of the 7 known nodes answered"),
        gone.both());
    assertFalse(Files.exists(out));
  }
}
