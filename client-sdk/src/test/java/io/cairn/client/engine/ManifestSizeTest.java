/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine;

import static io.cairn.client.engine.Fixture.SEG;
import static io.cairn.client.engine.Fixture.data;
import static io.cairn.client.engine.Fixture.uploadOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.client.manifest.ManifestLimits;
import io.cairn.client.placement.PlacementPolicy;
import org.junit.jupiter.api.Test;

/** The up-front manifest size bound against the manifests uploads really produce. */
class ManifestSizeTest {
  @Test
  void shouldBoundTheRealManifestTightlyForOneAndTwoReplicas() throws Exception {
    for (int replicas : new int[] {1, 2}) {
      FakeNetwork net = new FakeNetwork(70 + replicas, 12);
      byte[] plaintext = data(SEG * 5 + 123, replicas);
      UploadEngine.Options options = uploadOptions(net, 4, 2);
      Fixture.Uploaded up =
          Fixture.upload(
              net, plaintext, replicas, options, PlacementPolicy.DEFAULT.withReplicas(replicas));
      long actual = up.manifestBytes().length;
      long bound = ManifestSize.forUpload(plaintext.length, options.pipeline(), replicas);
      assertTrue(bound >= actual, "bound " + bound + " < actual " + actual);
      assertTrue(
          bound - actual <= ManifestSize.FIXED_BYTES, "bound " + bound + ", actual " + actual);
      // Every shard entry is exactly the estimate: the difference is the fixed part only.
      long perShard = ManifestSize.shardEntryBytes(replicas, options.pipeline().audit().rounds());
      long entries = (long) up.manifest().shards().size() * perShard;
      assertTrue(actual > entries && actual - entries < 1024, actual + " vs " + entries);
    }
  }

  @Test
  void shouldGiveTheLargestFileThatFitsAtDefaultSettings() {
    var p = UploadEngine.Options.defaults().pipeline();
    long max = ManifestSize.maxFileBytes(p, 1);
    assertTrue(ManifestSize.forUpload(max, p, 1) <= ManifestLimits.MAX_ENCODED_BYTES);
    assertTrue(
        ManifestSize.forUpload(max + p.segmentSize(), p, 1) > ManifestLimits.MAX_ENCODED_BYTES);
    System.out.printf(
        "largest file at 4 MiB segments, k=4 m=2, 8 rounds, 1 replica: %.1f GB (%d bytes per shard)%n",
        max / 1e9, ManifestSize.shardEntryBytes(1, 8));
    assertEquals(0, max % p.segmentSize());
  }
}
