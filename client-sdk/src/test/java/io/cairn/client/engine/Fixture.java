/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine;

import io.cairn.client.audit.AuditParams;
import io.cairn.client.manifest.Manifest;
import io.cairn.client.manifest.ManifestCodec;
import io.cairn.client.pipeline.UploadPipeline;
import io.cairn.client.placement.PlacementPolicy;
import io.cairn.client.trace.Trace;
import io.cairn.client.trace.TraceEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

/** Shared setup of the engine tests: small segments, a cheap KDF, the fake network's clock. */
final class Fixture {
  static final int SEG = 64 << 10;
  static final char[] PASSWORD = "correct horse".toCharArray();

  private Fixture() {}

  static SecureRandom random(long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return r;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] data(int size, long seed) {
    byte[] b = new byte[size];
    new SplittableRandom(seed).nextBytes(b);
    return b;
  }

  static UploadEngine.Options uploadOptions(FakeNetwork net, int k, int m) {
    return UploadEngine.Options.defaults()
        .withPipeline(new UploadPipeline.Options(SEG, k, m, new AuditParams(4, 512, 4), 2))
        .withKdf(UploadEngine.KdfCost.INSECURE_FOR_TESTS)
        .withClock(net.clock());
  }

  /** Keeps every observation. */
  static final class Observations implements EngineListener {
    final List<NodeObservation> all = new CopyOnWriteArrayList<>();

    @Override
    public void observed(NodeObservation o) {
      all.add(o);
    }
  }

  /** An uploaded file: its plaintext, manifest and the upload's report and trace. */
  record Uploaded(
      byte[] plaintext,
      Manifest manifest,
      byte[] manifestBytes,
      UploadReport report,
      List<TraceEvent> trace,
      List<NodeObservation> observations) {}

  static Uploaded upload(FakeNetwork net, byte[] plaintext, long seed) throws Exception {
    return upload(net, plaintext, seed, uploadOptions(net, 4, 2), PlacementPolicy.DEFAULT);
  }

  static Uploaded upload(
      FakeNetwork net,
      byte[] plaintext,
      long seed,
      UploadEngine.Options options,
      PlacementPolicy policy)
      throws Exception {
    Observations obs = new Observations();
    UploadEngine engine = new UploadEngine(net, net, options, random(seed), obs);
    Trace.Recording trace = Trace.recording();
    UploadEngine.Result r =
        engine.upload(
            new ByteArrayInputStream(plaintext),
            PASSWORD,
            policy,
            UploadEngine.FileInfo.of("data.bin", "application/octet-stream"),
            trace);
    return new Uploaded(
        plaintext,
        r.manifest(),
        ManifestCodec.encode(r.manifest()),
        r.report(),
        trace.events(),
        new ArrayList<>(obs.all));
  }

  /** A retrieval's output, report, trace and observations. */
  record Retrieved(
      byte[] plaintext,
      RetrieveReport report,
      List<TraceEvent> trace,
      List<NodeObservation> observations) {}

  static RetrieveEngine retrieveEngine(
      FakeNetwork net, RetrieveEngine.Options options, long seed, EngineListener listener) {
    return new RetrieveEngine(net, net, options.withClock(net.clock()), random(seed), listener);
  }

  static Retrieved retrieve(
      FakeNetwork net, byte[] manifest, RetrieveEngine.Options options, long seed)
      throws Exception {
    Observations obs = new Observations();
    Trace.Recording trace = Trace.recording();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RetrieveReport report =
        retrieveEngine(net, options, seed, obs).retrieve(manifest, PASSWORD, out, trace);
    return new Retrieved(out.toByteArray(), report, trace.events(), new ArrayList<>(obs.all));
  }

  static Retrieved retrieve(FakeNetwork net, byte[] manifest, long seed) throws Exception {
    return retrieve(net, manifest, RetrieveEngine.Options.defaults(), seed);
  }

  static <T extends TraceEvent> List<T> events(List<TraceEvent> trace, Class<T> type) {
    return trace.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
