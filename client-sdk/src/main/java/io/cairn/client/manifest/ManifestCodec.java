/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.manifest;

import io.cairn.client.audit.AuditRound;
import io.cairn.client.audit.AuditSampler;
import io.cairn.client.crypto.KdfParams;
import io.cairn.client.crypto.SecretBytes;
import io.cairn.client.manifest.ManifestException.Reason;
import io.cairn.client.manifest.internal.ByteReader;
import io.cairn.client.manifest.internal.ByteWriter;
import io.cairn.client.manifest.internal.Checks;
import io.cairn.client.manifest.internal.Digests;
import io.cairn.client.manifest.internal.ManifestViolation;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import io.cairn.protocol.PeerId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The canonical binary form of a {@link Manifest} (format version 1) and the checks that make a
 * manifest trustworthy. The byte layout is drawn in {@code docs/manifest.md}; in short: magic
 * {@code "CAIRNMF"}, a version byte, fixed-width big-endian integers, length-prefixed strings and
 * lists, shards sorted by (segment, index), then the 32-byte manifest hash and the 32-byte auth
 * tag. The encoding is deterministic and the decoder accepts only canonical input, so {@code
 * encode(decode(b))} equals {@code b} for every accepted {@code b}.
 *
 * <p>Reading a manifest runs the checks in this order (DESIGN.md, "Retrieve"):
 *
 * <ol>
 *   <li>size limit: more than {@link ManifestLimits#MAX_ENCODED_BYTES} is {@link Reason#TOO_LARGE}
 *       before a single byte is parsed;
 *   <li>structure: magic and version ({@link Reason#UNSUPPORTED_VERSION}), every count and length
 *       checked against its limit before anything is allocated from it ({@link
 *       Reason#LIMIT_EXCEEDED}), fields and segment/index layout ({@link Reason#MALFORMED});
 *   <li>manifest hash ({@link Reason#HASH_MISMATCH});
 *   <li>Merkle root over the shard CIDs ({@link Reason#MERKLE_MISMATCH});
 *   <li>with the keys derived from the password and the manifest's own KDF parameters: the password
 *       check ({@link Reason#WRONG_PASSWORD}), then the auth tag ({@link Reason#TAMPERED}).
 * </ol>
 *
 * Steps 1 to 4 need no password ({@link #decode(byte[])}); step 5 is {@link #authenticate} and
 * {@link #open} does all five. Every failure on untrusted bytes is a {@link ManifestException};
 * nothing else escapes the decoder.
 */
public final class ManifestCodec {
  /** The first seven bytes of every binary manifest. */
  public static final String MAGIC = "CAIRNMF";

  /** Manifest hash and auth tag, 32 bytes each, at the end. */
  public static final int TRAILER_LENGTH = Manifest.HASH_LENGTH + Manifest.TAG_LENGTH;

  private static final byte[] MAGIC_BYTES = MAGIC.getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER_LENGTH = MAGIC_BYTES.length + 1;

  /** Smallest encoding of a shard: cid, size, segment, index and three empty list counts. */
  private static final int MIN_SHARD_BYTES = Cid.BINARY_LENGTH + 4 + 4 + 2 + 1 + 1 + 1;

  /**
   * Derives the manifest keys from the password, given the manifest's KDF parameters. The keys it
   * returns belong to the caller of {@code derive}, which closes them (wiping the MAC key) when
   * done: return fresh keys, not shared ones.
   */
  @FunctionalInterface
  public interface KeyDerivation {
    ManifestKeys derive(KdfParams kdf);
  }

  private ManifestCodec() {}

  // ---------------------------------------------------------------- encoding

  /**
   * The canonical bytes of {@code manifest}.
   *
   * @throws IllegalArgumentException if the manifest's stored hash is not the hash of its content
   *     (a manifest assembled by hand rather than by {@link ManifestBuilder} or {@link #decode})
   */
  public static byte[] encode(Manifest manifest) {
    ByteWriter w = body(manifest);
    byte[] hash = Digests.sha256(w.buffer(), 0, w.size());
    if (!MessageDigest.isEqual(hash, manifest.manifestHash().toArray())) {
      throw new IllegalArgumentException(
          "the manifest's hash does not match its content; build manifests with ManifestBuilder");
    }
    w.bytes(manifest.manifestHash()).bytes(manifest.authTag());
    return w.toArray();
  }

  /** SHA-256 of the canonical encoding without hash and tag: what {@code manifestHash} must be. */
  public static Bytes computeHash(Manifest manifest) {
    ByteWriter w = body(manifest);
    return Bytes.wrap(Digests.sha256(w.buffer(), 0, w.size()));
  }

  /** HMAC-SHA256(macKey, manifestHash): what {@code authTag} must be. */
  public static Bytes authTag(SecretBytes macKey, Bytes manifestHash) {
    byte[] key = macKey.toByteArray();
    try {
      return Bytes.wrap(Digests.hmacSha256(key, manifestHash.toArray()));
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** Encoded length of everything but hash and tag; used by the builder for the size limit. */
  static ByteWriter body(Manifest m) {
    ByteWriter w = new ByteWriter(256 + m.shards().size() * 128);
    w.bytes(MAGIC_BYTES).u8(m.formatVersion());
    KdfParams kdf = m.kdf();
    w.u8(kdf.algorithm().length()).bytes(kdf.algorithm().getBytes(StandardCharsets.US_ASCII));
    w.bytes(kdf.salt()).u32(kdf.memoryKiB()).u32(kdf.iterations()).u32(kdf.parallelism());
    w.u8(kdf.version());
    w.bytes(m.passwordCheck()).bytes(m.fileId());
    w.u64(m.fileSize()).u32(m.segmentSize()).u32(m.segmentCount()).u16(m.k()).u16(m.m());
    w.u8(m.cipher().length()).bytes(m.cipher().getBytes(StandardCharsets.US_ASCII));
    w.u64(m.createdAt().toEpochMilli());
    if (m.fileName().isPresent()) {
      byte[] name = m.fileName().get().getBytes(StandardCharsets.UTF_8);
      w.u8(1).u16(name.length).bytes(name);
    } else {
      w.u8(0);
    }
    if (m.contentType().isPresent()) {
      byte[] type = m.contentType().get().getBytes(StandardCharsets.US_ASCII);
      w.u8(1).u8(type.length).bytes(type);
    } else {
      w.u8(0);
    }
    w.u32(m.auditSampling().blockSize()).u32(m.auditSampling().blockCount());
    w.u32(m.shards().size());
    for (ShardEntry s : m.shards()) {
      w.bytes(s.cid().toBytes()).u32(s.size()).u32(s.segment()).u16(s.index());
      w.u8(s.placement().size());
      for (PeerId p : s.placement()) {
        byte[] id = p.toBytes();
        w.u8(id.length).bytes(id);
      }
      w.u8(s.receipts().size());
      for (ShardReceipt r : s.receipts()) {
        w.u8(s.placement().indexOf(r.node())).u16(r.signed().size()).bytes(r.signed());
      }
      w.u8(s.auditRounds().size());
      for (AuditRound a : s.auditRounds()) {
        w.bytes(a.nonce()).bytes(a.expected());
      }
    }
    w.bytes(m.merkleRoot());
    return w;
  }

  // ---------------------------------------------------------------- decoding

  /**
   * Reads a manifest from a stream, taking at most {@link ManifestLimits#MAX_ENCODED_BYTES} + 1
   * bytes from it, then {@link #decode(byte[])}.
   */
  public static Manifest decode(InputStream in) throws IOException, ManifestException {
    byte[] bytes = in.readNBytes(ManifestLimits.MAX_ENCODED_BYTES + 1);
    if (bytes.length > ManifestLimits.MAX_ENCODED_BYTES) {
      throw new ManifestException(
          Reason.TOO_LARGE,
          "manifest is more than "
              + ManifestLimits.MAX_ENCODED_BYTES
              + " bytes; the limit is "
              + ManifestLimits.MAX_ENCODED_BYTES
              + " bytes (16 MiB)");
    }
    return decode(bytes);
  }

  /**
   * Decodes and checks a manifest without the password: size limit, structure, manifest hash,
   * Merkle root, in that order. The result is intact and self-consistent, but not yet known to be
   * the owner's: call {@link #authenticate} (or use {@link #open}) before trusting it.
   */
  public static Manifest decode(byte[] bytes) throws ManifestException {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length > ManifestLimits.MAX_ENCODED_BYTES) {
      throw new ManifestException(
          Reason.TOO_LARGE,
          "manifest is "
              + bytes.length
              + " bytes; the limit is "
              + ManifestLimits.MAX_ENCODED_BYTES
              + " bytes (16 MiB)");
    }
    if (isLegacyJson(bytes)) {
      throw new ManifestException(
          Reason.UNSUPPORTED_VERSION,
          "this is a legacy v0 JSON manifest, which carries no auth tag; migrate it to the"
              + " current format first (cairn migrate)");
    }
    if (bytes.length < HEADER_LENGTH
        || !Arrays.equals(bytes, 0, MAGIC_BYTES.length, MAGIC_BYTES, 0, MAGIC_BYTES.length)) {
      throw new ManifestException(
          Reason.MALFORMED, "not a Cairn manifest: it does not start with \"" + MAGIC + "\"");
    }
    int version = bytes[MAGIC_BYTES.length] & 0xff;
    if (version != Manifest.FORMAT_VERSION) {
      throw new ManifestException(
          Reason.UNSUPPORTED_VERSION,
          "manifest format version "
              + version
              + " is not supported; this build reads version "
              + Manifest.FORMAT_VERSION);
    }
    if (bytes.length < HEADER_LENGTH + TRAILER_LENGTH) {
      throw new ManifestException(
          Reason.MALFORMED, "manifest is truncated: only " + bytes.length + " bytes");
    }
    int bodyEnd = bytes.length - TRAILER_LENGTH;
    Manifest manifest;
    try {
      manifest = parse(bytes, bodyEnd);
    } catch (IllegalArgumentException e) {
      throw ManifestViolation.toChecked(e, "");
    }
    byte[] hash = Digests.sha256(bytes, 0, bodyEnd);
    if (!MessageDigest.isEqual(hash, manifest.manifestHash().toArray())) {
      throw new ManifestException(
          Reason.HASH_MISMATCH,
          "manifest hash mismatch: the stored hash is "
              + manifest.manifestHash().toHex()
              + " but the content hashes to "
              + Bytes.wrap(hash).toHex()
              + "; the manifest is corrupted or was edited");
    }
    checkMerkleRoot(manifest);
    return manifest;
  }

  private static Manifest parse(byte[] bytes, int bodyEnd) {
    ByteReader r = new ByteReader(bytes, HEADER_LENGTH, bodyEnd);
    String kdfAlgorithm = ascii(r, r.u8("kdf algorithm length"), "kdf algorithm");
    Bytes salt = r.fixed(KdfParams.SALT_SIZE, "kdf salt");
    int memory = r.u32In(0, Integer.MAX_VALUE, "kdf memory");
    int iterations = r.u32In(0, Integer.MAX_VALUE, "kdf iterations");
    int parallelism = r.u32In(0, Integer.MAX_VALUE, "kdf parallelism");
    int kdfVersion = r.u8("kdf version");
    KdfParams kdf;
    try {
      kdf = new KdfParams(kdfAlgorithm, salt, memory, iterations, parallelism, kdfVersion);
    } catch (IllegalArgumentException e) {
      throw ManifestViolation.malformed(e.getMessage());
    }
    Bytes passwordCheck = r.fixed(Manifest.PASSWORD_CHECK_LENGTH, "password check");
    Bytes fileId = r.fixed(Manifest.FILE_ID_LENGTH, "file id");
    long fileSize = r.u64("file size");
    if (fileSize < 0) {
      throw ManifestViolation.malformed(
          "file size " + Long.toUnsignedString(fileSize) + " does not fit a signed 64-bit value");
    }
    int segmentSize = r.u32In(1, ManifestLimits.MAX_SEGMENT_SIZE, "segment size");
    int segmentCount = r.u32In(0, Integer.MAX_VALUE, "segment count");
    int k = r.u16("k");
    int m = r.u16("m");
    String cipher = ascii(r, r.u8("cipher length"), "cipher");
    long createdMillis = r.u64("created-at time");
    if (createdMillis < 0 || createdMillis > Manifest.MAX_CREATED_AT.toEpochMilli()) {
      throw ManifestViolation.malformed(
          "created-at time " + Long.toUnsignedString(createdMillis) + " ms is out of range");
    }
    Optional<String> fileName = Optional.empty();
    if (presence(r, "file name")) {
      int length = r.u16("file name length");
      if (length > ManifestLimits.MAX_FILE_NAME_BYTES) {
        throw ManifestViolation.tooLong("file name", length, ManifestLimits.MAX_FILE_NAME_BYTES);
      }
      fileName = Optional.of(Checks.decodeUtf8(r.bytes(length, "file name"), "file name"));
    }
    Optional<String> contentType = Optional.empty();
    if (presence(r, "content type")) {
      contentType = Optional.of(ascii(r, r.u8("content type length"), "content type"));
    }
    int blockSize = r.u32In(0, Integer.MAX_VALUE, "audit block size");
    int blockCount = r.u32In(0, Integer.MAX_VALUE, "audit block count");
    AuditSampling sampling = new AuditSampling(blockSize, blockCount);

    long shardCount = r.u32("shard count");
    if (shardCount > ManifestLimits.MAX_SHARDS) {
      throw ManifestViolation.overLimit(
          "manifest", shardCount, "shards", ManifestLimits.MAX_SHARDS);
    }
    r.need(shardCount * MIN_SHARD_BYTES + Manifest.HASH_LENGTH, shardCount + " shards");
    List<ShardEntry> shards = new ArrayList<>((int) shardCount);
    for (int i = 0; i < shardCount; i++) {
      shards.add(shard(r, i));
    }
    Bytes merkleRoot = r.fixed(Manifest.HASH_LENGTH, "merkle root");
    if (r.remaining() != 0) {
      throw ManifestViolation.malformed(
          "manifest has " + r.remaining() + " unexpected bytes after the merkle root");
    }
    Bytes hash = Bytes.copyOf(bytes, bodyEnd, Manifest.HASH_LENGTH);
    Bytes tag = Bytes.copyOf(bytes, bodyEnd + Manifest.HASH_LENGTH, Manifest.TAG_LENGTH);
    return new Manifest(
        Manifest.FORMAT_VERSION,
        kdf,
        passwordCheck,
        fileId,
        fileSize,
        segmentSize,
        segmentCount,
        k,
        m,
        cipher,
        Instant.ofEpochMilli(createdMillis),
        fileName,
        contentType,
        sampling,
        shards,
        merkleRoot,
        hash,
        tag);
  }

  private static ShardEntry shard(ByteReader r, int i) {
    String where = "shard #" + i;
    byte[] cidBytes = r.bytes(Cid.BINARY_LENGTH, where + " cid");
    Cid cid;
    try {
      cid = Cid.fromBytes(cidBytes);
    } catch (IllegalArgumentException e) {
      throw ManifestViolation.malformed(where + " cid: " + e.getMessage());
    }
    int size =
        r.u32In(
            1,
            ManifestLimits.MAX_SEGMENT_SIZE + ManifestLimits.MAX_SHARD_OVERHEAD,
            where + " size");
    int segment = r.u32In(0, ManifestLimits.MAX_SHARDS - 1, where + " segment");
    int index = r.u16(where + " index");
    where = "shard (segment " + segment + ", index " + index + ")";

    int peerCount = r.u8(where + " peer count");
    if (peerCount > ManifestLimits.MAX_PEERS_PER_SHARD) {
      throw ManifestViolation.overLimit(
          where, peerCount, "peers", ManifestLimits.MAX_PEERS_PER_SHARD);
    }
    List<PeerId> placement = new ArrayList<>(peerCount);
    for (int p = 0; p < peerCount; p++) {
      byte[] id = r.bytes(r.u8(where + " peer length"), where + " peer id");
      PeerId peer;
      try {
        peer = PeerId.fromBytes(id);
      } catch (IllegalArgumentException e) {
        throw ManifestViolation.malformed(where + " peer #" + p + ": " + e.getMessage());
      }
      if (!Arrays.equals(peer.toBytes(), id)) {
        throw ManifestViolation.malformed(where + " peer #" + p + " is not in canonical form");
      }
      placement.add(peer);
    }

    int receiptCount = r.u8(where + " receipt count");
    if (receiptCount > ManifestLimits.MAX_RECEIPTS_PER_SHARD) {
      throw ManifestViolation.overLimit(
          where, receiptCount, "receipts", ManifestLimits.MAX_RECEIPTS_PER_SHARD);
    }
    List<ShardReceipt> receipts = new ArrayList<>(receiptCount);
    for (int j = 0; j < receiptCount; j++) {
      int peerIndex = r.u8(where + " receipt peer");
      if (peerIndex >= placement.size()) {
        throw ManifestViolation.malformed(
            where
                + " receipt #"
                + j
                + " names placement peer "
                + peerIndex
                + " of "
                + placement.size());
      }
      int length = r.u16(where + " receipt length");
      if (length > ManifestLimits.MAX_RECEIPT_BYTES) {
        throw ManifestViolation.tooLong(
            where + " receipt #" + j, length, ManifestLimits.MAX_RECEIPT_BYTES);
      }
      receipts.add(new ShardReceipt(placement.get(peerIndex), r.fixed(length, where + " receipt")));
    }

    int roundCount = r.u8(where + " audit round count");
    if (roundCount > ManifestLimits.MAX_AUDIT_ROUNDS_PER_SHARD) {
      throw ManifestViolation.overLimit(
          where, roundCount, "audit rounds", ManifestLimits.MAX_AUDIT_ROUNDS_PER_SHARD);
    }
    r.need((long) roundCount * (AuditSampler.NONCE_LENGTH + AuditSampler.HASH_LENGTH), where);
    List<AuditRound> rounds = new ArrayList<>(roundCount);
    for (int j = 0; j < roundCount; j++) {
      rounds.add(
          new AuditRound(
              r.fixed(AuditSampler.NONCE_LENGTH, where + " audit nonce"),
              r.fixed(AuditSampler.HASH_LENGTH, where + " audit expected hash")));
    }
    return new ShardEntry(cid, size, segment, index, placement, receipts, rounds);
  }

  private static boolean presence(ByteReader r, String field) {
    int flag = r.u8(field + " presence");
    if (flag > 1) {
      throw ManifestViolation.malformed(
          field + " presence flag is " + flag + "; it must be 0 or 1");
    }
    return flag == 1;
  }

  /** Printable ASCII of {@code length} bytes (the record constructors check the exact rules). */
  private static String ascii(ByteReader r, int length, String field) {
    byte[] b = r.bytes(length, field);
    for (byte c : b) {
      if (c < 0x20 || c > 0x7e) {
        throw ManifestViolation.malformed(field + " is not printable ASCII");
      }
    }
    return new String(b, StandardCharsets.US_ASCII);
  }

  /** Whether {@code bytes} looks like a legacy v0 manifest: JSON, starting with '{'. */
  public static boolean isLegacyJson(byte[] bytes) {
    for (byte b : bytes) {
      if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
        continue;
      }
      return b == '{';
    }
    return false;
  }

  // ---------------------------------------------------------------- verification

  /**
   * Checks that a manifest is intact and self-consistent: its manifest hash is the hash of its
   * content ({@link Reason#HASH_MISMATCH}) and its Merkle root covers its shard CIDs ({@link
   * Reason#MERKLE_MISMATCH}). {@link #decode(byte[])} already does this.
   */
  public static void verifyIntegrity(Manifest manifest) throws ManifestException {
    Bytes hash = computeHash(manifest);
    if (!hash.constantTimeEquals(manifest.manifestHash())) {
      throw new ManifestException(
          Reason.HASH_MISMATCH,
          "manifest hash mismatch: the stored hash is "
              + manifest.manifestHash().toHex()
              + " but the content hashes to "
              + hash.toHex());
    }
    checkMerkleRoot(manifest);
  }

  private static void checkMerkleRoot(Manifest manifest) throws ManifestException {
    Bytes root = MerkleTree.rootOfCids(manifest.cids());
    if (!root.constantTimeEquals(manifest.merkleRoot())) {
      throw new ManifestException(
          Reason.MERKLE_MISMATCH,
          "merkle root mismatch: the manifest says "
              + manifest.merkleRoot().toHex()
              + " but its "
              + manifest.shards().size()
              + " shard CIDs give "
              + root.toHex());
    }
  }

  /**
   * Checks that the manifest belongs to the holder of {@code keys}: first {@link #verifyIntegrity},
   * then the password check (constant-time; a mismatch is {@link Reason#WRONG_PASSWORD}), then the
   * auth tag (constant-time; a mismatch with the right password is {@link Reason#TAMPERED}).
   *
   * <p>Why the two can be told apart: the password check is stored in the manifest, so with the
   * right password it matches and a failing tag can only mean altered content. With a wrong
   * password the check differs (a 2^-128 chance otherwise). An attacker who rewrites the check
   * value must also fix the manifest hash, or the manifest fails earlier with {@link
   * Reason#HASH_MISMATCH}; one who does both makes the right password look wrong, which the message
   * admits. Either way the manifest is refused: nobody can make it verify without the MAC key, and
   * a wrong answer about the reason costs nothing an attacker who can edit the file could not cost
   * by deleting it.
   */
  public static void authenticate(Manifest manifest, ManifestKeys keys) throws ManifestException {
    verifyIntegrity(manifest);
    checkTag(manifest, keys);
  }

  /**
   * Decodes and authenticates in the order of {@link ManifestCodec}: {@link #decode(byte[])}, then
   * the keys from {@code derivation} (given the manifest's own KDF parameters), then the password
   * check and the auth tag.
   */
  public static Manifest open(byte[] bytes, KeyDerivation derivation) throws ManifestException {
    Manifest manifest = decode(bytes);
    try (ManifestKeys keys =
        Objects.requireNonNull(derivation.derive(manifest.kdf()), "derived keys")) {
      checkTag(manifest, keys);
    }
    return manifest;
  }

  private static void checkTag(Manifest manifest, ManifestKeys keys) throws ManifestException {
    // Both comparisons run before either result is looked at.
    boolean passwordMatches = manifest.passwordCheck().constantTimeEquals(keys.passwordCheck());
    boolean tagMatches =
        authTag(keys.macKey(), manifest.manifestHash()).constantTimeEquals(manifest.authTag());
    if (!passwordMatches) {
      throw new ManifestException(
          Reason.WRONG_PASSWORD,
          "wrong password: it does not match this manifest's password check (or the check value"
              + " itself was rewritten)");
    }
    if (!tagMatches) {
      throw new ManifestException(
          Reason.TAMPERED,
          "manifest auth tag does not verify although the password is right: the manifest was"
              + " altered after it was written");
    }
  }
}
