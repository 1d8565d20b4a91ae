/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.manifest;

import io.cairn.cli.common.AtomicOutput;
import io.cairn.cli.common.CliEnv;
import io.cairn.cli.common.CliException;
import io.cairn.cli.common.ExitCodes;
import io.cairn.cli.common.Password;
import io.cairn.cli.common.PasswordOptions;
import io.cairn.cli.common.PasswordSource;
import io.cairn.cli.common.VerboseOption;
import io.cairn.client.crypto.KdfParams;
import io.cairn.client.manifest.LegacyManifest;
import io.cairn.client.manifest.Manifest;
import io.cairn.client.manifest.ManifestCodec;
import io.cairn.client.manifest.ManifestException;
import io.cairn.client.manifest.ManifestKeys;
import io.cairn.client.manifest.ManifestMigration;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cairn migrate OLD -o NEW}: turns a legacy v0 JSON manifest into a current authenticated
 * one (see {@link ManifestMigration}). v0 holds nothing derived from the password, so the password
 * cannot be checked: at a prompt it is asked twice. The new manifest is checked with the same keys
 * before it is written, atomically, and never over an existing file without {@code --force}. The
 * old file is left as it is.
 */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      "Convert a legacy v0 JSON manifest into the current authenticated format.",
      "v0 holds nothing derived from the password, so the password cannot be",
      "checked: it is asked twice, and the new manifest is sealed with it.",
      "OLD is left unchanged; NEW is written atomically."
    })
public final class MigrateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "OLD", description = "The v0 JSON manifest.")
  Path old;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "NEW",
      required = true,
      description = "Where to write the migrated manifest.")
  Path output;

  @Option(names = "--force", description = "Replace NEW if it exists.")
  boolean force;

  @Option(
      names = {"-q", "--quiet"},
      description = "No notes on standard error (errors still show).")
  boolean quiet;

  @Mixin PasswordOptions password;

  @Mixin VerboseOption verbose;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (Files.exists(output) && Files.exists(old) && Files.isSameFile(old, output)) {
      throw CliException.usage(
          "NEW is the same file as OLD; write the migrated manifest elsewhere");
    }
    if (!force && Files.exists(output)) {
      throw new FileAlreadyExistsException(
          output.toString(), null, "already exists (use --force to replace it)");
    }
    byte[] bytes = ManifestFiles.read(old);
    if (!ManifestCodec.isLegacyJson(bytes)) {
      byte[] magic = ManifestCodec.MAGIC.getBytes(StandardCharsets.US_ASCII);
      if (bytes.length >= magic.length
          && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length)) {
        throw new CliException(
            ExitCodes.FAILURE,
            "ALREADY_CURRENT",
            old
                + " is already a binary manifest; there is nothing to migrate (check it with"
                + " cairn validate)");
      }
      throw new ManifestException(
          ManifestException.Reason.MALFORMED,
          old + " is not a legacy v0 manifest (a JSON object) nor a Cairn manifest");
    }
    LegacyManifest v0 = LegacyManifest.parse(bytes);
    if (!quiet) {
      err.println(
          "cairn: note: a v0 manifest holds nothing derived from the password, so the password"
              + " cannot be checked now.");
      err.println(
          "cairn: note: the new manifest is sealed with the password you give; a typo would make"
              + " it unopenable (OLD stays as it is).");
      if (v0.manifestHash().isEmpty()) {
        err.println(
            "cairn: note: " + old + " has no manifest_hash; only its Merkle root can be checked.");
      }
      err.flush();
    }
    Manifest migrated;
    byte[] encoded;
    try (Password pw = password.read(PasswordSource.Purpose.CREATE, "the migrated manifest");
        ManifestKeys keys = ManifestFiles.derivation(pw).derive(v0.kdf())) {
      migrated = ManifestMigration.migrate(v0, keys, CliEnv.of(spec).clock().instant());
      encoded = ManifestCodec.encode(migrated);
      // Read it back as retrieve will, before anything is written.
      ManifestCodec.authenticate(ManifestCodec.decode(encoded), keys);
    }
    try (AtomicOutput o = AtomicOutput.create(output, force)) {
      o.stream().write(encoded);
      o.commit();
    }
    KdfParams kdf = migrated.kdf();
    int rounds = migrated.shards().stream().mapToInt(s -> s.auditRounds().size()).sum();
    out.printf(
        "migrated %s (v0) to %s (format version %d): %d shards in %d segments, %d audit rounds;"
            + " salt and KDF costs kept (%s, %s, t=%d, p=%d)%n",
        old,
        output,
        migrated.formatVersion(),
        migrated.shards().size(),
        migrated.segmentCount(),
        rounds,
        kdf.algorithm(),
        ManifestSummary.memory(kdf.memoryKiB()),
        kdf.iterations(),
        kdf.parallelism());
    out.flush();
    return ExitCodes.OK;
  }
}
