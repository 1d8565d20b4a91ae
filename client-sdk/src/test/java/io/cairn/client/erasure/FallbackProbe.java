/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.erasure;

import java.util.Arrays;

/**
 * Run by {@link ErasureCodersTest} in a JVM started without {@code
 * --add-modules=jdk.incubator.vector}: the SDK must still load and code, with the scalar kernel.
 */
public final class FallbackProbe {
  private FallbackProbe() {}

  public static void main(String[] args) {
    System.out.println("implementation=" + ErasureCoders.implementationName());
    System.out.println("vector=" + (ErasureCoders.vector(4, 2).isPresent() ? "present" : "empty"));
    byte[] segment = new byte[1001];
    Arrays.fill(segment, (byte) 7);
    ErasureCoder coder = ErasureCoders.create(4, 2);
    byte[][] shards = ErasureCoders.encodeSegment(coder, segment, segment.length);
    shards[0] = null;
    shards[5] = null;
    coder.decode(shards, new boolean[] {false, true, true, true, true, false}, 0, shards[1].length);
    boolean ok = Arrays.equals(segment, ErasureCoders.join(shards, 4, segment.length));
    System.out.println("roundtrip=" + (ok ? "ok" : "FAILED"));
  }
}
