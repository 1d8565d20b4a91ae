/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.common;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.PeerId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code network.json}: the nodes of a network that {@code ./cairn up} started, so that other
 * commands can find it. Schema {@value #SCHEMA}, documented in {@code docs/cli.md}:
 *
 * <pre>{@code
 * {
 *   "schema": "cairn.network/v1",
 *   "createdAt": "2026-03-01T10:00:00Z",
 *   "nodes": [
 *     {"name": "node-1", "peerId": "12D3KooW...", "multiaddr": "/ip4/127.0.0.1/tcp/4001/p2p/12D3KooW...",
 *      "pid": 4242, "dataDir": "node-1", "metrics": "http://127.0.0.1:9101/metrics"}
 *   ]
 * }
 * }</pre>
 *
 * {@code pid}, {@code dataDir} and {@code metrics} are optional. Readers ignore fields they do not
 * know; an incompatible change gets a new schema string.
 *
 * @param createdAt when the network was started
 * @param nodes the nodes, at most {@link #MAX_NODES}, with distinct names and peer ids
 */
public record NetworkFile(Instant createdAt, List<Node> nodes) {
  /** The value of the {@code schema} field. */
  public static final String SCHEMA = "cairn.network/v1";

  /** The file's name inside a network directory. */
  public static final String FILE_NAME = "network.json";

  /** Overrides the default network directory. */
  public static final String DIR_VARIABLE = "CAIRN_NETWORK_DIR";

  /** Largest network file read. */
  public static final int MAX_BYTES = 1024 * 1024;

  /** Most nodes in one file. */
  public static final int MAX_NODES = 1024;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final int MAX_TEXT = 4096;

  private static final ObjectMapper JSON =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxNestingDepth(16)
                      .maxStringLength(MAX_TEXT * 4)
                      .maxNumberLength(32)
                      .build())
              .build());

  /**
   * One node.
   *
   * @param name a short name, unique in the file: a letter or digit, then up to 63 letters, digits,
   *     {@code .}, {@code _} or {@code -}
   * @param peerId the node's peer id
   * @param multiaddr where it listens; if it ends in {@code /p2p/<id>}, the id is {@code peerId}
   * @param pid the process id, when the node was started on this machine
   * @param dataDir the node's data directory, relative to the network directory or absolute
   * @param metrics the URL of its Prometheus metrics, if it serves them
   */
  public record Node(
      String name,
      PeerId peerId,
      Multiaddr multiaddr,
      OptionalLong pid,
      Optional<String> dataDir,
      Optional<String> metrics) {
    public Node {
      Objects.requireNonNull(name, "name");
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "node name '"
                + abbreviate(name)
                + "' must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or"
                + " digit");
      }
      Objects.requireNonNull(peerId, "peerId");
      Objects.requireNonNull(multiaddr, "multiaddr");
      if (multiaddr.peerId().isPresent() && !multiaddr.peerId().get().equals(peerId)) {
        throw new IllegalArgumentException(
            "node "
                + name
                + ": multiaddr names peer "
                + multiaddr.peerId().get()
                + " but peerId is "
                + peerId);
      }
      Objects.requireNonNull(pid, "pid");
      if (pid.isPresent() && pid.getAsLong() <= 0) {
        throw new IllegalArgumentException("node " + name + ": pid must be positive");
      }
      Objects.requireNonNull(dataDir, "dataDir")
          .ifPresent(d -> text(d, "node " + name + ": dataDir"));
      Objects.requireNonNull(metrics, "metrics")
          .ifPresent(m -> text(m, "node " + name + ": metrics"));
    }

    /** A node with only the required fields. */
    public static Node of(String name, PeerId peerId, Multiaddr multiaddr) {
      return new Node(
          name, peerId, multiaddr, OptionalLong.empty(), Optional.empty(), Optional.empty());
    }

    /** The address to dial: {@link #multiaddr()} ending in {@code /p2p/<peerId>}. */
    public Multiaddr dialAddress() {
      return multiaddr.peerId().isPresent() ? multiaddr : multiaddr.withPeerId(peerId);
    }

    /** The data directory resolved against {@code networkDir}, if one is recorded. */
    public Optional<Path> dataDirIn(Path networkDir) {
      return dataDir.map(networkDir::resolve);
    }
  }

  public NetworkFile {
    Objects.requireNonNull(createdAt, "createdAt");
    nodes = List.copyOf(Objects.requireNonNull(nodes, "nodes"));
    if (nodes.size() > MAX_NODES) {
      throw new IllegalArgumentException(
          "network has " + nodes.size() + " nodes; the limit is " + MAX_NODES);
    }
    Set<String> names = new HashSet<>();
    Set<PeerId> peers = new HashSet<>();
    for (Node n : nodes) {
      if (!names.add(n.name())) {
        throw new IllegalArgumentException("two nodes are named " + n.name());
      }
      if (!peers.add(n.peerId())) {
        throw new IllegalArgumentException("two nodes have peer id " + n.peerId());
      }
    }
  }

  /**
   * The directory {@code ./cairn up} uses by default: {@code $CAIRN_NETWORK_DIR} if set, else
   * {@code ~/.cairn/network}.
   */
  public static Path defaultDir(CliEnv env) {
    Optional<String> dir = env.get(DIR_VARIABLE).filter(s -> !s.isBlank());
    return dir.map(Path::of).orElseGet(() -> env.userHome().resolve(".cairn").resolve("network"));
  }

  /** {@code network.json} in {@link #defaultDir}. */
  public static Path defaultFile(CliEnv env) {
    return defaultDir(env).resolve(FILE_NAME);
  }

  /** The dial addresses of all nodes, in file order. */
  public List<Multiaddr> dialAddresses() {
    return nodes.stream().map(Node::dialAddress).toList();
  }

  // ---------------------------------------------------------------- reading

  /**
   * Reads and checks a network file.
   *
   * @throws NetworkFileException naming the file and the field when it is not a valid network file
   * @throws IOException when it cannot be read ({@link java.nio.file.NoSuchFileException} if it is
   *     missing)
   */
  public static NetworkFile read(Path file) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    }
    if (bytes.length > MAX_BYTES) {
      throw new NetworkFileException(
          "network file " + file + " is larger than " + MAX_BYTES + " bytes");
    }
    try {
      return parse(bytes);
    } catch (NetworkFileException e) {
      throw new NetworkFileException("network file " + file + ": " + e.getMessage());
    }
  }

  /** Parses the JSON of a network file. */
  public static NetworkFile parse(byte[] json) throws NetworkFileException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new NetworkFileException("not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new NetworkFileException("unreadable: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new NetworkFileException("expected a JSON object");
    }
    String schema = string(root, "schema", "");
    if (!SCHEMA.equals(schema)) {
      throw new NetworkFileException(
          "schema is '" + abbreviate(schema) + "'; this build reads '" + SCHEMA + "'");
    }
    Instant createdAt;
    try {
      createdAt = Instant.parse(string(root, "createdAt", ""));
    } catch (DateTimeParseException e) {
      throw new NetworkFileException("createdAt is not an ISO-8601 instant");
    }
    JsonNode list = root.get("nodes");
    if (list == null || !list.isArray()) {
      throw new NetworkFileException("nodes must be an array");
    }
    if (list.size() > MAX_NODES) {
      throw new NetworkFileException(
          "nodes has " + list.size() + " entries; the limit is " + MAX_NODES);
    }
    List<Node> nodes = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      nodes.add(node(list.get(i), "nodes[" + i + "]"));
    }
    try {
      return new NetworkFile(createdAt, nodes);
    } catch (IllegalArgumentException e) {
      throw new NetworkFileException(e.getMessage());
    }
  }

  private static Node node(JsonNode n, String where) throws NetworkFileException {
    if (!n.isObject()) {
      throw new NetworkFileException(where + " must be an object");
    }
    String name = string(n, "name", where + ".");
    PeerId peerId;
    try {
      peerId = PeerId.parse(string(n, "peerId", where + "."));
    } catch (IllegalArgumentException e) {
      throw new NetworkFileException(where + ".peerId: " + e.getMessage());
    }
    Multiaddr address;
    try {
      address = Multiaddr.parse(string(n, "multiaddr", where + "."));
    } catch (IllegalArgumentException e) {
      throw new NetworkFileException(where + ".multiaddr: " + e.getMessage());
    }
    OptionalLong pid = OptionalLong.empty();
    JsonNode p = n.get("pid");
    if (p != null && !p.isNull()) {
      if (!p.canConvertToExactIntegral() || !p.canConvertToLong()) {
        throw new NetworkFileException(where + ".pid must be an integer");
      }
      pid = OptionalLong.of(p.asLong());
    }
    Optional<String> dataDir = optionalString(n, "dataDir", where + ".");
    Optional<String> metrics = optionalString(n, "metrics", where + ".");
    try {
      return new Node(name, peerId, address, pid, dataDir, metrics);
    } catch (IllegalArgumentException e) {
      throw new NetworkFileException(where + ": " + e.getMessage());
    }
  }

  private static String string(JsonNode n, String field, String prefix)
      throws NetworkFileException {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new NetworkFileException(prefix + field + " must be a string");
    }
    return v.asText();
  }

  private static Optional<String> optionalString(JsonNode n, String field, String prefix)
      throws NetworkFileException {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw new NetworkFileException(prefix + field + " must be a string");
    }
    return Optional.of(v.asText());
  }

  // ---------------------------------------------------------------- writing

  /** The file's JSON, pretty-printed, UTF-8, ending in a newline. */
  public byte[] toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("createdAt", createdAt.toString());
    ArrayNode list = root.putArray("nodes");
    for (Node n : nodes) {
      ObjectNode o = list.addObject();
      o.put("name", n.name());
      o.put("peerId", n.peerId().toString());
      o.put("multiaddr", n.multiaddr().toString());
      n.pid().ifPresent(pid -> o.put("pid", pid));
      n.dataDir().ifPresent(d -> o.put("dataDir", d));
      n.metrics().ifPresent(m -> o.put("metrics", m));
    }
    try {
      String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
      return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  /** Writes the file atomically (see {@link AtomicOutput}), replacing an existing one. */
  public void write(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    AtomicOutput.write(file, toJson(), true);
  }

  private static void text(String s, String field) {
    if (s.isEmpty() || s.length() > MAX_TEXT) {
      throw new IllegalArgumentException(field + " must be 1 to " + MAX_TEXT + " characters");
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.isISOControl(s.charAt(i))) {
        throw new IllegalArgumentException(field + " contains a control character");
      }
    }
  }

  private static String abbreviate(String s) {
    String t = s.length() > 40 ? s.substring(0, 40) + "..." : s;
    StringBuilder b = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      b.append(Character.isISOControl(c) ? '?' : c);
    }
    return b.toString();
  }
}
