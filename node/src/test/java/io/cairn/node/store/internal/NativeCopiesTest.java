/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeCopiesTest {
  @TempDir Path dir;

  @Test
  void shouldRemoveOnlyOldCopiesOfTheLibrary() throws Exception {
    Assumptions.assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"));
    Instant now = Instant.now();
    Path old = Files.writeString(dir.resolve("librocksdbjni123.so"), "x");
    Files.setLastModifiedTime(old, FileTime.from(now.minus(Duration.ofHours(2))));
    Path fresh = Files.writeString(dir.resolve("librocksdbjni456.so"), "x");
    Path other = Files.writeString(dir.resolve("libother.so"), "x");
    Files.setLastModifiedTime(other, FileTime.from(now.minus(Duration.ofHours(2))));

    assertEquals(1, NativeCopies.sweep(dir, NativeCopies.MIN_AGE, now));
    assertFalse(Files.exists(old));
    assertTrue(Files.exists(fresh), "a copy being extracted right now is spared");
    assertTrue(Files.exists(other), "other libraries are not ours to remove");
  }
}
