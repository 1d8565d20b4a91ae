/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.bench;

import io.cairn.protocol.crypto.Ed25519;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ed25519 sign and verify of a 100-byte message (the size of a receipt's signing bytes): the JDK's
 * {@code Signature("Ed25519")} on raw keys converted to JCA keys, BouncyCastle's low-level {@code
 * rfc8032.Ed25519}, and Cairn's {@link Ed25519} (which uses the faster of the two). Operations per
 * second; quote each as a ratio against {@code jdkSign}/{@code jdkVerify} of the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class Ed25519Bench {
  private byte[] message;
  private byte[] seed;
  private byte[] publicKey;
  private byte[] signature;
  private PrivateKey jdkPrivate;
  private PublicKey jdkPublic;
  private Ed25519.KeyPair cairnKeys;

  @Setup
  public void setup() throws GeneralSecurityException {
    SplittableRandom rnd = new SplittableRandom(1);
    message = new byte[100];
    rnd.nextBytes(message);
    seed = new byte[32];
    rnd.nextBytes(seed);
    cairnKeys = Ed25519.fromSeed(seed);
    publicKey = cairnKeys.publicKey().raw().toArray();
    signature = Ed25519.sign(cairnKeys.privateKey(), message);

    KeyFactory kf = KeyFactory.getInstance("Ed25519");
    jdkPrivate = kf.generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
    jdkPublic =
        kf.generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point(publicKey)));
    if (!jdkVerify() || !bcVerify() || !cairnVerify()) {
      throw new IllegalStateException("implementations disagree");
    }
  }

  /** RFC 8032 encoding → JCA point: little-endian y, x parity in the top bit. */
  private static EdECPoint point(byte[] raw) {
    byte[] be = new byte[raw.length];
    for (int i = 0; i < raw.length; i++) {
      be[i] = raw[raw.length - 1 - i];
    }
    boolean xOdd = (be[0] & 0x80) != 0;
    be[0] &= 0x7f;
    return new EdECPoint(xOdd, new BigInteger(1, be));
  }

  @Benchmark
  public byte[] jdkSign() throws GeneralSecurityException {
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(jdkPrivate);
    s.update(message);
    return s.sign();
  }

  @Benchmark
  public boolean jdkVerify() throws GeneralSecurityException {
    Signature s = Signature.getInstance("Ed25519");
    s.initVerify(jdkPublic);
    s.update(message);
    return s.verify(signature);
  }

  @Benchmark
  public byte[] bcSign() {
    byte[] sig = new byte[64];
    org.bouncycastle.math.ec.rfc8032.Ed25519.sign(
        seed, 0, publicKey, 0, message, 0, message.length, sig, 0);
    return sig;
  }

  @Benchmark
  public boolean bcVerify() {
    return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(
        signature, 0, publicKey, 0, message, 0, message.length);
  }

  @Benchmark
  public byte[] cairnSign() {
    return Ed25519.sign(cairnKeys.privateKey(), message);
  }

  @Benchmark
  public boolean cairnVerify() {
    return Ed25519.verify(cairnKeys.publicKey(), message, signature);
  }
}
