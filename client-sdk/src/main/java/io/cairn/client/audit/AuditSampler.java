/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The audit function shared by client and node: which blocks a round samples, and the hash of them.
 * The client calls it at upload time to compute each round's expected answer; the node calls it on
 * its stored copy to answer a challenge. Both must agree bit for bit, so the function is specified
 * in {@code docs/audit.md} and locked by golden vectors in the tests.
 *
 * <h2>Definition</h2>
 *
 * <ol>
 *   <li>The shard of {@code size} bytes is cut into {@code n = ceil(size / blockSize)} blocks;
 *       block {@code i} is bytes {@code [i*blockSize, min((i+1)*blockSize, size))}, so only the
 *       last block may be short.
 *   <li>If {@code n <= blockCount} the round covers the whole shard: indices {@code 0..n-1}.
 *   <li>Otherwise {@code blockCount} distinct indices are drawn with Floyd's algorithm from the
 *       pseudo-random stream {@code SHA-256("cairn/v1/audit-sample" || nonce || u32be(c))}, {@code
 *       c = 0, 1, ...}, read as big-endian unsigned 32-bit words, each mapped to {@code [0, bound)}
 *       by rejection sampling (no modulo bias). The indices are returned in ascending order.
 *   <li>The answer is {@code SHA-256(nonce || block[i_0] || block[i_1] || ...)} over the indices in
 *       ascending order.
 * </ol>
 *
 * <p>Every method is a pure function of its arguments and thread-safe. Each thread keeps one {@link
 * MessageDigest}, and the shard's bytes are hashed in place without copies.
 */
public final class AuditSampler {
  /** Length of a round's nonce in bytes. */
  public static final int NONCE_LENGTH = 16;

  /** Length of a round's answer (SHA-256) in bytes. */
  public static final int HASH_LENGTH = 32;

  /** Domain separation of the index stream; ASCII, no terminator or length prefix. */
  static final byte[] SAMPLE_DOMAIN = "cairn/v1/audit-sample".getBytes(StandardCharsets.US_ASCII);

  /** Chunk in which a {@link BlockSource} is read; bounds the scratch buffer, not the block. */
  private static final int READ_CHUNK = 64 * 1024;

  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(AuditSampler::newSha256);

  private AuditSampler() {}

  /**
   * Number of blocks of {@code blockSize} bytes in a shard of {@code shardSize} bytes: {@code
   * ceil(shardSize / blockSize)}, the last block possibly short.
   *
   * @throws IllegalArgumentException if the size is negative or the sampling parameters are out of
   *     bounds (see {@link AuditParams})
   */
  public static long blockCountOf(long shardSize, int blockSize) {
    if (shardSize < 0) {
      throw new IllegalArgumentException("shard size must not be negative, got " + shardSize);
    }
    AuditParams.checkSampling(blockSize, AuditParams.MIN_BLOCK_COUNT);
    return shardSize / blockSize + (shardSize % blockSize == 0 ? 0 : 1);
  }

  /**
   * The indices of the blocks a round samples, ascending and distinct.
   *
   * @param nonce the round's {@value #NONCE_LENGTH}-byte nonce
   * @param shardSize the shard's length in bytes
   * @param blockSize bytes per block (a power of two in 512..1 MiB)
   * @param blockCount blocks per round (1..1024)
   * @return all block indices {@code 0..n-1} if the shard has {@code n <= blockCount} blocks,
   *     otherwise {@code blockCount} indices drawn from the nonce
   * @throws IllegalArgumentException if the nonce has the wrong length, a parameter is out of
   *     bounds, or the shard has more than {@code 2^31 - 1} blocks
   */
  public static int[] sampleIndices(byte[] nonce, long shardSize, int blockSize, int blockCount) {
    checkNonce(nonce);
    AuditParams.checkSampling(blockSize, blockCount);
    long n = blockCountOf(shardSize, blockSize);
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "a shard of "
              + shardSize
              + " bytes has more than 2^31-1 blocks of "
              + blockSize
              + " bytes; use a larger blockSize");
    }
    return sample(digest(), nonce, (int) n, blockCount);
  }

  /**
   * The answer to a round over {@code shard[off, off + len)}: SHA-256 of the nonce followed by the
   * sampled blocks in ascending order.
   *
   * @return a new {@value #HASH_LENGTH}-byte array
   * @throws IllegalArgumentException as {@link #sampleIndices}
   * @throws IndexOutOfBoundsException if {@code off, len} do not lie within {@code shard}
   */
  public static byte[] response(
      byte[] nonce, byte[] shard, int off, int len, int blockSize, int blockCount) {
    Objects.checkFromIndexSize(off, len, shard.length);
    int[] indices = sampleIndices(nonce, len, blockSize, blockCount);
    MessageDigest md = digest();
    md.update(nonce);
    for (int index : indices) {
      long start = (long) index * blockSize;
      int blockLen = (int) Math.min(blockSize, len - start);
      md.update(shard, off + (int) start, blockLen);
    }
    return md.digest();
  }

  /** As {@link #response(byte[], byte[], int, int, int, int)} with the params' sampling. */
  public static byte[] response(byte[] nonce, byte[] shard, int off, int len, AuditParams params) {
    return response(nonce, shard, off, len, params.blockSize(), params.blockCount());
  }

  /**
   * The answer to a round over a random-access source, reading only the sampled blocks (in
   * ascending offset order). This is the node's side of {@link #response(byte[], byte[], int, int,
   * int, int)} and gives the same bytes for the same shard.
   *
   * @throws IOException if the source fails to deliver a sampled block
   * @throws IllegalArgumentException as {@link #sampleIndices}
   */
  public static byte[] response(byte[] nonce, BlockSource source, int blockSize, int blockCount)
      throws IOException {
    long size = source.size();
    int[] indices = sampleIndices(nonce, size, blockSize, blockCount);
    byte[] scratch = new byte[(int) Math.min(Math.min(blockSize, READ_CHUNK), Math.max(size, 1))];
    MessageDigest md = digest();
    md.update(nonce);
    for (int index : indices) {
      long start = (long) index * blockSize;
      long end = Math.min(start + blockSize, size);
      for (long pos = start; pos < end; ) {
        int chunk = (int) Math.min(scratch.length, end - pos);
        source.read(pos, scratch, 0, chunk);
        md.update(scratch, 0, chunk);
        pos += chunk;
      }
    }
    return md.digest();
  }

  /** As {@link #response(byte[], BlockSource, int, int)} with the params' sampling. */
  public static byte[] response(byte[] nonce, BlockSource source, AuditParams params)
      throws IOException {
    return response(nonce, source, params.blockSize(), params.blockCount());
  }

  static void checkNonce(byte[] nonce) {
    Objects.requireNonNull(nonce, "nonce");
    if (nonce.length != NONCE_LENGTH) {
      throw new IllegalArgumentException(
          "audit nonce must be " + NONCE_LENGTH + " bytes, got " + nonce.length);
    }
  }

  /** Floyd's sampling of {@code m} distinct indices from {@code [0, n)}, kept sorted. */
  private static int[] sample(MessageDigest md, byte[] nonce, int n, int m) {
    if (n <= m) {
      int[] all = new int[n];
      Arrays.setAll(all, i -> i);
      return all;
    }
    IndexStream stream = new IndexStream(md, nonce);
    int[] chosen = new int[m];
    int size = 0;
    // Floyd's algorithm F2 (Bentley & Floyd, "A sample of brilliance", CACM 30(9), 1987):
    // exactly m draws, each uniform in [0, j], whatever m is relative to n.
    for (int j = n - m; j < n; j++) {
      int t = stream.uniform(j + 1);
      int at = Arrays.binarySearch(chosen, 0, size, t);
      if (at >= 0) {
        chosen[size++] = j; // every earlier pick is below j, so j goes last
      } else {
        int ins = -at - 1;
        System.arraycopy(chosen, ins, chosen, ins + 1, size - ins);
        chosen[ins] = t;
        size++;
      }
    }
    md.reset();
    return chosen;
  }

  /** The pseudo-random word stream {@code SHA-256(domain || nonce || u32be(c))}, c = 0, 1, .... */
  private static final class IndexStream {
    private final MessageDigest md;
    private final byte[] nonce;
    private final byte[] block = new byte[HASH_LENGTH];
    private final byte[] counterBytes = new byte[4];
    private int pos = HASH_LENGTH;
    private long counter;

    IndexStream(MessageDigest md, byte[] nonce) {
      this.md = md;
      this.nonce = nonce;
    }

    /** Uniform in {@code [0, bound)} by rejecting the top {@code 2^32 mod bound} words. */
    int uniform(int bound) {
      long limit = (1L << 32) - (1L << 32) % bound;
      while (true) {
        long v = nextWord();
        if (v < limit) {
          return (int) (v % bound);
        }
      }
    }

    private long nextWord() {
      if (pos == HASH_LENGTH) {
        refill();
      }
      long v =
          ((block[pos] & 0xffL) << 24)
              | ((block[pos + 1] & 0xffL) << 16)
              | ((block[pos + 2] & 0xffL) << 8)
              | (block[pos + 3] & 0xffL);
      pos += 4;
      return v;
    }

    private void refill() {
      if (counter > 0xffff_ffffL) {
        // Unreachable in practice: each draw is rejected with probability below 1/2.
        throw new IllegalStateException("audit index stream exhausted");
      }
      counterBytes[0] = (byte) (counter >>> 24);
      counterBytes[1] = (byte) (counter >>> 16);
      counterBytes[2] = (byte) (counter >>> 8);
      counterBytes[3] = (byte) counter;
      counter++;
      md.update(SAMPLE_DOMAIN);
      md.update(nonce);
      md.update(counterBytes);
      try {
        md.digest(block, 0, HASH_LENGTH);
      } catch (DigestException e) {
        throw new IllegalStateException("SHA-256 refused a 32-byte output buffer", e);
      }
      pos = 0;
    }
  }

  private static MessageDigest digest() {
    MessageDigest md = SHA256.get();
    md.reset(); // a previous call may have thrown mid-hash
    return md;
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
