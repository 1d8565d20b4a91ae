/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.manifest;

import io.cairn.client.manifest.internal.Digests;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Merkle tree over a manifest's shard CIDs: exactly the Merkle Tree Hash of RFC 6962 §2.1
 * (Certificate Transparency) with SHA-256, whose leaves are the 36-byte binary CIDs in manifest
 * order (sorted by segment, then index).
 *
 * <pre>
 *   MTH({})       = SHA-256()                                  (the empty string)
 *   MTH({d0})     = SHA-256(0x00 ‖ d0)                         (leaf hash)
 *   MTH(D[n])     = SHA-256(0x01 ‖ MTH(D[0:k]) ‖ MTH(D[k:n]))  (node hash), n &gt; 1,
 *                   k = the largest power of two smaller than n
 * </pre>
 *
 * The 0x00 / 0x01 prefixes keep a leaf from ever being taken for a node (second-preimage
 * resistance). Splitting at the largest power of two is the same as pairing nodes left to right
 * level by level and carrying an unpaired last node up unchanged, which is how this class builds
 * the tree: no node is ever duplicated, so two different leaf lists cannot share a root.
 *
 * <p>Inclusion proofs are RFC 6962 §2.1.1 audit paths (sibling hashes from the leaf up) and are
 * verified with the algorithm of RFC 9162 §2.1.3.2. Instances are immutable.
 */
public final class MerkleTree {
  public static final int HASH_LENGTH = Digests.SHA256_LENGTH;

  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;

  /** levels[0] holds the leaf hashes; each level's hashes are concatenated, 32 bytes each. */
  private final byte[][] levels;

  private final int size;

  private MerkleTree(byte[][] levels, int size) {
    this.levels = levels;
    this.size = size;
  }

  /** The tree over arbitrary leaf data. */
  public static MerkleTree of(List<Bytes> leaves) {
    Objects.requireNonNull(leaves, "leaves");
    MessageDigest md = Digests.sha256();
    byte[] level0 = new byte[Math.multiplyExact(leaves.size(), HASH_LENGTH)];
    for (int i = 0; i < leaves.size(); i++) {
      leafHash(md, leaves.get(i).toArray(), level0, i * HASH_LENGTH);
    }
    return build(md, level0, leaves.size());
  }

  /** The tree over CIDs: each leaf is the 36-byte binary CID. */
  public static MerkleTree ofCids(List<Cid> cids) {
    Objects.requireNonNull(cids, "cids");
    MessageDigest md = Digests.sha256();
    byte[] level0 = new byte[Math.multiplyExact(cids.size(), HASH_LENGTH)];
    for (int i = 0; i < cids.size(); i++) {
      leafHash(md, cids.get(i).toBytes(), level0, i * HASH_LENGTH);
    }
    return build(md, level0, cids.size());
  }

  private static MerkleTree build(MessageDigest md, byte[] level0, int n) {
    List<byte[]> levels = new ArrayList<>();
    levels.add(level0);
    byte[] current = level0;
    int count = n;
    while (count > 1) {
      int nextCount = (count + 1) / 2;
      byte[] next = new byte[nextCount * HASH_LENGTH];
      for (int j = 0; j < count / 2; j++) {
        md.update(NODE_PREFIX);
        md.update(current, 2 * j * HASH_LENGTH, 2 * HASH_LENGTH);
        digestInto(md, next, j * HASH_LENGTH);
      }
      if (count % 2 == 1) {
        // The unpaired last node moves up unchanged (RFC 6962's split, level by level).
        System.arraycopy(
            current, (count - 1) * HASH_LENGTH, next, (nextCount - 1) * HASH_LENGTH, HASH_LENGTH);
      }
      levels.add(next);
      current = next;
      count = nextCount;
    }
    return new MerkleTree(levels.toArray(new byte[0][]), n);
  }

  /** The number of leaves. */
  public int size() {
    return size;
  }

  /** The root: MTH of all leaves; SHA-256 of the empty string for an empty tree. */
  public Bytes root() {
    if (size == 0) {
      return Bytes.wrap(Digests.sha256().digest());
    }
    return Bytes.copyOf(levels[levels.length - 1], 0, HASH_LENGTH);
  }

  /** The leaf hash SHA-256(0x00 ‖ leaf) of leaf {@code index}. */
  public Bytes leafHash(int index) {
    Objects.checkIndex(index, size);
    return Bytes.copyOf(levels[0], index * HASH_LENGTH, HASH_LENGTH);
  }

  /**
   * The RFC 6962 audit path of leaf {@code index}: the sibling hashes from the leaf up to the root,
   * at most ceil(log2(size)) of them.
   */
  public List<Bytes> proof(int index) {
    Objects.checkIndex(index, size);
    List<Bytes> path = new ArrayList<>();
    int i = index;
    for (int level = 0; level < levels.length - 1; level++) {
      int count = levels[level].length / HASH_LENGTH;
      int sibling = i ^ 1;
      if (sibling < count) {
        path.add(Bytes.copyOf(levels[level], sibling * HASH_LENGTH, HASH_LENGTH));
      }
      i >>>= 1;
    }
    return List.copyOf(path);
  }

  /** The Merkle root over {@code cids}, as a manifest stores it. */
  public static Bytes rootOfCids(List<Cid> cids) {
    return ofCids(cids).root();
  }

  /** SHA-256(0x00 ‖ data). */
  public static Bytes leafHash(byte[] data) {
    byte[] out = new byte[HASH_LENGTH];
    leafHash(Digests.sha256(), data, out, 0);
    return Bytes.wrap(out);
  }

  /** SHA-256(0x01 ‖ left ‖ right). */
  public static Bytes nodeHash(Bytes left, Bytes right) {
    MessageDigest md = Digests.sha256();
    md.update(NODE_PREFIX);
    md.update(left.toArray());
    md.update(right.toArray());
    return Bytes.wrap(md.digest());
  }

  /**
   * Whether {@code proof} shows that {@code cid} is leaf {@code index} of a tree of {@code count}
   * leaves with root {@code root}.
   */
  public static boolean verify(Bytes root, Cid cid, int index, int count, List<Bytes> proof) {
    return verify(root, cid.toBytes(), index, count, proof);
  }

  /**
   * Whether {@code proof} shows that {@code leafData} is leaf {@code index} of a tree of {@code
   * count} leaves with root {@code root} (RFC 9162 §2.1.3.2). A proof of the wrong length, an index
   * out of range or a hash of the wrong size gives {@code false}, never an exception.
   */
  public static boolean verify(
      Bytes root, byte[] leafData, int index, int count, List<Bytes> proof) {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(leafData, "leafData");
    Objects.requireNonNull(proof, "proof");
    if (index < 0 || index >= count || root.size() != HASH_LENGTH) {
      return false;
    }
    long fn = index;
    long sn = count - 1L;
    byte[] r = leafHash(leafData).toArray();
    MessageDigest md = Digests.sha256();
    for (Bytes p : proof) {
      if (sn == 0 || p == null || p.size() != HASH_LENGTH) {
        return false;
      }
      md.update(NODE_PREFIX);
      if ((fn & 1) == 1 || fn == sn) {
        md.update(p.toArray());
        md.update(r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>>= 1;
            sn >>>= 1;
          }
        }
      } else {
        md.update(r);
        md.update(p.toArray());
      }
      r = md.digest();
      fn >>>= 1;
      sn >>>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(r, root.toArray());
  }

  private static void leafHash(MessageDigest md, byte[] data, byte[] out, int off) {
    md.update(LEAF_PREFIX);
    md.update(data);
    digestInto(md, out, off);
  }

  private static void digestInto(MessageDigest md, byte[] out, int off) {
    try {
      md.digest(out, off, HASH_LENGTH);
    } catch (java.security.DigestException e) {
      throw new IllegalStateException("SHA-256 output does not fit 32 bytes", e);
    }
  }
}
