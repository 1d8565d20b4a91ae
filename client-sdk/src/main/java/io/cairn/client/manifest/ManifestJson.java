/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.cairn.client.audit.AuditRound;
import io.cairn.protocol.PeerId;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * A read-only JSON view of a manifest for people and scripts ({@code cairn validate --json}). It is
 * an export, not a format: nothing reads it back, and it is not authenticated. Bytes are lower case
 * hex, CIDs base32 text, peer ids base58 text, times ISO-8601. The password check is left out.
 */
public final class ManifestJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private ManifestJson() {}

  /** The view, pretty-printed. */
  public static String toJson(Manifest m) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("format", "cairn-manifest");
      g.writeNumberField("version", m.formatVersion());
      g.writeObjectFieldStart("kdf");
      g.writeStringField("algorithm", m.kdf().algorithm());
      g.writeStringField("salt", m.kdf().salt().toHex());
      g.writeNumberField("memory_kib", m.kdf().memoryKiB());
      g.writeNumberField("iterations", m.kdf().iterations());
      g.writeNumberField("parallelism", m.kdf().parallelism());
      g.writeEndObject();
      g.writeStringField("file_id", m.fileId().toHex());
      g.writeNumberField("file_size", m.fileSize());
      g.writeNumberField("segment_size", m.segmentSize());
      g.writeNumberField("segment_count", m.segmentCount());
      g.writeNumberField("k", m.k());
      g.writeNumberField("m", m.m());
      g.writeStringField("cipher", m.cipher());
      g.writeStringField("created_at", m.createdAt().toString());
      if (m.fileName().isPresent()) {
        g.writeStringField("file_name", m.fileName().get());
      }
      if (m.contentType().isPresent()) {
        g.writeStringField("content_type", m.contentType().get());
      }
      g.writeObjectFieldStart("audit_sampling");
      g.writeNumberField("block_size", m.auditSampling().blockSize());
      g.writeNumberField("block_count", m.auditSampling().blockCount());
      g.writeEndObject();
      g.writeArrayFieldStart("shards");
      for (ShardEntry s : m.shards()) {
        g.writeStartObject();
        g.writeNumberField("segment", s.segment());
        g.writeNumberField("index", s.index());
        g.writeStringField("cid", s.cid().toString());
        g.writeNumberField("size", s.size());
        g.writeArrayFieldStart("placement");
        for (PeerId p : s.placement()) {
          g.writeString(p.toString());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("receipts");
        for (ShardReceipt r : s.receipts()) {
          g.writeStartObject();
          g.writeStringField("node", r.node().toString());
          g.writeStringField("signed", r.signed().toHex());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("audit_rounds");
        for (AuditRound a : s.auditRounds()) {
          g.writeStartObject();
          g.writeStringField("nonce", a.nonce().toHex());
          g.writeStringField("expected", a.expected().toHex());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeStringField("merkle_root", m.merkleRoot().toHex());
      g.writeStringField("manifest_hash", m.manifestHash().toHex());
      g.writeStringField("auth_tag", m.authTag().toHex());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a StringWriter cannot fail", e);
    }
    return out.toString();
  }
}
