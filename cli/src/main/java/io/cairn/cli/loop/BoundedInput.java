/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.loop;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An input of unknown length (standard input) that may deliver at most {@code max} bytes: reading
 * past that throws {@link TooLong}, so an upload from a pipe fails as soon as it outgrows what one
 * manifest can describe instead of at the end.
 */
final class BoundedInput extends FilterInputStream {
  /** The input went past its bound. */
  static final class TooLong extends IOException {
    private static final long serialVersionUID = 1L;

    TooLong(long max) {
      super("the input is longer than " + max + " bytes");
    }
  }

  private final long max;
  private long read;

  BoundedInput(InputStream in, long max) {
    super(in);
    this.max = max;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  private void count(int n) throws TooLong {
    read += n;
    if (read > max) {
      throw new TooLong(max);
    }
  }

  /** Closing leaves standard input open: it is not ours. */
  @Override
  public void close() {}
}
