/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MerkleTreeTest {
  /*
   * Known answers from the Certificate Transparency reference implementation's Merkle tree tests
   * (google/certificate-transparency, cpp/merkletree/merkle_tree_test.cc: kInputs, kSHA256Roots,
   * kSHA256EmptyTreeHash, kSHA256Paths), which implement RFC 6962 §2.1 with SHA-256.
   */
  private static final String[] INPUTS = {
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f"
  };

  private static final String EMPTY_ROOT =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  /** Roots of the trees over the first 1..8 inputs. */
  private static final String[] ROOTS = {
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
  };

  /**
   * Audit paths: {leaf index, tree size, path…}. The CT file numbers leaves from 1; the indices
   * here are from 0 (its {1, 8} is leaf 0 of 8, {6, 8} leaf 5, {3, 3} leaf 2, {2, 5} leaf 1).
   */
  private static final String[][] PATHS = {
    {
      "0",
      "8",
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"
    },
    {
      "5",
      "8",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"
    },
    {"2", "3", "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"},
    {
      "1",
      "5",
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"
    },
    {"0", "1"},
  };

  private static List<Bytes> inputs(int n) {
    List<Bytes> leaves = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      leaves.add(Bytes.fromHex(INPUTS[i]));
    }
    return leaves;
  }

  @Test
  void shouldMatchTheRfc6962RootVectors() {
    assertEquals(EMPTY_ROOT, MerkleTree.of(List.of()).root().toHex());
    for (int n = 1; n <= 8; n++) {
      assertEquals(ROOTS[n - 1], MerkleTree.of(inputs(n)).root().toHex(), n + " leaves");
    }
  }

  @Test
  void shouldMatchTheRfc6962PathVectors() {
    for (String[] v : PATHS) {
      int index = Integer.parseInt(v[0]);
      int size = Integer.parseInt(v[1]);
      MerkleTree tree = MerkleTree.of(inputs(size));
      List<Bytes> path = tree.proof(index);
      List<String> hex = path.stream().map(Bytes::toHex).toList();
      assertEquals(List.of(v).subList(2, v.length), hex, "leaf " + index + " of " + size);
      assertTrue(
          MerkleTree.verify(tree.root(), Bytes.fromHex(INPUTS[index]).toArray(), index, size, path),
          "leaf " + index + " of " + size);
    }
  }

  @Test
  void shouldHashLeavesAndNodesWithDistinctPrefixes() {
    // A leaf is SHA-256(0x00 ‖ data): the empty input's leaf hash is the 1-leaf root.
    assertEquals(ROOTS[0], MerkleTree.leafHash(new byte[0]).toHex());
    MerkleTree two = MerkleTree.of(inputs(2));
    assertEquals(two.root(), MerkleTree.nodeHash(two.leafHash(0), two.leafHash(1)));
    // Promotion, not duplication: the 3-leaf root pairs the 2-leaf root with leaf 2 directly.
    MerkleTree three = MerkleTree.of(inputs(3));
    assertEquals(three.root(), MerkleTree.nodeHash(two.root(), three.leafHash(2)));
  }

  @Test
  void shouldTreatCidsAsTheir36ByteBinaryForm() {
    List<Cid> cids = List.of(ManifestFixtures.cid("a"), ManifestFixtures.cid("b"));
    MerkleTree byCid = MerkleTree.ofCids(cids);
    MerkleTree byBytes = MerkleTree.of(cids.stream().map(c -> Bytes.wrap(c.toBytes())).toList());
    assertEquals(byBytes.root(), byCid.root());
    assertEquals(byCid.root(), MerkleTree.rootOfCids(cids));
    assertTrue(MerkleTree.verify(byCid.root(), cids.get(1), 1, 2, byCid.proof(1)));
    assertFalse(MerkleTree.verify(byCid.root(), cids.get(0), 1, 2, byCid.proof(1)));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void shouldVerifyEveryProofAndRejectEveryMutation(long seed) {
    Random rnd = new Random(seed);
    for (int n = 1; n <= 70; n++) {
      List<Bytes> leaves = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        leaves.add(ManifestFixtures.randomBytes(rnd, 1 + rnd.nextInt(40)));
      }
      MerkleTree tree = MerkleTree.of(leaves);
      Bytes root = tree.root();
      for (int i = 0; i < n; i++) {
        String at = "seed " + seed + ", leaf " + i + " of " + n;
        byte[] leaf = leaves.get(i).toArray();
        List<Bytes> proof = tree.proof(i);
        assertTrue(proof.size() <= 32 - Integer.numberOfLeadingZeros(n), at);
        assertTrue(MerkleTree.verify(root, leaf, i, n, proof), at);

        assertFalse(MerkleTree.verify(root, leaf, i - 1, n, proof), at + ": index - 1");
        assertFalse(MerkleTree.verify(root, leaf, i + 1, n, proof), at + ": index + 1");
        if ((i ^ 2) < n) {
          assertFalse(MerkleTree.verify(root, leaf, i ^ 2, n, proof), at + ": index ^ 2");
        }
        assertFalse(MerkleTree.verify(root, leaf, i, n * 2, proof), at + ": size * 2");
        if (n / 2 > i) {
          assertFalse(MerkleTree.verify(root, leaf, i, n / 2, proof), at + ": size / 2");
        }
        assertFalse(MerkleTree.verify(root, "wrong".getBytes(), i, n, proof), at + ": leaf");
        assertFalse(MerkleTree.verify(Bytes.fromHex(EMPTY_ROOT), leaf, i, n, proof), at + ": root");
        for (int j = 0; j < proof.size(); j++) {
          List<Bytes> bad = new ArrayList<>(proof);
          bad.set(j, Bytes.fromHex(EMPTY_ROOT));
          assertFalse(MerkleTree.verify(root, leaf, i, n, bad), at + ": element " + j);
        }
        List<Bytes> longer = new ArrayList<>(proof);
        longer.add(root);
        assertFalse(MerkleTree.verify(root, leaf, i, n, longer), at + ": extra element");
        List<Bytes> shorter = new ArrayList<>(proof);
        shorter.add(0, Bytes.EMPTY);
        assertFalse(MerkleTree.verify(root, leaf, i, n, shorter), at + ": empty hash first");
        if (!proof.isEmpty()) {
          assertFalse(
              MerkleTree.verify(root, leaf, i, n, proof.subList(0, proof.size() - 1)),
              at + ": last element missing");
        }
      }
    }
  }

  @Test
  void shouldGiveDifferentRootsForReorderedOrExtendedLeaves() {
    List<Cid> cids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      cids.add(ManifestFixtures.cid("leaf " + i));
    }
    Bytes root = MerkleTree.rootOfCids(cids);
    List<Cid> swapped = new ArrayList<>(cids);
    swapped.set(0, cids.get(1));
    swapped.set(1, cids.get(0));
    assertNotEquals(root, MerkleTree.rootOfCids(swapped));
    // With duplication of the odd node (Bitcoin style) these two lists would share a root.
    List<Cid> duplicatedLast = new ArrayList<>(cids);
    duplicatedLast.add(cids.get(4));
    assertNotEquals(root, MerkleTree.rootOfCids(duplicatedLast));
  }

  @Test
  void shouldRejectProofRequestsOutsideTheTree() {
    MerkleTree tree = MerkleTree.of(inputs(3));
    assertThrows(IndexOutOfBoundsException.class, () -> tree.proof(3));
    assertThrows(IndexOutOfBoundsException.class, () -> tree.proof(-1));
    assertThrows(IndexOutOfBoundsException.class, () -> MerkleTree.of(List.of()).proof(0));
    assertFalse(MerkleTree.verify(tree.root(), new byte[0], 0, 0, List.of()));
  }
}
