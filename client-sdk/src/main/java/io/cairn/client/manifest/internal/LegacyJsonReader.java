/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.manifest.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.cairn.client.crypto.KdfParams;
import io.cairn.client.manifest.LegacyManifest;
import io.cairn.client.manifest.ManifestException;
import io.cairn.client.manifest.ManifestException.Reason;
import io.cairn.client.manifest.ManifestLimits;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import io.cairn.protocol.PeerId;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A streaming reader for legacy v0 JSON manifests (Jackson's token stream, no object tree), so that
 * every count is checked as it grows and nothing is held beyond the records it builds. The stream
 * constraints bound the document, strings, numbers and nesting before Jackson buffers them.
 */
public final class LegacyJsonReader {
  /** Longest JSON string (after unescaping): file names are at most 1024 UTF-8 bytes. */
  public static final int MAX_STRING_LENGTH = 4096;

  private static final int MAX_NESTING_DEPTH = 4;
  private static final int MAX_NAME_LENGTH = 64;
  private static final int MAX_NUMBER_LENGTH = 20;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxDocumentLength(ManifestLimits.MAX_ENCODED_BYTES)
                  .maxNestingDepth(MAX_NESTING_DEPTH)
                  .maxStringLength(MAX_STRING_LENGTH)
                  .maxNameLength(MAX_NAME_LENGTH)
                  .maxNumberLength(MAX_NUMBER_LENGTH)
                  .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private final JsonParser p;

  private LegacyJsonReader(JsonParser p) {
    this.p = p;
  }

  /** Parses a v0 document; every failure is a {@link ManifestException}. */
  public static LegacyManifest read(byte[] json) throws ManifestException {
    if (json.length > ManifestLimits.MAX_ENCODED_BYTES) {
      throw new ManifestException(
          Reason.TOO_LARGE,
          "legacy manifest is "
              + json.length
              + " bytes; the limit is "
              + ManifestLimits.MAX_ENCODED_BYTES
              + " bytes (16 MiB)");
    }
    try (JsonParser parser = FACTORY.createParser(json)) {
      LegacyJsonReader reader = new LegacyJsonReader(parser);
      LegacyManifest manifest = reader.document();
      if (parser.nextToken() != null) {
        throw reader.malformed("unexpected content after the manifest object");
      }
      return manifest;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new ManifestException(
          Reason.MALFORMED,
          "legacy manifest is not valid JSON"
              + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
              + ": "
              + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new ManifestException(Reason.MALFORMED, "legacy manifest: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw ManifestViolation.toChecked(e, "legacy manifest");
    }
  }

  private LegacyManifest document() throws IOException, ManifestException {
    expect(p.nextToken(), JsonToken.START_OBJECT, "the manifest");
    Integer version = null;
    Bytes salt = null;
    Bytes fileId = null;
    Long fileSize = null;
    Integer segmentSize = null;
    Integer k = null;
    Integer m = null;
    int[] kdfCosts = {
      KdfParams.DEFAULT_MEMORY_KIB, KdfParams.DEFAULT_ITERATIONS, KdfParams.DEFAULT_PARALLELISM
    };
    Optional<String> fileName = Optional.empty();
    Optional<Instant> createdAt = Optional.empty();
    List<LegacyManifest.Shard> shards = null;
    List<LegacyManifest.Audit> audit = List.of();
    Bytes merkleRoot = null;
    Optional<Bytes> manifestHash = Optional.empty();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "version" -> {
          version = (int) number(name, 0, Integer.MAX_VALUE);
          if (version != LegacyManifest.VERSION) {
            throw new ManifestException(
                Reason.UNSUPPORTED_VERSION,
                "legacy manifest version " + version + " is not supported; only v0 is");
          }
        }
        case "salt" -> salt = hex(name, KdfParams.SALT_SIZE);
        case "kdf" -> kdfCosts = kdf();
        case "file_id" -> fileId = hex(name, 32);
        case "file_size" -> fileSize = number(name, 0, Long.MAX_VALUE);
        case "segment_size" -> segmentSize = (int) number(name, 1, ManifestLimits.MAX_SEGMENT_SIZE);
        case "k" -> k = (int) number(name, 1, ManifestLimits.MAX_SHARDS_PER_SEGMENT);
        case "m" -> m = (int) number(name, 0, ManifestLimits.MAX_SHARDS_PER_SEGMENT - 1);
        case "file_name" -> fileName = Optional.of(string(name));
        case "created_at" ->
            createdAt =
                Optional.of(
                    Instant.ofEpochSecond(
                        number(name, 0, 253402300799L /* 9999-12-31T23:59:59Z */)));
        case "shards" -> shards = shards();
        case "audit" -> audit = audit();
        case "merkle_root" -> merkleRoot = hex(name, 32);
        case "manifest_hash" -> manifestHash = Optional.of(hex(name, 32));
        default -> throw malformed("unknown field \"" + name + "\"");
      }
    }
    expect(p.currentToken(), JsonToken.END_OBJECT, "the end of the manifest");
    required(version, "version");
    required(salt, "salt");
    required(fileId, "file_id");
    required(fileSize, "file_size");
    required(segmentSize, "segment_size");
    required(k, "k");
    required(m, "m");
    required(shards, "shards");
    required(merkleRoot, "merkle_root");
    return new LegacyManifest(
        KdfParams.of(salt, kdfCosts[0], kdfCosts[1], kdfCosts[2]),
        fileId,
        fileSize,
        segmentSize,
        k,
        m,
        fileName,
        createdAt,
        shards,
        audit,
        merkleRoot,
        manifestHash);
  }

  /** {@code {"memory_kib": …, "iterations": …, "parallelism": …}}, all required. */
  private int[] kdf() throws IOException, ManifestException {
    expect(p.currentToken(), JsonToken.START_OBJECT, "kdf");
    Integer memory = null;
    Integer iterations = null;
    Integer parallelism = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "memory_kib" -> memory = (int) number("kdf.memory_kib", 1, KdfParams.MAX_MEMORY_KIB);
        case "iterations" ->
            iterations = (int) number("kdf.iterations", 1, KdfParams.MAX_ITERATIONS);
        case "parallelism" ->
            parallelism = (int) number("kdf.parallelism", 1, KdfParams.MAX_PARALLELISM);
        default -> throw malformed("unknown field \"kdf." + name + "\"");
      }
    }
    required(memory, "kdf.memory_kib");
    required(iterations, "kdf.iterations");
    required(parallelism, "kdf.parallelism");
    return new int[] {memory, iterations, parallelism};
  }

  private List<LegacyManifest.Shard> shards() throws IOException, ManifestException {
    expect(p.currentToken(), JsonToken.START_ARRAY, "shards");
    List<LegacyManifest.Shard> shards = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (shards.size() == ManifestLimits.MAX_SHARDS) {
        throw new ManifestException(
            Reason.LIMIT_EXCEEDED,
            "legacy manifest has more than "
                + ManifestLimits.MAX_SHARDS
                + " shards; the limit is "
                + ManifestLimits.MAX_SHARDS);
      }
      shards.add(shard(shards.size()));
    }
    return shards;
  }

  private LegacyManifest.Shard shard(int n) throws IOException, ManifestException {
    String where = "shards[" + n + "]";
    expect(p.currentToken(), JsonToken.START_OBJECT, where);
    Cid cid = null;
    Integer size = null;
    Integer segment = null;
    Integer index = null;
    List<PeerId> peers = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      String field = where + "." + name;
      p.nextToken();
      switch (name) {
        case "cid" -> cid = cid(field);
        case "size" -> size = (int) number(field, 1, Integer.MAX_VALUE);
        case "segment" -> segment = (int) number(field, 0, ManifestLimits.MAX_SHARDS - 1);
        case "index" -> index = (int) number(field, 0, ManifestLimits.MAX_SHARDS_PER_SEGMENT - 1);
        case "peers" -> peers = peers(field);
        default -> throw malformed("unknown field \"" + field + "\"");
      }
    }
    required(cid, where + ".cid");
    required(size, where + ".size");
    required(segment, where + ".segment");
    required(index, where + ".index");
    required(peers, where + ".peers");
    return new LegacyManifest.Shard(cid, size, segment, index, peers);
  }

  private List<PeerId> peers(String field) throws IOException, ManifestException {
    expect(p.currentToken(), JsonToken.START_ARRAY, field);
    List<PeerId> peers = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (peers.size() == ManifestLimits.MAX_PEERS_PER_SHARD) {
        throw new ManifestException(
            Reason.LIMIT_EXCEEDED,
            field
                + " has more than "
                + ManifestLimits.MAX_PEERS_PER_SHARD
                + " peers; the limit is "
                + ManifestLimits.MAX_PEERS_PER_SHARD);
      }
      String text = string(field + "[" + peers.size() + "]");
      try {
        peers.add(PeerId.parse(text));
      } catch (IllegalArgumentException e) {
        throw malformed(field + "[" + peers.size() + "]: " + e.getMessage());
      }
    }
    return peers;
  }

  private List<LegacyManifest.Audit> audit() throws IOException, ManifestException {
    expect(p.currentToken(), JsonToken.START_ARRAY, "audit");
    List<LegacyManifest.Audit> rounds = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (rounds.size() == LegacyManifest.MAX_AUDIT_ENTRIES) {
        throw new ManifestException(
            Reason.LIMIT_EXCEEDED,
            "legacy manifest has more than "
                + LegacyManifest.MAX_AUDIT_ENTRIES
                + " audit entries; the limit is "
                + LegacyManifest.MAX_AUDIT_ENTRIES);
      }
      String where = "audit[" + rounds.size() + "]";
      expect(p.currentToken(), JsonToken.START_OBJECT, where);
      Integer segment = null;
      Integer index = null;
      Bytes nonce = null;
      Bytes expected = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        String field = where + "." + name;
        p.nextToken();
        switch (name) {
          case "segment" -> segment = (int) number(field, 0, ManifestLimits.MAX_SHARDS - 1);
          case "index" -> index = (int) number(field, 0, ManifestLimits.MAX_SHARDS_PER_SEGMENT - 1);
          case "nonce" -> nonce = hex(field, 16);
          case "expected" -> expected = hex(field, 32);
          default -> throw malformed("unknown field \"" + field + "\"");
        }
      }
      required(segment, where + ".segment");
      required(index, where + ".index");
      required(nonce, where + ".nonce");
      required(expected, where + ".expected");
      rounds.add(new LegacyManifest.Audit(segment, index, nonce, expected));
    }
    return rounds;
  }

  // ---------------------------------------------------------------- values

  private long number(String field, long min, long max) throws IOException, ManifestException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw malformed(field + " must be an integer, got " + describe(p.currentToken()));
    }
    if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw malformed(field + " is " + p.getText() + "; it must be between " + min + " and " + max);
    }
    long v = p.getLongValue();
    if (v < min || v > max) {
      throw malformed(field + " is " + v + "; it must be between " + min + " and " + max);
    }
    return v;
  }

  private String string(String field) throws IOException, ManifestException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw malformed(field + " must be a string, got " + describe(p.currentToken()));
    }
    return p.getText();
  }

  private Bytes hex(String field, int length) throws IOException, ManifestException {
    String text = string(field);
    if (text.length() != 2 * length) {
      throw malformed(
          field
              + " must be "
              + 2 * length
              + " hex digits ("
              + length
              + " bytes), got "
              + text.length());
    }
    try {
      return Bytes.fromHex(text);
    } catch (IllegalArgumentException e) {
      throw malformed(field + ": " + e.getMessage());
    }
  }

  private Cid cid(String field) throws IOException, ManifestException {
    String text = string(field);
    try {
      return Cid.parse(text);
    } catch (IllegalArgumentException e) {
      throw malformed(field + ": " + e.getMessage());
    }
  }

  private void expect(JsonToken actual, JsonToken expected, String what) throws ManifestException {
    if (actual != expected) {
      throw malformed(
          "expected " + describe(expected) + " for " + what + ", got " + describe(actual));
    }
  }

  private void required(Object value, String field) throws ManifestException {
    if (value == null) {
      throw malformed("required field \"" + field + "\" is missing");
    }
  }

  private ManifestException malformed(String message) {
    JsonLocation at = p.currentLocation();
    return new ManifestException(
        Reason.MALFORMED,
        "legacy manifest: "
            + message
            + " (line "
            + at.getLineNr()
            + ", column "
            + at.getColumnNr()
            + ")");
  }

  private static String describe(JsonToken t) {
    if (t == null) {
      return "the end of the input";
    }
    return switch (t) {
      case START_OBJECT -> "an object";
      case END_OBJECT -> "the end of an object";
      case START_ARRAY -> "an array";
      case END_ARRAY -> "the end of an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT -> "an integer";
      case VALUE_NUMBER_FLOAT -> "a decimal number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.toString();
    };
  }
}
