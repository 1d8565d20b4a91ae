/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.protocol.crypto.Ed25519;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeIdentityTest {
  @TempDir Path dir;

  @Test
  void shouldCreateTheKeyOnceWithMode0600AndKeepThePeerIdAcrossRestarts() throws Exception {
    NodeIdentity first = NodeIdentity.loadOrCreate(dir, new SecureRandom());
    Path file = dir.resolve(NodeIdentity.FILE_NAME);

    NodeIdentity second = NodeIdentity.loadOrCreate(dir, new SecureRandom());

    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(first.peerId(), second.peerId());
    assertEquals(first.keyPair().privateKey(), second.keyPair().privateKey());
    assertEquals(68, Files.size(file));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(1, s.count(), "no temporary file left behind");
    }
  }

  @Test
  void shouldStoreTheLibp2pPrivateKeyProtobuf() throws Exception {
    NodeIdentity id = NodeIdentity.loadOrCreate(dir, new SecureRandom());

    byte[] file = Files.readAllBytes(dir.resolve(NodeIdentity.FILE_NAME));

    assertArrayEquals(id.keyPair().privateKey().toProtobuf(), file);
    assertEquals(0x08, file[0]);
    assertEquals(0x01, file[1]); // KeyType Ed25519
  }

  @Test
  void shouldLoadAKeyWrittenByAnotherLibp2pImplementation() throws Exception {
    // RFC 8032 §7.1 TEST 1 secret key, in the libp2p PrivateKey protobuf (seed ‖ public key).
    byte[] seed =
        HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    Ed25519.KeyPair kp = Ed25519.fromSeed(seed);
    Path file = dir.resolve(NodeIdentity.FILE_NAME);
    Files.write(file, kp.privateKey().toProtobuf());
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

    NodeIdentity id = NodeIdentity.loadOrCreate(dir, new SecureRandom());

    assertEquals(
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        id.publicKey().raw().toHex());
  }

  @Test
  void shouldRefuseAKeyFileOthersCanRead() throws Exception {
    NodeIdentity.loadOrCreate(dir, new SecureRandom());
    Path file = dir.resolve(NodeIdentity.FILE_NAME);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    IdentityException e =
        assertThrows(
            IdentityException.class, () -> NodeIdentity.loadOrCreate(dir, new SecureRandom()));

    assertTrue(e.getMessage().contains("mode 0644"), e.getMessage());
    assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
  }

  @Test
  void shouldAcceptAReadOnlyKeyFile() throws Exception {
    NodeIdentity first = NodeIdentity.loadOrCreate(dir, new SecureRandom());
    Files.setPosixFilePermissions(
        dir.resolve(NodeIdentity.FILE_NAME), PosixFilePermissions.fromString("r--------"));

    assertEquals(first.peerId(), NodeIdentity.loadOrCreate(dir, new SecureRandom()).peerId());
  }

  @Test
  void shouldRefuseAMalformedKeyFile() throws Exception {
    Path file = dir.resolve(NodeIdentity.FILE_NAME);
    Files.write(file, new byte[] {0x08, 0x00, 0x12, 0x01, 0x00});
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

    IdentityException e =
        assertThrows(
            IdentityException.class, () -> NodeIdentity.loadOrCreate(dir, new SecureRandom()));

    assertTrue(e.getMessage().contains("malformed"), e.getMessage());
    assertTrue(e.getMessage().contains("RSA"), e.getMessage());
  }

  @Test
  void shouldRefuseASymlinkedKeyFile() throws Exception {
    NodeIdentity.loadOrCreate(dir.resolve("real"), new SecureRandom());
    Files.createSymbolicLink(
        dir.resolve(NodeIdentity.FILE_NAME), dir.resolve("real").resolve(NodeIdentity.FILE_NAME));

    IdentityException e =
        assertThrows(
            IdentityException.class, () -> NodeIdentity.loadOrCreate(dir, new SecureRandom()));

    assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
  }

  @Test
  void shouldNeverShowTheKeyInToString() throws Exception {
    NodeIdentity id = NodeIdentity.loadOrCreate(dir, new SecureRandom());
    byte[] file = Files.readAllBytes(dir.resolve(NodeIdentity.FILE_NAME));
    String seedHex = HexFormat.of().formatHex(file, 4, 36);

    String s = id + " " + id.keyPair() + " " + id.keyPair().privateKey();

    assertFalse(s.contains(seedHex), s);
    assertTrue(id.toString().contains(id.peerId().toString()));
  }

  @Test
  void shouldGiveDifferentNodesDifferentIds() throws Exception {
    assertNotEquals(
        NodeIdentity.loadOrCreate(dir.resolve("a"), new SecureRandom()).peerId(),
        NodeIdentity.loadOrCreate(dir.resolve("b"), new SecureRandom()).peerId());
  }

  @Test
  void shouldSignVerifiably() throws Exception {
    NodeIdentity id = NodeIdentity.loadOrCreate(dir, new SecureRandom());
    byte[] msg = {1, 2, 3};

    assertTrue(Ed25519.verify(id.peerId().publicKey(), msg, id.sign(msg)));
  }
}
