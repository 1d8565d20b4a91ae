/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Damages database files the way a failing disk would. */
final class DiskCorruption {
  private DiskCorruption() {}

  static List<Path> blobFiles(Path dbDir) throws IOException {
    try (Stream<Path> s = Files.list(dbDir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".blob")).sorted().toList();
    }
  }

  static void flipByteInMiddle(Path file) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      long pos = f.length() / 2;
      f.seek(pos);
      int b = f.read();
      f.seek(pos);
      f.write(b ^ 0x01);
      f.getFD().sync();
    }
  }
}
