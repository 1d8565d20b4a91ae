/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.erasure.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class ReedSolomonCoderTest {
  @Test
  void shouldCacheDecodePlansPerErasurePatternAndEvictTheLeastRecentlyUsed() {
    ReedSolomonCoder coder = new ReedSolomonCoder(10, 4, ScalarKernel::new, "scalar");
    BitSet first = present(14, 0);
    ReedSolomonCoder.DecodePlan plan = coder.decodePlan(first);
    assertSame(plan, coder.decodePlan(present(14, 0)));
    assertEquals(1, coder.cachedDecodePlans());
    ReedSolomonCoder.DecodePlan oldest = coder.decodePlan(present(14, 1));
    for (int missing = 1; missing < 14; missing++) {
      coder.decodePlan(present(14, missing));
      coder.decodePlan(present(14, 0)); // keep the first one recently used
    }
    for (int a = 1; a < 14; a++) {
      coder.decodePlan(present(14, a, (a + 1) % 14));
    }
    assertEquals(ReedSolomonCoder.DECODE_CACHE_SIZE, coder.cachedDecodePlans());
    assertSame(plan, coder.decodePlan(present(14, 0)));
    assertNotSame(oldest, coder.decodePlan(present(14, 1)), "evicted and rebuilt");
  }

  @Test
  void shouldExposeTheSystematicEncodingMatrix() {
    ReedSolomonCoder coder = new ReedSolomonCoder(2, 1, ScalarKernel::new, "scalar");
    assertArrayEquals(Matrices.cauchyEncodingMatrix(2, 1), coder.encodingMatrix());
  }

  private static BitSet present(int n, int... missing) {
    BitSet set = new BitSet(n);
    set.set(0, n);
    for (int i : missing) {
      set.clear(i);
    }
    return set;
  }
}
