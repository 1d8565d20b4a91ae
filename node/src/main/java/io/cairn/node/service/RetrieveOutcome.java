/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.service;

import io.cairn.protocol.Bytes;
import io.cairn.protocol.message.ErrorReply;
import io.cairn.protocol.message.RetrieveAnswer;
import io.cairn.protocol.message.RetrieveResponse;
import java.util.Objects;

/** What {@link RetrieveService#retrieve} decided; {@link #answer()} goes on the wire first. */
public sealed interface RetrieveOutcome {
  RetrieveAnswer answer();

  /**
   * The signed response, and the shard bytes to stream after it.
   *
   * @param answer the response with its signed retrieval proof
   * @param data the bytes, checked against the CID just now ({@code answer.size()} of them)
   */
  record Served(RetrieveResponse answer, Bytes data) implements RetrieveOutcome {
    public Served {
      Objects.requireNonNull(answer, "answer");
      Objects.requireNonNull(data, "data");
      if (answer.size() != data.size()) {
        throw new IllegalArgumentException(
            "response announces " + answer.size() + " bytes but " + data.size() + " are served");
      }
    }
  }

  /** Nothing is served: not held, or the held copy failed its check. */
  record Refused(ErrorReply answer) implements RetrieveOutcome {
    public Refused {
      Objects.requireNonNull(answer, "answer");
    }
  }
}
