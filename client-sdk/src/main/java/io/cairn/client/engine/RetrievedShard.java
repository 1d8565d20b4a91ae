/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine;

import io.cairn.protocol.message.RetrieveResponse;
import java.util.Objects;

/**
 * What a node sent for a retrieve request: its response (the signed retrieval proof and the size)
 * and the shard bytes that followed it. Nothing here has been checked yet: the retrieve engine
 * verifies the proof and the CID before using the bytes.
 *
 * <p>The array is handed over without a copy: the transport must not touch it afterwards.
 */
public final class RetrievedShard {
  private final RetrieveResponse response;
  private final byte[] bytes;

  /**
   * @throws IllegalArgumentException if the byte count is not the size the response announced (a
   *     transport must read exactly that many bytes and report fewer as {@link
   *     TransportException.Kind#PROTOCOL})
   */
  public RetrievedShard(RetrieveResponse response, byte[] bytes) {
    this.response = Objects.requireNonNull(response, "response");
    this.bytes = Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != response.size()) {
      throw new IllegalArgumentException(
          "the response announced " + response.size() + " bytes but " + bytes.length + " came");
    }
  }

  public RetrieveResponse response() {
    return response;
  }

  /** The bytes as received (unchecked); do not modify. */
  public byte[] bytes() {
    return bytes;
  }

  @Override
  public String toString() {
    return "RetrievedShard[" + response.proof().cid() + ", " + bytes.length + " bytes]";
  }
}
