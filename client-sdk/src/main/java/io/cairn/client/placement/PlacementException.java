/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.placement;

/** No plan is possible: there is no peer the policy allows to hold a shard. */
public final class PlacementException extends Exception {
  public PlacementException(String message) {
    super(message);
  }
}
