/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.identity;

import io.cairn.protocol.PeerId;
import io.cairn.protocol.crypto.Ed25519;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/**
 * The node's long-term Ed25519 identity: its peer id, and the key that signs receipts, retrieval
 * proofs and audit answers.
 *
 * <p>Stored in {@code DIR/identity.key} as the libp2p {@code PrivateKey} protobuf (68 bytes, the
 * format go-libp2p and rust-libp2p use), created once with mode 0600 and never rewritten, so the
 * peer id stays the same across restarts. The node refuses to start if the file can be read by
 * group or others, is not a regular file, or does not decode.
 *
 * <p>The private key never reaches a log: {@link #toString()} shows the peer id only.
 */
public final class NodeIdentity {
  /** File name of the key inside the node's data folder. */
  public static final String FILE_NAME = "identity.key";

  /** Upper bound on the key file's size; the libp2p encoding is 68 bytes (100 in the old form). */
  static final int MAX_FILE_SIZE = 1024;

  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private final Ed25519.KeyPair keyPair;
  private final PeerId peerId;

  private NodeIdentity(Ed25519.KeyPair keyPair) {
    this.keyPair = keyPair;
    this.peerId = PeerId.of(keyPair.publicKey());
  }

  /** An identity that lives only in memory (tests, throwaway nodes). */
  public static NodeIdentity ephemeral(SecureRandom random) {
    return new NodeIdentity(Ed25519.generate(random));
  }

  /**
   * Loads {@code dir/identity.key}, or creates it (and {@code dir}) with a new random key if it
   * does not exist.
   *
   * @throws IdentityException if the file is readable by others, is not a regular file, is
   *     malformed, or cannot be read or written
   */
  public static NodeIdentity loadOrCreate(Path dir, SecureRandom random) throws IdentityException {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(random, "random");
    Path file = dir.resolve(FILE_NAME);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IdentityException("cannot create the node's data folder " + dir + ": " + e, e);
    }
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      try {
        create(file, random);
      } catch (FileAlreadyExistsException e) {
        // Another process created it first: use theirs.
      } catch (IOException e) {
        throw new IdentityException("cannot create the identity key " + file + ": " + e, e);
      }
    }
    return load(file);
  }

  /**
   * Loads an existing key file.
   *
   * @throws IdentityException as {@link #loadOrCreate}, or if the file does not exist
   */
  public static NodeIdentity load(Path file) throws IdentityException {
    PosixFileAttributes attrs;
    try {
      attrs = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      throw new IdentityException("identity key " + file + " does not exist", e);
    } catch (UnsupportedOperationException e) {
      throw new IdentityException(
          "identity key "
              + file
              + " is on a file system without POSIX permissions,"
              + " which cannot keep it private",
          e);
    } catch (IOException e) {
      throw new IdentityException("cannot read identity key " + file + ": " + e, e);
    }
    if (!attrs.isRegularFile()) {
      throw new IdentityException(
          "identity key " + file + " is not a regular file (a symbolic link or a folder?)");
    }
    Set<PosixFilePermission> perms = attrs.permissions();
    if (!OWNER_ONLY.containsAll(perms)) {
      throw new IdentityException(
          "identity key "
              + file
              + " has mode "
              + mode(perms)
              + ", which lets other users read or change it; it must be 0600 or stricter."
              + " Run: chmod 600 "
              + file);
    }
    if (attrs.size() > MAX_FILE_SIZE) {
      throw new IdentityException(
          "identity key " + file + " is " + attrs.size() + " bytes, not a libp2p Ed25519 key");
    }
    byte[] encoded;
    try {
      encoded = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IdentityException("cannot read identity key " + file + ": " + e, e);
    }
    try {
      Ed25519.PrivateKey key = Ed25519.PrivateKey.fromProtobuf(encoded);
      return new NodeIdentity(new Ed25519.KeyPair(key, key.publicKey()));
    } catch (IllegalArgumentException e) {
      // The message describes the structure, never the key bytes.
      throw new IdentityException("identity key " + file + " is malformed: " + e.getMessage(), e);
    } finally {
      Arrays.fill(encoded, (byte) 0);
    }
  }

  /**
   * Writes a new key to a temporary file created with mode 0600 (so it is never readable by others,
   * not even briefly), syncs it, then links it into place: the link fails if another process
   * created the key meanwhile, so two starts can never end with different identities.
   */
  private static void create(Path file, SecureRandom random) throws IOException {
    Ed25519.KeyPair kp = Ed25519.generate(random);
    byte[] encoded = kp.privateKey().toProtobuf();
    byte[] suffix = new byte[8];
    random.nextBytes(suffix);
    Path tmp = file.resolveSibling(FILE_NAME + ".tmp-" + HexFormat.of().formatHex(suffix));
    try {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(encoded);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      try {
        Files.createLink(file, tmp);
      } catch (UnsupportedOperationException e) {
        // No hard links here: a rename is still atomic, but may replace a concurrent creator's key.
        try {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e2) {
          throw new IOException(
              "the file system supports neither hard links nor atomic renames", e2);
        }
      }
      syncDirectory(file.getParent());
    } finally {
      Arrays.fill(encoded, (byte) 0);
      Files.deleteIfExists(tmp);
    }
  }

  /** Makes the new directory entry durable; best effort where directories cannot be opened. */
  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not supported on every platform; the key file itself was synced.
    }
  }

  private static String mode(Set<PosixFilePermission> perms) {
    int m = 0;
    for (PosixFilePermission p : perms) {
      m |= 1 << (8 - p.ordinal());
    }
    return String.format("0%03o", m);
  }

  public PeerId peerId() {
    return peerId;
  }

  public Ed25519.PublicKey publicKey() {
    return keyPair.publicKey();
  }

  /**
   * The key pair, for the transport's handshake and for signing protocol messages. A secret: do not
   * log or store it anywhere else.
   */
  public Ed25519.KeyPair keyPair() {
    return keyPair;
  }

  /** Signs {@code message} with the identity key; 64 bytes. */
  public byte[] sign(byte[] message) {
    return keyPair.privateKey().sign(message);
  }

  /** Shows the peer id only. */
  @Override
  public String toString() {
    return "NodeIdentity[" + peerId + "]";
  }
}
