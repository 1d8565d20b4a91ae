/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.manifest;

import io.cairn.cli.common.ExitCodes;
import io.cairn.cli.common.VerboseOption;
import io.cairn.client.manifest.Manifest;
import io.cairn.client.manifest.ManifestCodec;
import io.cairn.client.manifest.ManifestJson;
import io.cairn.client.manifest.ShardEntry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn manifest ...}: read-only views of a manifest. */
@Command(
    name = "manifest",
    mixinStandardHelpOptions = true,
    description = "Inspect manifests (no network, no password).",
    subcommands = {ManifestCommand.Show.class})
public final class ManifestCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * {@code cairn manifest show MANIFEST [--json]}: the manifest's summary and shards, after the
   * checks that need no password (limits, structure, manifest hash, Merkle root). It does not prove
   * the manifest is the owner's; {@code cairn validate} with the password does.
   */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = {
        "Print a manifest: a summary and one line per shard, or with --json the",
        "full JSON view. Checks integrity, not the password: 'cairn validate'",
        "checks the auth tag."
      })
  public static final class Show implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MANIFEST", description = "The manifest file.")
    Path manifest;

    @Option(names = "--json", description = "Print the manifest's JSON view.")
    boolean json;

    @Mixin VerboseOption verbose;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      Manifest m = ManifestCodec.decode(ManifestFiles.read(manifest));
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(ManifestJson.toJson(m));
        out.flush();
        return ExitCodes.OK;
      }
      out.println(ManifestSummary.row("manifest", manifest.toString()));
      for (String line : ManifestSummary.of(m).lines()) {
        out.println(line);
      }
      out.println(
          ManifestSummary.row("integrity", "ok (password not checked: see cairn validate)"));
      out.println();
      out.println(
          String.format(
              Locale.ROOT, "%7s %5s  %-59s %9s  %s", "SEGMENT", "INDEX", "CID", "SIZE", "PEERS"));
      for (ShardEntry s : m.shards()) {
        out.println(
            String.format(
                Locale.ROOT,
                "%7d %5d  %-59s %9d  %s%s",
                s.segment(),
                s.index(),
                s.cid(),
                s.size(),
                s.placement().isEmpty()
                    ? "-"
                    : String.join(" ", s.placement().stream().map(Object::toString).toList()),
                s.receipts().isEmpty() ? "" : "  (" + s.receipts().size() + " receipts)"));
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
