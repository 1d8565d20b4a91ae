/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.loop;

import io.cairn.cli.common.CliEnv;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --sentinel-state}, {@code --sentinel-policy} and {@code --no-sentinel}, as a picocli
 * mixin: where the client keeps what it has learnt about nodes between runs (the files of {@code
 * cairn sentinel report}).
 */
public final class SentinelOptions {
  /** {@code ~/.cairn/sentinel.json}, relative to the home directory. */
  public static final String STATE_FILE = "sentinel.json";

  /** {@code ~/.cairn/sentinel-policy.properties}, relative to the home directory. */
  public static final String POLICY_FILE = "sentinel-policy.properties";

  @Option(
      names = "--sentinel-state",
      paramLabel = "FILE",
      description =
          "Node reputation kept between runs (default: ~/.cairn/sentinel.json; created if absent).")
  Path state;

  @Option(
      names = "--sentinel-policy",
      paramLabel = "FILE",
      description =
          "Sentinel policy (default: ~/.cairn/sentinel-policy.properties, else built-in defaults).")
  Path policy;

  @Option(
      names = "--no-sentinel",
      description = "Neither read nor update the node reputation: place and fetch by rank only.")
  boolean disabled;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  public SentinelOptions() {}

  public boolean disabled() {
    return disabled;
  }

  /** The state file: {@code --sentinel-state}, else {@code ~/.cairn/sentinel.json}. */
  public Path stateFile() {
    return state != null ? state : home(CliEnv.of(mixee)).resolve(STATE_FILE);
  }

  /** The policy file given or the default one, if either exists; empty means built-in defaults. */
  public Optional<Path> policyFile() {
    if (policy != null) {
      return Optional.of(policy);
    }
    Path p = home(CliEnv.of(mixee)).resolve(POLICY_FILE);
    return java.nio.file.Files.exists(p) ? Optional.of(p) : Optional.empty();
  }

  static Path home(CliEnv env) {
    return env.userHome().resolve(".cairn");
  }
}
