/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.metrics;

import java.util.Objects;

/**
 * What {@code /health} reports.
 *
 * @param up whether the node can serve (its database is open); false gives HTTP 503
 * @param peerId the node's peer id
 * @param usedBytes bytes of stored shards
 * @param quotaBytes the quota
 * @param shards number of stored shards
 */
public record HealthStatus(
    boolean up, String peerId, long usedBytes, long quotaBytes, long shards) {
  public HealthStatus {
    Objects.requireNonNull(peerId, "peerId");
  }

  /** {@code {"status":"up",...}}. */
  public String toJson() {
    return "{\"status\":\""
        + (up ? "up" : "unavailable")
        + "\",\"peerId\":\""
        + jsonEscape(peerId)
        + "\",\"usedBytes\":"
        + usedBytes
        + ",\"quotaBytes\":"
        + quotaBytes
        + ",\"shards\":"
        + shards
        + "}";
  }

  private static String jsonEscape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
