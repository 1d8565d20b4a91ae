/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.protocol.Protocols;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {
  @Test
  void shouldReserveAndReturnBytes() throws Exception {
    MemoryBudget b = new MemoryBudget(Protocols.MAX_SHARD_SIZE);
    assertEquals(Protocols.MAX_SHARD_SIZE, b.availableBytes());
    MemoryBudget.Lease l = b.acquire(1000); // rounded up to 1 KiB
    assertEquals(Protocols.MAX_SHARD_SIZE - 1024, b.availableBytes());
    l.close();
    l.close(); // idempotent
    assertEquals(Protocols.MAX_SHARD_SIZE, b.availableBytes());
  }

  @Test
  void shouldGiveUpWhenTheBudgetDoesNotFreeUp() throws Exception {
    MemoryBudget b = new MemoryBudget(Protocols.MAX_SHARD_SIZE);
    try (MemoryBudget.Lease _ = b.acquire(Protocols.MAX_SHARD_SIZE)) {
      assertTrue(b.tryAcquire(1, Duration.ofMillis(1)).isEmpty());
      try (MemoryBudget.Lease _ = b.tryAcquire(0, Duration.ZERO).orElseThrow()) {
        assertEquals(0, b.availableBytes());
      }
    }
    assertTrue(b.tryAcquire(Protocols.MAX_SHARD_SIZE, Duration.ZERO).isPresent());
  }

  @Test
  void shouldRefuseABudgetSmallerThanOneShardAndOversizedRequests() {
    assertThrows(IllegalArgumentException.class, () -> new MemoryBudget(1024));
    MemoryBudget b = MemoryBudget.forHeap(0);
    assertEquals(2 * Protocols.MAX_SHARD_SIZE, b.bytes());
    assertThrows(IllegalArgumentException.class, () -> b.acquire(b.bytes() + 1));
    assertThrows(IllegalArgumentException.class, () -> b.acquire(-1));
  }
}
