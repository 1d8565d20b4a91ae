/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.loop;

import java.io.PrintWriter;

/** Prints the sentinel's state changes of a run, one line each, for people. */
final class Transitions {
  private Transitions() {}

  static void print(ClientSentinel sentinel, PrintWriter err) {
    for (ClientSentinel.TransitionLine t : sentinel.summary().transitions()) {
      if (t.from().equals(t.to())) {
        continue; // vetting ended: not a change of state
      }
      err.println(
          "cairn: sentinel: "
              + t.node()
              + " "
              + t.from()
              + " -> "
              + t.to()
              + " ("
              + t.cause()
              + "): "
              + t.reason());
    }
    err.flush();
  }
}
