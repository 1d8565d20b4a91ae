/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {
  @TempDir Path dir;

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void shouldWriteThroughAPartialFileAndRenameOnCommit() throws Exception {
    Path target = dir.resolve("out.bin");
    try (AtomicOutput out = AtomicOutput.create(target, false)) {
      out.stream().write("hello".getBytes(StandardCharsets.US_ASCII));
      assertEquals(List.of("out.bin.partial"), names());
      assertFalse(Files.exists(target));
      out.commit();
    }
    assertEquals(List.of("out.bin"), names());
    assertEquals("hello", Files.readString(target));
  }

  @Test
  void shouldDeleteThePartialFileWhenClosedWithoutCommit() throws Exception {
    Path target = dir.resolve("out.bin");
    try (AtomicOutput out = AtomicOutput.create(target, false)) {
      out.stream().write(new byte[1000]);
    }
    assertEquals(List.of(), names());
  }

  @Test
  void shouldDeleteThePartialFileWhenTheWriterFails() throws Exception {
    Path target = dir.resolve("out.bin");
    IOException failure = new IOException("disk on fire");
    IOException thrown =
        assertThrows(
            IOException.class,
            () -> {
              try (AtomicOutput out = AtomicOutput.create(target, false)) {
                out.stream().write(1);
                throw failure;
              }
            });
    assertEquals(failure, thrown);
    assertEquals(List.of(), names());
  }

  @Test
  void shouldRefuseAnExistingTargetUnlessOverwriting() throws Exception {
    Path target = dir.resolve("m.cmf");
    Files.writeString(target, "old");
    FileAlreadyExistsException e =
        assertThrows(FileAlreadyExistsException.class, () -> AtomicOutput.create(target, false));
    assertTrue(e.getMessage().contains("--force"), e.getMessage());
    AtomicOutput.write(target, "new".getBytes(StandardCharsets.US_ASCII), true);
    assertEquals("new", Files.readString(target));
    assertEquals(List.of("m.cmf"), names());
  }

  @Test
  void shouldNotReplaceAFileThatAppearedWhileWriting() throws Exception {
    Path target = dir.resolve("race");
    try (AtomicOutput out = AtomicOutput.create(target, false)) {
      out.stream().write(2);
      Files.writeString(target, "someone else's");
      assertThrows(FileAlreadyExistsException.class, out::commit);
    }
    assertEquals("someone else's", Files.readString(target));
    assertEquals(List.of("race"), names());
  }

  @Test
  void shouldReplaceALeftoverPartialFile() throws Exception {
    Path target = dir.resolve("f");
    Files.writeString(
        dir.resolve("f" + AtomicOutput.SUFFIX), "stale leftover, longer than the new");
    AtomicOutput.write(target, new byte[] {1, 2, 3}, false);
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
    assertEquals(List.of("f"), names());
  }

  @Test
  void shouldLetTheStreamBeClosedBeforeCommit() throws Exception {
    Path target = dir.resolve("g");
    AtomicOutput out = AtomicOutput.create(target, false);
    try (OutputStream s = out.stream()) {
      s.write(new byte[] {9});
    }
    out.commit();
    out.close(); // closing after commit keeps the file
    assertArrayEquals(new byte[] {9}, Files.readAllBytes(target));
  }

  @Test
  void shouldRefuseADirectory() {
    assertThrows(IOException.class, () -> AtomicOutput.create(dir, true));
  }
}
