/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.bench;

import io.cairn.client.crypto.SecretBytes;
import io.cairn.client.crypto.SegmentCipher;
import io.cairn.protocol.Bytes;
import java.security.GeneralSecurityException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * AES-256-GCM on one default-size (4 MiB) segment: the JDK cipher called with one {@code doFinal}
 * against 64 KiB {@code update} chunks plus {@code doFinal}, for sealing and opening, then Cairn's
 * {@link SegmentCipher} (which uses the faster of each), beside an array copy of the same size.
 * Results are operations per second; multiply by 4 MiB for bytes/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class AeadBench {
  static final int SEGMENT = 4 << 20;
  static final int CHUNK = 64 << 10;
  static final int TAG_BITS = 128;

  private byte[] plaintext;
  private byte[] sealed;
  private byte[] sealedOut;
  private byte[] openedOut;
  private byte[] openNonce;
  private byte[] nonce;
  private long counter;
  private SecretKeySpec key;
  private Cipher cipher;
  private SegmentCipher segmentCipher;
  private byte[] aad;

  @Setup
  public void setup() throws GeneralSecurityException {
    SplittableRandom r = new SplittableRandom(1);
    plaintext = new byte[SEGMENT];
    r.nextBytes(plaintext);
    byte[] k = new byte[32];
    r.nextBytes(k);
    key = new SecretKeySpec(k, "AES");
    aad = new byte[57];
    r.nextBytes(aad);
    cipher = Cipher.getInstance("AES/GCM/NoPadding");
    nonce = new byte[12];
    openNonce = new byte[12];
    sealed = new byte[SEGMENT + 16];
    sealedOut = new byte[SEGMENT + 16];
    openedOut = new byte[SEGMENT + 16];
    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, openNonce));
    cipher.updateAAD(aad);
    cipher.doFinal(plaintext, 0, SEGMENT, sealed, 0);
    byte[] fileId = new byte[32];
    r.nextBytes(fileId);
    segmentCipher = new SegmentCipher(SecretBytes.copyOf(k), Bytes.wrap(fileId));
  }

  @TearDown
  public void tearDown() {
    segmentCipher.close();
  }

  /** A new nonce per seal: the JDK refuses to encrypt twice in a row with one. */
  private GCMParameterSpec nextNonce() {
    long c = ++counter;
    for (int i = 11; i >= 4; i--) {
      nonce[i] = (byte) c;
      c >>>= 8;
    }
    return new GCMParameterSpec(TAG_BITS, nonce);
  }

  @Benchmark
  public byte[] arrayCopy() {
    System.arraycopy(plaintext, 0, sealedOut, 0, SEGMENT);
    return sealedOut;
  }

  @Benchmark
  public int sealDoFinal() throws GeneralSecurityException {
    cipher.init(Cipher.ENCRYPT_MODE, key, nextNonce());
    cipher.updateAAD(aad);
    return cipher.doFinal(plaintext, 0, SEGMENT, sealedOut, 0);
  }

  @Benchmark
  public int sealChunked64k() throws GeneralSecurityException {
    cipher.init(Cipher.ENCRYPT_MODE, key, nextNonce());
    cipher.updateAAD(aad);
    int w = 0;
    for (int off = 0; off < SEGMENT; off += CHUNK) {
      w += cipher.update(plaintext, off, CHUNK, sealedOut, w);
    }
    return w + cipher.doFinal(sealedOut, w);
  }

  @Benchmark
  public int openDoFinal() throws GeneralSecurityException {
    cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, openNonce));
    cipher.updateAAD(aad);
    return cipher.doFinal(sealed, 0, SEGMENT + 16, openedOut, 0);
  }

  @Benchmark
  public int openChunked64k() throws GeneralSecurityException {
    cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, openNonce));
    cipher.updateAAD(aad);
    int w = 0;
    for (int off = 0; off < SEGMENT + 16; off += CHUNK) {
      w += cipher.update(sealed, off, Math.min(CHUNK, SEGMENT + 16 - off), openedOut, w);
    }
    return w + cipher.doFinal(openedOut, w);
  }

  @Benchmark
  public int segmentCipherSeal() {
    return segmentCipher.seal(++counter, false, plaintext, 0, SEGMENT, sealedOut, 0);
  }

  /** Opens what {@link #segmentCipherSeal()} wrote last (set up once per iteration). */
  @Benchmark
  public int segmentCipherOpen(SealedSegment s) throws GeneralSecurityException {
    return segmentCipher.open(s.index, false, s.sealed, 0, SEGMENT + 16, openedOut, 0);
  }

  /** One segment sealed by {@link SegmentCipher}, for the open benchmark. */
  @State(Scope.Thread)
  public static class SealedSegment {
    long index = 7;
    byte[] sealed;

    @Setup
    public void setup(AeadBench b) {
      sealed = new byte[SEGMENT + 16];
      b.segmentCipher.seal(index, false, b.plaintext, 0, SEGMENT, sealed, 0);
    }
  }
}
