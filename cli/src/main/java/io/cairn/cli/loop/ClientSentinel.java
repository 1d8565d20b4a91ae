/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.loop;

import io.cairn.cli.common.CliException;
import io.cairn.cli.common.ExitCodes;
import io.cairn.cli.sentinel.SentinelFiles;
import io.cairn.client.engine.EngineListener;
import io.cairn.client.engine.NodeObservation;
import io.cairn.client.placement.PlacementPolicy;
import io.cairn.protocol.PeerId;
import io.cairn.sentinel.Evidence;
import io.cairn.sentinel.NodeState;
import io.cairn.sentinel.PlacementView;
import io.cairn.sentinel.Policy;
import io.cairn.sentinel.Sentinel;
import io.cairn.sentinel.SentinelFormatException;
import io.cairn.sentinel.TimeSource;
import io.cairn.sentinel.Transition;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The sentinel as one CLI run uses it: loaded from its state file before the run, asked for the
 * placement rules, fed the run's observations as {@link Evidence} (through {@link #listener()}),
 * and saved after the run with {@link #commit()}. Disabled ({@code --no-sentinel}) it places by
 * rank only and records nothing.
 */
public final class ClientSentinel {
  private final Sentinel sentinel;
  private final Path stateFile;
  private final PlacementView view;
  private final ConcurrentLinkedQueue<Evidence> pending = new ConcurrentLinkedQueue<>();
  private final List<Transition> transitions = new ArrayList<>();
  private int recorded;

  private ClientSentinel(Sentinel sentinel, Path stateFile) {
    this.sentinel = sentinel;
    this.stateFile = stateFile;
    this.view = sentinel == null ? null : sentinel.placementView();
  }

  /**
   * Loads the state and policy the options name.
   *
   * @throws CliException if the state or policy file is not valid
   */
  public static ClientSentinel load(SentinelOptions options, TimeSource time)
      throws CliException, IOException {
    if (options.disabled()) {
      return new ClientSentinel(null, null);
    }
    return load(options.stateFile(), options.policyFile(), time);
  }

  /** Loads {@code stateFile} (empty if absent) under the policy file or the built-in defaults. */
  public static ClientSentinel load(Path stateFile, Optional<Path> policyFile, TimeSource time)
      throws CliException, IOException {
    try {
      Policy policy =
          policyFile.isPresent() ? SentinelFiles.loadPolicy(policyFile.get()) : Policy.defaults();
      return new ClientSentinel(SentinelFiles.loadState(stateFile, policy, time), stateFile);
    } catch (SentinelFormatException e) {
      throw new CliException(
          ExitCodes.FAILURE,
          "SENTINEL_STATE_INVALID",
          "sentinel: " + e.getMessage() + " (fix or move the file, or run with --no-sentinel)");
    }
  }

  /** A sentinel that knows nothing and keeps nothing. */
  public static ClientSentinel disabled() {
    return new ClientSentinel(null, null);
  }

  public boolean enabled() {
    return sentinel != null;
  }

  /** The state file, when enabled. */
  public Optional<Path> stateFile() {
    return Optional.ofNullable(stateFile);
  }

  /**
   * The placement rules for one upload: the view's excluded nodes, and its deprioritised ones for
   * {@code key} (suspect nodes, and vetting nodes that lose the key's lottery).
   */
  public PlacementPolicy placement(int replicas, String key) {
    PlacementPolicy p = PlacementPolicy.DEFAULT.withReplicas(replicas);
    if (view == null) {
      return p;
    }
    return p.withExcluded(peers(view.excluded())).withDeprioritised(peers(view.deprioritised(key)));
  }

  /** Nodes placement skips now. */
  public Set<PeerId> excluded() {
    return view == null ? Set.of() : peers(view.excluded());
  }

  /** The policy's fingerprint, when enabled. */
  public Optional<String> policyFingerprint() {
    return view == null ? Optional.empty() : Optional.of(view.policyFingerprint());
  }

  /** The placement view's fingerprint (policy and every node's standing), when enabled. */
  public Optional<String> viewFingerprint() {
    return view == null ? Optional.empty() : Optional.of(view.fingerprint());
  }

  /** The standing the view gives {@code peer} at the start of the run. */
  public Optional<PlacementView.Standing> standing(PeerId peer) {
    return view == null ? Optional.empty() : Optional.of(view.standing(peer.toString()));
  }

  /** The node's state now, when enabled. */
  public Optional<NodeState> state(PeerId peer) {
    return sentinel == null ? Optional.empty() : Optional.of(sentinel.state(peer.toString()));
  }

  /** Queues evidence for {@link #commit()}. */
  public void add(Evidence e) {
    if (sentinel != null) {
      pending.add(e);
    }
  }

  /** An engine listener that queues every observation's evidence. */
  public EngineListener listener() {
    return o -> observe(o);
  }

  /** Queues the evidence of one observation. */
  public void observe(NodeObservation o) {
    if (sentinel != null) {
      EvidenceMapper.toEvidence(o).ifPresent(pending::add);
    }
  }

  /**
   * Records the queued evidence in time order and saves the state. Safe to call more than once;
   * each call records what was queued since the last.
   *
   * @return the transitions this call caused
   */
  public synchronized List<Transition> commit() throws IOException {
    if (sentinel == null) {
      return List.of();
    }
    List<Evidence> batch = new ArrayList<>();
    for (Evidence e; (e = pending.poll()) != null; ) {
      batch.add(e);
    }
    batch.sort(Comparator.comparingLong(Evidence::at));
    List<Transition> ts = sentinel.recordAll(batch);
    recorded += batch.size();
    transitions.addAll(ts);
    SentinelFiles.save(sentinel, stateFile);
    return ts;
  }

  /** What the run did with the sentinel, for the report. */
  public synchronized Summary summary() {
    if (sentinel == null) {
      return new Summary(false, null, null, null, List.of(), List.of(), 0, List.of());
    }
    List<TransitionLine> lines = new ArrayList<>();
    for (Transition t : transitions) {
      lines.add(
          new TransitionLine(
              t.node(),
              t.from().name().toLowerCase(java.util.Locale.ROOT),
              t.to().name().toLowerCase(java.util.Locale.ROOT),
              t.cause(),
              t.reason()));
    }
    return new Summary(
        true,
        stateFile.toString(),
        view.policyFingerprint(),
        view.fingerprint(),
        List.copyOf(view.excluded()),
        List.copyOf(view.deprioritised()),
        recorded,
        lines);
  }

  /**
   * The sentinel part of a report.
   *
   * @param enabled false with {@code --no-sentinel}
   * @param stateFile where the state was read and saved
   * @param policyFingerprint the policy's fingerprint
   * @param placementFingerprint the placement view's fingerprint at the start of the run (policy
   *     and every known node's standing): the same fingerprint means the same placement rules
   * @param excluded nodes placement skipped (quarantined or disqualified) at the start of the run
   * @param deprioritised nodes ranked lower (suspect, or vetting) at the start of the run
   * @param evidenceRecorded pieces of evidence this run recorded
   * @param transitions the state changes this run caused
   */
  public record Summary(
      boolean enabled,
      String stateFile,
      String policyFingerprint,
      String placementFingerprint,
      List<String> excluded,
      List<String> deprioritised,
      int evidenceRecorded,
      List<TransitionLine> transitions) {}

  /** One state change, for people. */
  public record TransitionLine(String node, String from, String to, String cause, String reason) {}

  private static Set<PeerId> peers(SortedSet<String> ids) {
    Set<PeerId> out = new LinkedHashSet<>();
    for (String id : ids) {
      try {
        out.add(PeerId.parse(id));
      } catch (IllegalArgumentException e) {
        // Evidence files may name nodes by other ids (simulations); they are not peers here.
      }
    }
    return out;
  }
}
