/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.crypto;

import io.cairn.client.crypto.internal.AesGcm;
import io.cairn.protocol.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import javax.crypto.AEADBadTagException;

/**
 * Seals and opens the segments of one file with AES-256-GCM (DESIGN.md, "Upload" step 3; byte
 * layouts in docs/crypto.md).
 *
 * <pre>
 *   nonce(i) = 00 00 00 00 ‖ u64be(i)                                     12 bytes
 *   aad(i)   = "cairn/v1/segment" ‖ fileId ‖ u64be(i) ‖ u8(last ? 1 : 0)   57 bytes
 *   sealed   = AES-256-GCM(contentKey, nonce(i), aad(i), plaintext) = ciphertext ‖ tag(16)
 * </pre>
 *
 * <p><b>Guarantees.</b> A sealed segment opens only under the same content key, file id, index and
 * last flag: a segment moved to another position or file, a truncated file whose new final segment
 * was not sealed as last, or a flipped bit all fail with one {@link AEADBadTagException} that says
 * nothing about which check failed.
 *
 * <p><b>Restrictions.</b> The nonce is the index, so a (content key, index) pair must seal one
 * plaintext only: a file id is used for one upload, and a segment is sealed once (a retry reuses
 * the ciphertext). The content key is unique per file id ({@link RootKey#contentKey(Bytes)}), so
 * distinct files never share a (key, nonce) pair. The JDK refuses to seal twice in a row with one
 * nonce, which this class reports as an {@link IllegalStateException}.
 *
 * <p>Not thread-safe: it owns one {@code javax.crypto.Cipher}. Give each worker thread its own
 * ({@link #copy()}). {@link #close()} wipes the key copy held here; the round keys inside the JDK
 * cipher cannot be wiped.
 */
public final class SegmentCipher implements AutoCloseable {
  /** GCM tag size in bytes; a sealed segment is this much longer than its plaintext. */
  public static final int TAG_SIZE = AesGcm.TAG_SIZE;

  /** GCM nonce size in bytes. */
  public static final int NONCE_SIZE = AesGcm.NONCE_SIZE;

  /** Associated-data prefix. */
  public static final String AAD_LABEL = "cairn/v1/segment";

  private static final byte[] AAD_LABEL_BYTES = AAD_LABEL.getBytes(StandardCharsets.US_ASCII);
  private static final int INDEX_OFFSET = AAD_LABEL_BYTES.length + KeySchedule.FILE_ID_SIZE;

  /** Associated-data size: label (16) ‖ file id (32) ‖ index (8) ‖ last flag (1). */
  public static final int AAD_SIZE = INDEX_OFFSET + 8 + 1;

  /**
   * Bytes per JDK cipher call: single calls over megabytes miss the JDK's AES-GCM intrinsics (see
   * {@link AesGcm} and docs/crypto.md, "Performance").
   */
  static final int CHUNK = AesGcm.DEFAULT_CHUNK;

  private final AesGcm gcm;
  private final Bytes fileId;
  private final byte[] aad;

  /**
   * A cipher for the file {@code fileId} under its content key. Both are copied; the caller keeps
   * ownership of {@code contentKey}.
   */
  public SegmentCipher(SecretBytes contentKey, Bytes fileId) {
    Objects.requireNonNull(contentKey, "contentKey");
    RootKey.checkFileId(fileId);
    if (contentKey.size() != KeySchedule.KEY_SIZE) {
      throw new IllegalArgumentException(
          "content key must be " + KeySchedule.KEY_SIZE + " bytes, got " + contentKey.size());
    }
    this.gcm = new AesGcm(contentKey.unsafeArray(), CHUNK);
    this.fileId = fileId;
    this.aad = new byte[AAD_SIZE];
    System.arraycopy(AAD_LABEL_BYTES, 0, aad, 0, AAD_LABEL_BYTES.length);
    fileId.copyTo(aad, AAD_LABEL_BYTES.length);
  }

  private SegmentCipher(SegmentCipher other) {
    this.gcm = other.gcm.copy();
    this.fileId = other.fileId;
    this.aad = other.aad.clone();
  }

  /** The size of a sealed segment of {@code plaintextLength} bytes. */
  public static int sealedSize(int plaintextLength) {
    if (plaintextLength < 0 || plaintextLength > Integer.MAX_VALUE - TAG_SIZE) {
      throw new IllegalArgumentException("plaintext length out of range: " + plaintextLength);
    }
    return plaintextLength + TAG_SIZE;
  }

  /** The file this cipher seals for. */
  public Bytes fileId() {
    return fileId;
  }

  /** Another cipher with the same key and file id, for another thread. */
  public SegmentCipher copy() {
    return new SegmentCipher(this);
  }

  /**
   * Seals segment {@code index}: writes ciphertext ‖ tag ({@code len + 16} bytes) to {@code out} at
   * {@code outOff}. {@code out} may be the plaintext array at the same offset (in place); otherwise
   * the two ranges must not overlap.
   *
   * @return {@code len + 16}
   * @throws IllegalArgumentException if {@code index < 0} or the ranges overlap at different
   *     offsets
   * @throws IllegalStateException if this cipher has just sealed the same index, or was closed
   */
  public int seal(
      long index, boolean last, byte[] plaintext, int off, int len, byte[] out, int outOff) {
    return gcm.seal(nonce(index), aad(index, last), plaintext, off, len, out, outOff);
  }

  /**
   * Opens segment {@code index} sealed with {@code last}: checks the tag and writes the {@code len
   * - 16} plaintext bytes to {@code out} at {@code outOff}. {@code out} may be the ciphertext array
   * at the same offset (in place); otherwise the two ranges must not overlap. On failure nothing of
   * the plaintext is left in {@code out}: the output range is zeroed (in place, that wipes the
   * ciphertext too).
   *
   * @return {@code len - 16}
   * @throws AEADBadTagException if the segment is shorter than a tag or does not authenticate under
   *     this key, file id, index and last flag; the message does not say which
   */
  public int open(
      long index, boolean last, byte[] ciphertext, int off, int len, byte[] out, int outOff)
      throws AEADBadTagException {
    return gcm.open(nonce(index), aad(index, last), ciphertext, off, len, out, outOff);
  }

  /** Wipes this cipher's copy of the content key; it cannot be used afterwards. */
  @Override
  public void close() {
    gcm.close();
  }

  @Override
  public String toString() {
    return "SegmentCipher[file " + fileId + ", key redacted]";
  }

  /** The nonce of segment {@code index}: 4 zero bytes, then the index as a big-endian u64. */
  static byte[] nonce(long index) {
    if (index < 0) {
      throw new IllegalArgumentException("segment index must be >= 0, got " + index);
    }
    byte[] n = new byte[NONCE_SIZE];
    putLong(n, 4, index);
    return n;
  }

  /** The associated data of segment {@code index} (reuses one array). */
  byte[] aad(long index, boolean last) {
    putLong(aad, INDEX_OFFSET, index);
    aad[AAD_SIZE - 1] = (byte) (last ? 1 : 0);
    return aad;
  }

  private static void putLong(byte[] b, int off, long v) {
    for (int i = 7; i >= 0; i--) {
      b[off + i] = (byte) v;
      v >>>= 8;
    }
  }
}
