/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.loop;

import io.cairn.cli.common.Progress;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Counts the bytes written into a {@link Progress}. */
final class CountingOutputStream extends FilterOutputStream {
  private final Progress progress;

  CountingOutputStream(OutputStream out, Progress progress) {
    super(out);
    this.progress = progress;
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    progress.advance(1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    progress.advance(len);
  }
}
