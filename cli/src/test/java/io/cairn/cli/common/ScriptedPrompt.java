/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.common;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A terminal that types the given answers in order and remembers the prompts it was shown. */
public final class ScriptedPrompt implements PasswordPrompt {
  private final Deque<String> answers = new ArrayDeque<>();
  private final List<String> prompts = new ArrayList<>();

  public ScriptedPrompt(String... answers) {
    this.answers.addAll(List.of(answers));
  }

  @Override
  public synchronized char[] readPassword(String prompt) {
    prompts.add(prompt);
    String a = answers.poll();
    return a == null ? null : a.toCharArray();
  }

  public synchronized List<String> prompts() {
    return List.copyOf(prompts);
  }

  public synchronized int unused() {
    return answers.size();
  }
}
