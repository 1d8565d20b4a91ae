/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.cairn.cli.common.CliException;
import io.cairn.cli.common.ExitCodes;
import io.cairn.cli.common.JsonReport;
import io.cairn.cli.common.Password;
import io.cairn.cli.common.PasswordOptions;
import io.cairn.cli.common.PasswordSource;
import io.cairn.cli.common.VerboseOption;
import io.cairn.client.manifest.Manifest;
import io.cairn.client.manifest.ManifestCodec;
import io.cairn.client.manifest.ManifestException;
import io.cairn.client.manifest.ManifestKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cairn validate MANIFEST}: runs every check of a manifest without the network, in the order
 * of {@link ManifestCodec}: size limit, structure, manifest hash, Merkle root, and with the
 * password the password check and the auth tag. Prints a summary and {@code valid}, or the exact
 * problem with its exit code (3 wrong password, 4 tampered or invalid, 5 over a limit).
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check a manifest without touching the network: size limits, structure,",
      "manifest hash, Merkle root and, with the password, the auth tag.",
      "Prints a summary and 'valid', or the exact problem.",
      "Exit codes: 0 valid, 3 wrong password, 4 tampered or invalid, 5 over a limit."
    })
public final class ValidateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "MANIFEST", description = "The manifest file.")
  Path manifest;

  @Mixin PasswordOptions password;

  @Option(
      names = "--no-password",
      description = "Skip the password: check integrity only, not that the manifest is yours.")
  boolean noPassword;

  @Option(names = "--json", description = "Print the result as JSON (schema cairn.validate/v1).")
  boolean json;

  @Mixin VerboseOption verbose;

  @Spec CommandSpec spec;

  /** The schema of {@code --json} output. */
  public static final String JSON_SCHEMA = "cairn.validate/v1";

  private static final String OK = "ok";
  private static final String FAILED = "failed";
  private static final String SKIPPED = "skipped";
  private static final String NOT_RUN = "not-run";

  /** The {@code --json} document. */
  record Result(
      String schema,
      String manifest,
      boolean valid,
      Map<String, String> checks,
      JsonReport.Error error,
      ManifestSummary summary) {}

  @Override
  public Integer call() throws Exception {
    if (noPassword && password.passwordFile().isPresent()) {
      throw CliException.usage("--no-password and --password-file contradict each other");
    }
    PrintWriter out = spec.commandLine().getOut();
    Map<String, String> checks = new LinkedHashMap<>();
    for (String c : new String[] {"decode", "manifestHash", "merkleRoot", "password", "authTag"}) {
      checks.put(c, NOT_RUN);
    }
    Manifest m = null;
    try {
      byte[] bytes = ManifestFiles.read(manifest);
      try {
        m = ManifestCodec.decode(bytes);
      } catch (ManifestException e) {
        record(checks, e.reason());
        throw e;
      }
      checks.put("decode", OK);
      checks.put("manifestHash", OK);
      checks.put("merkleRoot", OK);
      if (noPassword) {
        checks.put("password", SKIPPED);
        checks.put("authTag", SKIPPED);
      } else {
        authenticate(m, checks);
      }
    } catch (ManifestException | CliException | IOException e) {
      if (json) {
        printJson(out, checks, ExitCodes.classify(e), m);
      } else if (m != null && e instanceof ManifestException) {
        printHuman(out, m, checks, false);
      }
      throw e;
    }
    if (json) {
      printJson(out, checks, null, m);
    } else {
      printHuman(out, m, checks, true);
    }
    return ExitCodes.OK;
  }

  private void authenticate(Manifest m, Map<String, String> checks)
      throws CliException, IOException, ManifestException {
    try (Password pw =
        password.read(PasswordSource.Purpose.UNLOCK, "manifest " + manifest.getFileName())) {
      try (ManifestKeys keys = ManifestFiles.derivation(pw).derive(m.kdf())) {
        ManifestCodec.authenticate(m, keys);
      } catch (ManifestException e) {
        record(checks, e.reason());
        throw e;
      }
    }
    checks.put("password", OK);
    checks.put("authTag", OK);
  }

  /** Marks the check that failed; those before it passed, those after it did not run. */
  private static void record(Map<String, String> checks, ManifestException.Reason reason) {
    switch (reason) {
      case TOO_LARGE, LIMIT_EXCEEDED, MALFORMED, UNSUPPORTED_VERSION ->
          checks.put("decode", FAILED);
      case HASH_MISMATCH -> {
        checks.put("decode", OK);
        checks.put("manifestHash", FAILED);
      }
      case MERKLE_MISMATCH -> {
        checks.put("decode", OK);
        checks.put("manifestHash", OK);
        checks.put("merkleRoot", FAILED);
      }
      case WRONG_PASSWORD -> checks.put("password", FAILED);
      case TAMPERED -> {
        checks.put("password", OK);
        checks.put("authTag", FAILED);
      }
    }
  }

  private void printHuman(PrintWriter out, Manifest m, Map<String, String> checks, boolean valid) {
    out.println(ManifestSummary.row("manifest", manifest.toString()));
    for (String line : ManifestSummary.of(m).lines()) {
      out.println(line);
    }
    out.println(ManifestSummary.row("integrity", "ok (manifest hash and Merkle root)"));
    String pw =
        switch (checks.get("password")) {
          case SKIPPED -> "not checked (--no-password): integrity only, not ownership";
          case FAILED -> "WRONG";
          default ->
              switch (checks.get("authTag")) {
                case OK -> "ok, auth tag verified";
                case FAILED -> "right, but the auth tag does not verify: TAMPERED";
                default -> "not checked";
              };
        };
    out.println(ManifestSummary.row("password", pw));
    out.println(valid ? "valid" : "invalid");
    out.flush();
  }

  private void printJson(
      PrintWriter out, Map<String, String> checks, ExitCodes.Failure failure, Manifest m)
      throws JsonProcessingException {
    Result r =
        new Result(
            JSON_SCHEMA,
            manifest.toString(),
            failure == null,
            checks,
            failure == null ? null : JsonReport.Error.of(failure),
            m == null ? null : ManifestSummary.of(m));
    out.println(JsonReport.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(r));
    out.flush();
  }
}
