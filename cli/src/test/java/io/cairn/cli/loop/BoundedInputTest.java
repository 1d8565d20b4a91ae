/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.client.audit.AuditParams;
import io.cairn.client.manifest.ManifestLimits;
import io.cairn.client.pipeline.UploadPipeline;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class BoundedInputTest {
  @Test
  void shouldPassUpToTheBoundAndRefuseOneByteMore() throws Exception {
    byte[] data = new byte[1000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) i;
    }
    try (BoundedInput in = new BoundedInput(new ByteArrayInputStream(data), 1000)) {
      assertArrayEquals(data, in.readAllBytes());
    }
    try (BoundedInput in = new BoundedInput(new ByteArrayInputStream(data), 999)) {
      BoundedInput.TooLong e = assertThrows(BoundedInput.TooLong.class, in::readAllBytes);
      assertEquals("the input is longer than 999 bytes", e.getMessage());
    }
    try (BoundedInput in = new BoundedInput(new ByteArrayInputStream(data), 0)) {
      assertThrows(BoundedInput.TooLong.class, in::read);
    }
  }

  @Test
  void shouldBoundStandardInputByWhatOneManifestDescribes() {
    var p = new UploadPipeline.Options(4 << 20, 4, 2, AuditParams.DEFAULT, 2);
    UploadCommand c = new UploadCommand();
    c.replicas = 1;
    long max = c.maxBytes(p);
    assertEquals(io.cairn.client.engine.ManifestSize.maxFileBytes(p, 1), max);
    assertTrue(max <= (long) (ManifestLimits.MAX_SHARDS / 6) * (4 << 20));
  }
}
