/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol;

import io.cairn.protocol.codec.Base32;
import io.cairn.protocol.codec.Base58;
import io.cairn.protocol.codec.Multihash;
import io.cairn.protocol.codec.Varint;
import io.cairn.protocol.crypto.Ed25519;
import java.util.Arrays;
import java.util.Objects;

/**
 * A libp2p peer id of an Ed25519 key: the identity multihash of the key's libp2p protobuf encoding,
 * {@code 00 24 08 01 12 20 <32-byte key>} (38 bytes). Text form base58btc ({@code 12D3KooW…}); the
 * CIDv1 form ({@code bafzaa…}, multicodec libp2p-key 0x72) is parsed too.
 *
 * <p>Peer ids of other key types (RSA, secp256k1, sha2-256 multihash {@code Qm…}) are refused with
 * a message that says so: a Cairn node's identity is always Ed25519.
 */
public final class PeerId implements Comparable<PeerId> {
  /** Length of the binary form of an Ed25519 peer id. */
  public static final int BINARY_LENGTH = 38;

  /** Multicodec {@code libp2p-key}, used in the CIDv1 text form. */
  public static final int CODEC_LIBP2P_KEY = 0x72;

  /** Longest text {@link #parse} looks at; real ids are 52 (base58) or 65 (CID) characters. */
  public static final int MAX_TEXT_LENGTH = 128;

  private final Ed25519.PublicKey publicKey;
  private final byte[] binary;

  private PeerId(Ed25519.PublicKey publicKey) {
    this.publicKey = publicKey;
    byte[] proto = publicKey.toProtobuf();
    this.binary = new Multihash(Multihash.IDENTITY, Bytes.wrap(proto)).toBytes();
  }

  /** The peer id of an Ed25519 public key. */
  public static PeerId of(Ed25519.PublicKey key) {
    return new PeerId(Objects.requireNonNull(key, "key"));
  }

  /**
   * Decodes the binary multihash form.
   *
   * @throws IllegalArgumentException if it is not an identity multihash of an Ed25519 key
   */
  public static PeerId fromBytes(byte[] multihash) {
    Objects.requireNonNull(multihash, "multihash");
    Multihash mh;
    try {
      mh = Multihash.fromBytes(multihash);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid peer id: " + e.getMessage(), e);
    }
    if (mh.code() != Multihash.IDENTITY) {
      throw new IllegalArgumentException(
          "peer id is a hashed (non-identity) multihash: only Ed25519 peer ids are supported");
    }
    try {
      return new PeerId(Ed25519.PublicKey.fromProtobuf(mh.digest().toArray()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid peer id: " + e.getMessage(), e);
    }
  }

  /**
   * Parses base58btc ({@code 12D3KooW…}) or CIDv1 ({@code bafzaa…}) text.
   *
   * @throws IllegalArgumentException with what is wrong
   */
  public static PeerId parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty()) {
      throw new IllegalArgumentException("peer id text is empty");
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException(
          "peer id text is " + text.length() + " characters, more than " + MAX_TEXT_LENGTH);
    }
    if (text.startsWith("Qm")) {
      throw new IllegalArgumentException(
          "peer id " + text + " is a sha2-256 (RSA-style) id: only Ed25519 peer ids are supported");
    }
    char first = text.charAt(0);
    if (first == '1') {
      return fromBytes(Base58.decode(text));
    }
    if (first == 'b') {
      byte[] cid = Base32.decode(text.substring(1));
      if (cid.length < 2 || cid[0] != 0x01) {
        throw new IllegalArgumentException("peer id CID must be CIDv1");
      }
      long codec = Varint.decode(cid, 1, cid.length - 1);
      if (codec != CODEC_LIBP2P_KEY) {
        throw new IllegalArgumentException(
            "peer id CID has codec 0x" + Long.toHexString(codec) + ", expected libp2p-key (0x72)");
      }
      int p = 1 + Varint.size(codec);
      return fromBytes(Arrays.copyOfRange(cid, p, cid.length));
    }
    throw new IllegalArgumentException(
        "peer id text must be base58btc (12D3KooW…) or a CIDv1 (bafzaa…), got prefix '"
            + first
            + "'");
  }

  /** The binary multihash form (38 bytes, a copy). */
  public byte[] toBytes() {
    return binary.clone();
  }

  /** The Ed25519 key this id is made of. */
  public Ed25519.PublicKey publicKey() {
    return publicKey;
  }

  /** The CIDv1 text form, {@code bafzaa…}. */
  public String toCidString() {
    byte[] cid = new byte[2 + binary.length];
    cid[0] = 0x01;
    cid[1] = CODEC_LIBP2P_KEY;
    System.arraycopy(binary, 0, cid, 2, binary.length);
    return "b" + Base32.encode(cid);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PeerId other && Arrays.equals(binary, other.binary);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(binary);
  }

  /** Order of the binary forms (unsigned). */
  @Override
  public int compareTo(PeerId o) {
    return Arrays.compareUnsigned(binary, o.binary);
  }

  /** Base58btc text, {@code 12D3KooW…}. */
  @Override
  public String toString() {
    return Base58.encode(binary);
  }
}
