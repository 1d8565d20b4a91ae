/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine.internal;

import io.cairn.client.engine.NodeObservation.Outcome;
import io.cairn.client.engine.TransportException;
import io.cairn.protocol.ErrorCode;
import java.util.Objects;
import java.util.Optional;

/**
 * The engines' judgement of one answer: an outcome, the node's error code if it refused, and a
 * message for people.
 */
public record Verdict(Outcome outcome, Optional<ErrorCode> refusal, String detail) {
  public static final Verdict OK = new Verdict(Outcome.OK, Optional.empty(), "");

  public Verdict {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(refusal, "refusal");
    Objects.requireNonNull(detail, "detail");
  }

  public static Verdict of(Outcome outcome, String detail) {
    return new Verdict(outcome, Optional.empty(), detail);
  }

  /** The verdict on a call that threw. */
  public static Verdict of(TransportException e) {
    String message = String.valueOf(e.getMessage());
    return switch (e.kind()) {
      case UNREACHABLE -> of(Outcome.UNREACHABLE, message);
      case TIMEOUT -> of(Outcome.TIMEOUT, message);
      case PROTOCOL -> of(Outcome.PROTOCOL_ERROR, message);
      case REFUSED -> {
        ErrorCode code = e.code().orElseThrow();
        yield new Verdict(
            code == ErrorCode.NOT_FOUND ? Outcome.NOT_FOUND : Outcome.REFUSED,
            Optional.of(code),
            message);
      }
    };
  }

  public boolean ok() {
    return outcome == Outcome.OK;
  }

  /** One phrase for traces: {@code TIMEOUT: no answer in 10 s}. */
  public String explain() {
    return outcome + refusal.map(c -> " " + c).orElse("") + (detail.isEmpty() ? "" : ": " + detail);
  }
}
