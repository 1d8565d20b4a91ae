/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.pipeline;

import io.cairn.client.crypto.SegmentCipher;
import io.cairn.client.erasure.ErasureCoder;
import io.cairn.client.erasure.ErasureCoders;
import io.cairn.client.manifest.Manifest;
import io.cairn.client.manifest.ShardEntry;
import io.cairn.client.trace.Trace;
import io.cairn.client.trace.TraceEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.crypto.AEADBadTagException;

/**
 * The client's retrieve pipeline without the network (DESIGN.md, "Retrieve"): for each segment of
 * an authenticated manifest, takes shards from a {@link ShardSource} (data shards first, so an
 * intact file needs no decoding), refuses any whose CID does not match the manifest, rebuilds
 * missing data shards from any k good ones, opens the segment with AES-256-GCM, and streams the
 * plaintext out in order. {@code threads} segments are worked on at once; memory stays bounded by a
 * few segments.
 *
 * <p>The manifest must have been authenticated ({@code ManifestCodec.open}) before it is given
 * here: this class trusts its CIDs and sizes.
 */
public final class RetrievePipeline {
  private final int threads;

  /**
   * @param threads segments worked on at once (fetching is usually I/O-bound, so more than the
   *     cores can help)
   */
  public RetrievePipeline(int threads) {
    if (threads < 1 || threads > 1024) {
      throw new IllegalArgumentException("threads must be in 1..1024, got " + threads);
    }
    this.threads = threads;
  }

  /**
   * Restores the file of {@code manifest} to {@code out}.
   *
   * @return plaintext bytes written
   * @throws NotEnoughShardsException if a segment has fewer than k good shards; nothing after the
   *     segments before it has been written
   * @throws IOException if a segment fails authentication or {@code out} fails
   */
  public long run(
      Manifest manifest, SegmentCipher cipher, ShardSource source, OutputStream out, Trace trace)
      throws IOException {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(cipher, "cipher");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(trace, "trace");
    ErasureCoder coder = ErasureCoders.create(manifest.k(), manifest.m());
    ThreadLocal<SegmentCipher> ciphers = ThreadLocal.withInitial(cipher::copy);
    long[] written = {0};
    try (OrderedWorkers<byte[]> workers =
        new OrderedWorkers<>(
            threads,
            threads * 2,
            "cairn-decode",
            plaintext -> {
              out.write(plaintext);
              written[0] += plaintext.length;
            })) {
      for (int s = 0; s < manifest.segmentCount(); s++) {
        int segment = s;
        workers.submit(() -> decodeSegment(manifest, segment, coder, ciphers.get(), source, trace));
      }
      workers.finish();
    }
    out.flush();
    return written[0];
  }

  /** Fetches, verifies, rebuilds and opens one segment. */
  static byte[] decodeSegment(
      Manifest manifest,
      int segment,
      ErasureCoder coder,
      SegmentCipher cipher,
      ShardSource source,
      Trace trace)
      throws IOException {
    int k = manifest.k();
    int n = k + manifest.m();
    List<ShardEntry> entries = manifest.segmentShards(segment);
    byte[][] shards = new byte[n][];
    boolean[] present = new boolean[n];
    List<Integer> used = new ArrayList<>(k);
    int good = 0;
    int tried = 0;
    String lastError = null;
    for (int i = 0; i < n && good < k; i++) {
      ShardEntry entry = entries.get(i);
      tried++;
      VerifiedShard shard;
      try {
        shard = source.fetch(entry);
      } catch (IOException e) {
        lastError = e.getMessage();
        trace.record(
            new TraceEvent.ShardUnavailable(segment, i, entry.cid(), String.valueOf(lastError)));
        continue;
      }
      if (!shard.cid().equals(entry.cid()) || shard.size() != entry.size()) {
        lastError = "shard source returned a different shard";
        trace.record(
            new TraceEvent.ShardRejected(segment, i, entry.cid(), "shard source", lastError));
        continue;
      }
      shards[i] = shard.bytes();
      present[i] = true;
      used.add(i);
      good++;
    }
    if (good < k) {
      throw new NotEnoughShardsException(segment, good, k, tried, lastError);
    }
    int shardSize = entries.get(0).size();
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      if (!present[i]) {
        missing.add(i);
      }
    }
    if (!missing.isEmpty()) {
      coder.decode(shards, present, 0, shardSize);
      trace.record(new TraceEvent.SegmentReconstructed(segment, missing, used));
    }
    long plainLength = manifest.segmentLength(segment);
    int sealedLength = SegmentCipher.sealedSize(Math.toIntExact(plainLength));
    if ((long) shardSize * k < sealedLength) {
      throw new IOException(
          "segment "
              + segment
              + ": "
              + k
              + " shards of "
              + shardSize
              + " bytes cannot hold its "
              + sealedLength
              + " sealed bytes");
    }
    byte[] sealed = ErasureCoders.join(shards, k, sealedLength);
    boolean last = segment == manifest.segmentCount() - 1;
    try {
      int len = cipher.open(segment, last, sealed, 0, sealedLength, sealed, 0);
      return len == sealed.length ? sealed : java.util.Arrays.copyOf(sealed, len);
    } catch (AEADBadTagException e) {
      throw new IOException(
          "segment "
              + segment
              + " failed authentication: its shards matched their CIDs, so the"
              + " manifest or the key does not belong to this data");
    }
  }
}
