/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.erasure;

import io.cairn.client.erasure.internal.VectorSupport;
import java.util.ArrayList;
import java.util.List;

/** The implementations every coder test runs against: scalar, and each usable vector size. */
final class Implementations {
  private Implementations() {}

  /** {@code "scalar"}, then {@code "vector-128"} up to the machine's preferred size. */
  static List<String> names() {
    List<String> names = new ArrayList<>();
    names.add("scalar");
    if (VectorSupport.available()) {
      int preferred = VectorSupport.resolveBits(0);
      for (int bits = 128; bits <= preferred; bits *= 2) {
        names.add("vector-" + bits);
      }
    }
    return names;
  }

  static ErasureCoder create(String name, int k, int m) {
    if (name.equals("scalar")) {
      return ErasureCoders.scalar(k, m);
    }
    int bits = Integer.parseInt(name.substring("vector-".length()));
    return ErasureCoders.vector(k, m, bits).orElseThrow();
  }
}
