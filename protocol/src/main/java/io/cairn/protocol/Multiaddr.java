/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol;

import io.cairn.protocol.codec.Varint;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A multiaddr restricted to what Cairn dials and advertises: {@code ip4}, {@code ip6}, {@code dns},
 * {@code dns4}, {@code dns6}, {@code tcp}, {@code udp} and {@code p2p}. Text form {@code
 * (/<name>/<value>)+}, e.g. {@code /ip4/127.0.0.1/tcp/4001/p2p/12D3KooW…}; binary form {@code
 * (uvarint(code) || value)+}. {@code /ipfs/<id>} is read as {@code /p2p/<id>} and printed as {@code
 * /p2p}.
 *
 * <p>Parsing is strict, so each address has one text form: IPv4 without leading zeros, ports
 * without leading zeros, IPv6 printed in RFC 5952 form. Every malformed input gives an {@link
 * IllegalArgumentException} that names the component. The class is pure: it resolves no name and
 * opens nothing.
 */
public final class Multiaddr {
  /** The longest binary form accepted. */
  public static final int MAX_BINARY_LENGTH = 1024;

  /** The longest text form accepted. */
  public static final int MAX_TEXT_LENGTH = 2048;

  /** The most components accepted. */
  public static final int MAX_COMPONENTS = 16;

  /** The longest DNS name accepted (RFC 1035 presentation length). */
  public static final int MAX_DNS_LENGTH = 255;

  /** The protocols Cairn understands, with their multicodec codes and text names. */
  public enum Protocol {
    IP4(4, "ip4"),
    TCP(6, "tcp"),
    UDP(273, "udp"),
    IP6(41, "ip6"),
    DNS(53, "dns"),
    DNS4(54, "dns4"),
    DNS6(55, "dns6"),
    P2P(421, "p2p");

    private final int code;
    private final String textName;

    Protocol(int code, String textName) {
      this.code = code;
      this.textName = textName;
    }

    /** The multicodec code. */
    public int code() {
      return code;
    }

    /** The text name, as in {@code /tcp/}. */
    public String textName() {
      return textName;
    }

    boolean isHost() {
      return this == IP4 || this == IP6 || this == DNS || this == DNS4 || this == DNS6;
    }

    boolean isDns() {
      return this == DNS || this == DNS4 || this == DNS6;
    }

    /** Fixed value length in bytes, or -1 for a length-prefixed value. */
    int fixedLength() {
      return switch (this) {
        case IP4 -> 4;
        case IP6 -> 16;
        case TCP, UDP -> 2;
        case DNS, DNS4, DNS6, P2P -> -1;
      };
    }

    static Optional<Protocol> byCode(long code) {
      for (Protocol p : values()) {
        if (p.code == code) {
          return Optional.of(p);
        }
      }
      return Optional.empty();
    }

    static Optional<Protocol> byName(String name) {
      if (name.equals("ipfs")) {
        return Optional.of(P2P);
      }
      for (Protocol p : values()) {
        if (p.textName.equals(name)) {
          return Optional.of(p);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * One {@code /<name>/<value>} pair with its value in binary form (without the length prefix of
   * variable-length values).
   *
   * @param protocol the protocol
   * @param value the binary value
   */
  public record Component(Protocol protocol, Bytes value) {
    public Component {
      Objects.requireNonNull(protocol, "protocol");
      Objects.requireNonNull(value, "value");
      validateValue(protocol, value.toArray());
    }

    /** The value in text form, as printed after {@code /<name>/}. */
    public String valueText() {
      byte[] v = value.toArray();
      return switch (protocol) {
        case IP4 -> (v[0] & 0xff) + "." + (v[1] & 0xff) + "." + (v[2] & 0xff) + "." + (v[3] & 0xff);
        case IP6 -> formatIp6(v);
        case TCP, UDP -> Integer.toString(((v[0] & 0xff) << 8) | (v[1] & 0xff));
        case DNS, DNS4, DNS6 -> new String(v, StandardCharsets.UTF_8);
        case P2P -> PeerId.fromBytes(v).toString();
      };
    }

    /** The value of a {@code tcp} or {@code udp} component as a port number. */
    int port() {
      return ((value.get(0) & 0xff) << 8) | (value.get(1) & 0xff);
    }

    @Override
    public String toString() {
      return "/" + protocol.textName() + "/" + valueText();
    }
  }

  private final List<Component> components;
  private final byte[] binary;

  private Multiaddr(List<Component> components) {
    if (components.isEmpty()) {
      throw new IllegalArgumentException("multiaddr has no components");
    }
    if (components.size() > MAX_COMPONENTS) {
      throw new IllegalArgumentException(
          "multiaddr has " + components.size() + " components, more than " + MAX_COMPONENTS);
    }
    this.components = List.copyOf(components);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Component c : this.components) {
      out.writeBytes(Varint.encode(c.protocol().code()));
      if (c.protocol().fixedLength() < 0) {
        out.writeBytes(Varint.encode(c.value().size()));
      }
      out.writeBytes(c.value().toArray());
    }
    this.binary = out.toByteArray();
    if (binary.length > MAX_BINARY_LENGTH) {
      throw new IllegalArgumentException(
          "multiaddr is " + binary.length + " bytes, more than " + MAX_BINARY_LENGTH);
    }
  }

  /** A multiaddr of the given components. */
  public static Multiaddr of(List<Component> components) {
    return new Multiaddr(components);
  }

  /**
   * A TCP address: {@code /ip4/<host>/tcp/<port>}, {@code /ip6/…} when {@code host} contains a
   * colon, or {@code /dns/…} for a name.
   */
  public static Multiaddr tcp(String host, int port) {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 0xffff) {
      throw new IllegalArgumentException("port out of range 0..65535: " + port);
    }
    Protocol hostProtocol;
    if (host.indexOf(':') >= 0) {
      hostProtocol = Protocol.IP6;
    } else if (looksLikeIp4(host)) {
      hostProtocol = Protocol.IP4;
    } else {
      hostProtocol = Protocol.DNS;
    }
    return new Multiaddr(
        List.of(
            new Component(hostProtocol, Bytes.wrap(parseValue(hostProtocol, host))),
            new Component(
                Protocol.TCP, Bytes.wrap(new byte[] {(byte) (port >>> 8), (byte) port}))));
  }

  /**
   * Parses the text form.
   *
   * @throws IllegalArgumentException naming the component that is wrong
   */
  public static Multiaddr parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException(
          "multiaddr text is " + text.length() + " characters, more than " + MAX_TEXT_LENGTH);
    }
    if (!text.startsWith("/")) {
      throw new IllegalArgumentException("multiaddr must start with '/': " + quote(text));
    }
    String body =
        text.length() > 1 && text.endsWith("/")
            ? text.substring(1, text.length() - 1)
            : text.substring(1);
    if (body.isEmpty()) {
      throw new IllegalArgumentException("multiaddr has no components: " + quote(text));
    }
    String[] parts = body.split("/", -1);
    List<Component> out = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      String name = parts[i];
      if (name.isEmpty()) {
        throw new IllegalArgumentException("multiaddr has an empty component: " + quote(text));
      }
      Protocol p =
          Protocol.byName(name)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unsupported multiaddr protocol '" + name + "' in " + quote(text)));
      if (i + 1 >= parts.length) {
        throw new IllegalArgumentException(
            "multiaddr component /" + name + " has no value in " + quote(text));
      }
      String value = parts[++i];
      try {
        out.add(new Component(p, Bytes.wrap(parseValue(p, value))));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "bad /" + name + " value in multiaddr " + quote(text) + ": " + e.getMessage(), e);
      }
      if (out.size() > MAX_COMPONENTS) {
        throw new IllegalArgumentException(
            "multiaddr has more than " + MAX_COMPONENTS + " components");
      }
    }
    return new Multiaddr(out);
  }

  /**
   * Decodes the binary form.
   *
   * @throws IllegalArgumentException on an unknown code, a truncated value or a bad value
   */
  public static Multiaddr fromBytes(byte[] binary) {
    Objects.requireNonNull(binary, "binary");
    if (binary.length > MAX_BINARY_LENGTH) {
      throw new IllegalArgumentException(
          "multiaddr is " + binary.length + " bytes, more than " + MAX_BINARY_LENGTH);
    }
    ByteBuffer buf = ByteBuffer.wrap(binary);
    List<Component> out = new ArrayList<>();
    while (buf.hasRemaining()) {
      if (out.size() >= MAX_COMPONENTS) {
        throw new IllegalArgumentException(
            "multiaddr has more than " + MAX_COMPONENTS + " components");
      }
      int at = buf.position();
      long code;
      try {
        code = Varint.read(buf);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "multiaddr protocol code at byte " + at + ": " + e.getMessage(), e);
      }
      Protocol p =
          Protocol.byCode(code)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unsupported multiaddr protocol code " + code + " at byte " + at));
      int len = p.fixedLength();
      if (len < 0) {
        long l;
        try {
          l = Varint.read(buf);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "multiaddr /" + p.textName() + " value length: " + e.getMessage(), e);
        }
        if (l > buf.remaining()) {
          throw new IllegalArgumentException(
              "multiaddr truncated: /"
                  + p.textName()
                  + " value needs "
                  + l
                  + " bytes, "
                  + buf.remaining()
                  + " remain");
        }
        len = (int) l;
      } else if (len > buf.remaining()) {
        throw new IllegalArgumentException(
            "multiaddr truncated: /"
                + p.textName()
                + " value needs "
                + len
                + " bytes, "
                + buf.remaining()
                + " remain");
      }
      byte[] value = new byte[len];
      buf.get(value);
      try {
        out.add(new Component(p, Bytes.wrap(value)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "bad /" + p.textName() + " value in binary multiaddr: " + e.getMessage(), e);
      }
    }
    return new Multiaddr(out);
  }

  /** The binary form (a copy). */
  public byte[] toBytes() {
    return binary.clone();
  }

  /** The components in order. */
  public List<Component> components() {
    return components;
  }

  /** The first component of protocol {@code p}, if any. */
  public Optional<Component> find(Protocol p) {
    return components.stream().filter(c -> c.protocol() == p).findFirst();
  }

  /** The peer id of the last component, if it is {@code /p2p}. */
  public Optional<PeerId> peerId() {
    Component last = components.getLast();
    return last.protocol() == Protocol.P2P
        ? Optional.of(PeerId.fromBytes(last.value().toArray()))
        : Optional.empty();
  }

  /**
   * This address ending in {@code /p2p/<id>}: appended if it has none, unchanged if it already
   * names {@code id}.
   *
   * @throws IllegalArgumentException if it already names a different peer
   */
  public Multiaddr withPeerId(PeerId id) {
    Objects.requireNonNull(id, "id");
    Optional<PeerId> existing = peerId();
    if (existing.isPresent()) {
      if (existing.get().equals(id)) {
        return this;
      }
      throw new IllegalArgumentException(
          "multiaddr " + this + " already names peer " + existing.get() + ", not " + id);
    }
    List<Component> out = new ArrayList<>(components);
    out.add(new Component(Protocol.P2P, Bytes.wrap(id.toBytes())));
    return new Multiaddr(out);
  }

  /** This address without a trailing {@code /p2p/<id>}. */
  public Multiaddr withoutPeerId() {
    if (peerId().isEmpty()) {
      return this;
    }
    return new Multiaddr(components.subList(0, components.size() - 1));
  }

  /** Whether it has a host (ip4, ip6, dns*) and a tcp or udp port, so it can be dialed. */
  public boolean hasHostAndPort() {
    return components.stream().anyMatch(c -> c.protocol().isHost())
        && components.stream()
            .anyMatch(c -> c.protocol() == Protocol.TCP || c.protocol() == Protocol.UDP);
  }

  /**
   * The host of the first ip4, ip6 or dns component, as text (an IP literal or a name; no brackets
   * around IPv6).
   *
   * @throws IllegalStateException if there is none
   */
  public String host() {
    return components.stream()
        .filter(c -> c.protocol().isHost())
        .findFirst()
        .map(Component::valueText)
        .orElseThrow(() -> new IllegalStateException("multiaddr " + this + " has no host"));
  }

  /**
   * The port of the first tcp or udp component.
   *
   * @throws IllegalStateException if there is none
   */
  public int port() {
    return components.stream()
        .filter(c -> c.protocol() == Protocol.TCP || c.protocol() == Protocol.UDP)
        .findFirst()
        .map(Component::port)
        .orElseThrow(() -> new IllegalStateException("multiaddr " + this + " has no port"));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Multiaddr other && Arrays.equals(binary, other.binary);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(binary);
  }

  /** The text form. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Component c : components) {
      sb.append(c);
    }
    return sb.toString();
  }

  // ---- values ----

  private static byte[] parseValue(Protocol p, String text) {
    return switch (p) {
      case IP4 -> parseIp4(text);
      case IP6 -> parseIp6(text);
      case TCP, UDP -> {
        int port = parseDecimal(text, 0xffff, "port");
        yield new byte[] {(byte) (port >>> 8), (byte) port};
      }
      case DNS, DNS4, DNS6 -> text.getBytes(StandardCharsets.UTF_8);
      case P2P -> PeerId.parse(text).toBytes();
    };
  }

  private static void validateValue(Protocol p, byte[] v) {
    int fixed = p.fixedLength();
    if (fixed >= 0 && v.length != fixed) {
      throw new IllegalArgumentException(
          "/" + p.textName() + " value must be " + fixed + " bytes, got " + v.length);
    }
    if (p.isDns()) {
      if (v.length == 0) {
        throw new IllegalArgumentException("DNS name is empty");
      }
      if (v.length > MAX_DNS_LENGTH) {
        throw new IllegalArgumentException(
            "DNS name is " + v.length + " bytes, more than " + MAX_DNS_LENGTH);
      }
      String name;
      try {
        name =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(v))
                .toString();
      } catch (CharacterCodingException e) {
        throw new IllegalArgumentException("DNS name is not valid UTF-8", e);
      }
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (c == '/' || c <= 0x20 || c == 0x7f) {
          throw new IllegalArgumentException(
              "DNS name contains a '/', space or control character at index " + i);
        }
      }
    }
    if (p == Protocol.P2P) {
      PeerId.fromBytes(v);
    }
  }

  private static boolean looksLikeIp4(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '.' && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  /** Decimal without sign or leading zeros, at most {@code max}. */
  private static int parseDecimal(String s, int max, String what) {
    if (s.isEmpty() || s.length() > 5) {
      throw new IllegalArgumentException("invalid " + what + " '" + s + "'");
    }
    int v = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException(
            "invalid " + what + " '" + s + "': not a decimal number");
      }
      v = v * 10 + (c - '0');
    }
    if (s.length() > 1 && s.charAt(0) == '0') {
      throw new IllegalArgumentException("invalid " + what + " '" + s + "': leading zero");
    }
    if (v > max) {
      throw new IllegalArgumentException(what + " " + v + " out of range 0.." + max);
    }
    return v;
  }

  private static byte[] parseIp4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("invalid IPv4 address '" + s + "'");
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      if (parts[i].length() > 3) {
        throw new IllegalArgumentException("invalid IPv4 address '" + s + "'");
      }
      out[i] = (byte) parseDecimal(parts[i], 255, "IPv4 octet");
    }
    return out;
  }

  private static byte[] parseIp6(String s) {
    if (s.length() > 45 || s.isEmpty()) {
      throw new IllegalArgumentException("invalid IPv6 address '" + s + "'");
    }
    int gap = s.indexOf("::");
    if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
      throw new IllegalArgumentException("invalid IPv6 address '" + s + "': more than one '::'");
    }
    byte[] out = new byte[16];
    if (gap < 0) {
      int n = parseIp6Groups(s, out, 0, s);
      if (n != 16) {
        throw new IllegalArgumentException("invalid IPv6 address '" + s + "': too few groups");
      }
      return out;
    }
    String head = s.substring(0, gap);
    String tail = s.substring(gap + 2);
    if (head.indexOf('.') >= 0) {
      throw new IllegalArgumentException(
          "invalid IPv6 address '" + s + "': dotted IPv4 only allowed at the end");
    }
    byte[] tailBytes = new byte[16];
    int h = head.isEmpty() ? 0 : parseIp6Groups(head, out, 0, s);
    int t = tail.isEmpty() ? 0 : parseIp6Groups(tail, tailBytes, 0, s);
    if (h + t > 14) {
      throw new IllegalArgumentException("invalid IPv6 address '" + s + "': too many groups");
    }
    System.arraycopy(tailBytes, 0, out, 16 - t, t);
    return out;
  }

  /** Parses colon-separated groups (the last may be dotted IPv4) into dst; returns bytes. */
  private static int parseIp6Groups(String part, byte[] dst, int off, String whole) {
    String[] groups = part.split(":", -1);
    int p = off;
    for (int i = 0; i < groups.length; i++) {
      String g = groups[i];
      if (i == groups.length - 1 && g.indexOf('.') >= 0) {
        if (p + 4 > 16) {
          throw new IllegalArgumentException("invalid IPv6 address '" + whole + "': too long");
        }
        System.arraycopy(parseIp4(g), 0, dst, p, 4);
        p += 4;
        continue;
      }
      if (g.isEmpty() || g.length() > 4) {
        throw new IllegalArgumentException("invalid IPv6 address '" + whole + "'");
      }
      int v = 0;
      for (int k = 0; k < g.length(); k++) {
        int d = Character.digit(g.charAt(k), 16);
        if (d < 0 || g.charAt(k) > 'f') {
          throw new IllegalArgumentException(
              "invalid IPv6 address '" + whole + "': bad hex group '" + g + "'");
        }
        v = (v << 4) | d;
      }
      if (p + 2 > 16) {
        throw new IllegalArgumentException("invalid IPv6 address '" + whole + "': too many groups");
      }
      dst[p++] = (byte) (v >>> 8);
      dst[p++] = (byte) v;
    }
    return p - off;
  }

  /** RFC 5952: lower-case hex, no leading zeros, the longest run (≥ 2) of zero groups as "::". */
  private static String formatIp6(byte[] a) {
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    if (bestLen < 2) {
      bestStart = -1;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }

  private static String quote(String s) {
    return "'" + (s.length() > 100 ? s.substring(0, 100) + "…" : s) + "'";
  }
}
