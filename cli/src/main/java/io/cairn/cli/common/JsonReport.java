/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.common;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.PeerId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The {@code --report FILE} of a command: one JSON document, pretty-printed and written atomically
 * ({@link AtomicOutput}), with the envelope of {@code docs/report-schema.md} and the command's own
 * fields beside it:
 *
 * <pre>{@code
 * {"schema": "cairn.report/v1", "command": "upload", "cairnVersion": "0.1.0",
 *  "startedAt": "2026-03-01T10:00:00.123Z", "durationMs": 5321, "ok": true, "exitCode": 0,
 *  "error": null, ...the fields of UploadReport...}
 * }</pre>
 *
 * Start one when the command starts, then call {@link #succeeded} or {@link #failed} once. Without
 * a target file both only return. Details are any Jackson-serializable object whose JSON is an
 * object (the typed records {@link UploadReport}, {@link RetrieveReport}, {@link AuditReport});
 * {@link Instant}s, {@link PeerId}s, {@link Cid}s and {@link Multiaddr}s are written as their text,
 * {@link Bytes} as hex, {@link Duration}s as milliseconds, enum constants in lower case ({@code
 * BAD_PROOF} as {@code bad_proof}).
 */
public final class JsonReport {
  /** The value of the {@code schema} field. */
  public static final String SCHEMA = "cairn.report/v1";

  /** Envelope field names; a command's details may not use them. */
  public static final Set<String> ENVELOPE_FIELDS =
      Set.of(
          "schema",
          "command",
          "cairnVersion",
          "startedAt",
          "durationMs",
          "ok",
          "exitCode",
          "error");

  /** The {@code error} object of a failed command. */
  public record Error(int code, String name, String message) {
    public Error {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(message, "message");
    }

    public static Error of(ExitCodes.Failure failure) {
      return new Error(failure.code(), failure.name(), failure.message());
    }
  }

  private static final ObjectMapper JSON = mapper();

  private final String command;
  private final Optional<Path> target;
  private final Instant startedAt;
  private final LongSupplier nanoClock;
  private final long startNanos;
  private boolean written;

  JsonReport(String command, Optional<Path> target, InstantSource clock, LongSupplier nanoClock) {
    this.command = Objects.requireNonNull(command, "command");
    this.target = Objects.requireNonNull(target, "target");
    this.startedAt = clock.instant();
    this.nanoClock = nanoClock;
    this.startNanos = nanoClock.getAsLong();
  }

  /**
   * Starts the report of {@code command} now.
   *
   * @param target the {@code --report} file, if given
   */
  public static JsonReport start(String command, Optional<Path> target, InstantSource clock) {
    return new JsonReport(command, target, clock, System::nanoTime);
  }

  public Optional<Path> target() {
    return target;
  }

  /** Writes the report of a command that succeeded (exit code 0). */
  public void succeeded(Object details) throws IOException {
    if (target.isPresent()) {
      write(render(null, details));
    }
  }

  /**
   * Writes the report of a command that failed with {@code error}, with whatever details it had
   * gathered ({@code null} if none). A failure to write the report is added to {@code error} as a
   * suppressed exception rather than hiding it.
   */
  public void failed(Exception error, Object details) {
    if (target.isEmpty()) {
      return;
    }
    try {
      write(render(Error.of(ExitCodes.classify(error)), details));
    } catch (IOException | RuntimeException e) {
      error.addSuppressed(e);
    }
  }

  private void write(byte[] json) throws IOException {
    if (written) {
      throw new IllegalStateException("the report of " + command + " was already written");
    }
    written = true;
    AtomicOutput.write(target.orElseThrow(), json, true);
  }

  /** The report document: {@code error} null for success. */
  public byte[] render(Error error, Object details) {
    long durationMs = Math.max(0, (nanoClock.getAsLong() - startNanos) / 1_000_000);
    ObjectNode root = JSON.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("command", command);
    root.put("cairnVersion", version());
    root.put("startedAt", startedAt.toString());
    root.put("durationMs", durationMs);
    root.put("ok", error == null);
    root.put("exitCode", error == null ? ExitCodes.OK : error.code());
    if (error == null) {
      root.putNull("error");
    } else {
      root.set("error", JSON.valueToTree(error));
    }
    if (details != null) {
      JsonNode tree = JSON.valueToTree(details);
      if (!tree.isObject()) {
        throw new IllegalArgumentException(
            "report details must serialize to a JSON object, got " + tree.getNodeType());
      }
      for (Map.Entry<String, JsonNode> field : tree.properties()) {
        if (ENVELOPE_FIELDS.contains(field.getKey())) {
          throw new IllegalArgumentException(
              "report details may not use the envelope field '" + field.getKey() + "'");
        }
        root.set(field.getKey(), field.getValue());
      }
    }
    try {
      return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n")
          .getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  /** The Cairn version, as in {@code cairn --version}; {@code dev} when not run from a jar. */
  public static String version() {
    String v = JsonReport.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** The mapper reports use; commands may use it for their own {@code --json} output. */
  public static ObjectMapper mapper() {
    SimpleModule cairn = new SimpleModule("cairn-report");
    cairn.addSerializer(Instant.class, ToStringSerializer.instance);
    cairn.addSerializer(PeerId.class, ToStringSerializer.instance);
    cairn.addSerializer(Cid.class, ToStringSerializer.instance);
    cairn.addSerializer(Multiaddr.class, ToStringSerializer.instance);
    cairn.addSerializer(Path.class, ToStringSerializer.instance);
    cairn.addSerializer(Bytes.class, new HexSerializer());
    cairn.addSerializer(Duration.class, new MillisSerializer());
    return JsonMapper.builder()
        .addModule(cairn)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
        .build();
  }

  private static final class HexSerializer extends JsonSerializer<Bytes> {
    @Override
    public void serialize(Bytes value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeString(value.toHex());
    }
  }

  private static final class MillisSerializer extends JsonSerializer<Duration> {
    @Override
    public void serialize(Duration value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeNumber(value.toMillis());
    }
  }
}
