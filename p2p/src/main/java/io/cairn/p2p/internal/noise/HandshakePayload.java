/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.noise;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.crypto.Ed25519;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The libp2p Noise handshake payload (noise-libp2p spec, "The libp2p Handshake Payload"):
 *
 * <pre>
 * message NoiseExtensions {
 *   repeated bytes  webtransport_certhashes = 1;
 *   repeated string stream_muxers = 2;
 * }
 * message NoiseHandshakePayload {
 *   optional bytes identity_key = 1;
 *   optional bytes identity_sig = 2;
 *   optional NoiseExtensions extensions = 4;
 * }
 * </pre>
 *
 * @param identityKey the sender's libp2p {@code PublicKey} protobuf
 * @param identitySig Ed25519 signature of {@code "noise-libp2p-static-key:" || static key}
 * @param streamMuxers the muxers the sender offers for inlined negotiation, in preference order
 */
public record HandshakePayload(Bytes identityKey, Bytes identitySig, List<String> streamMuxers) {
  static final byte[] SIGNATURE_PREFIX =
      "noise-libp2p-static-key:".getBytes(StandardCharsets.US_ASCII);

  /** Bounds that no honest payload comes near: a key, a signature and a few muxer names. */
  static final int MAX_MUXERS = 16;

  static final int MAX_MUXER_LENGTH = 1024;

  public HandshakePayload {
    Objects.requireNonNull(identityKey, "identityKey");
    Objects.requireNonNull(identitySig, "identitySig");
    streamMuxers = List.copyOf(streamMuxers);
  }

  /** The payload that proves {@code identity} owns {@code noiseStaticPublic}. */
  public static HandshakePayload sign(
      Ed25519.KeyPair identity, byte[] noiseStaticPublic, List<String> streamMuxers) {
    byte[] sig = Ed25519.sign(identity.privateKey(), signedBytes(noiseStaticPublic));
    return new HandshakePayload(
        Bytes.wrap(identity.publicKey().toProtobuf()), Bytes.wrap(sig), streamMuxers);
  }

  static byte[] signedBytes(byte[] noiseStaticPublic) {
    byte[] m = new byte[SIGNATURE_PREFIX.length + noiseStaticPublic.length];
    System.arraycopy(SIGNATURE_PREFIX, 0, m, 0, SIGNATURE_PREFIX.length);
    System.arraycopy(noiseStaticPublic, 0, m, SIGNATURE_PREFIX.length, noiseStaticPublic.length);
    return m;
  }

  /**
   * Checks the signature over the static key the handshake delivered and returns the proven peer
   * id.
   */
  public PeerId verify(byte[] remoteNoiseStatic) throws GeneralSecurityException {
    Ed25519.PublicKey key;
    try {
      key = Ed25519.PublicKey.fromProtobuf(identityKey.toArray());
    } catch (IllegalArgumentException e) {
      throw new GeneralSecurityException("handshake payload identity key: " + e.getMessage());
    }
    if (!Ed25519.verify(key, signedBytes(remoteNoiseStatic), identitySig.toArray())) {
      throw new GeneralSecurityException(
          "handshake payload signature does not match the Noise static key");
    }
    return PeerId.of(key);
  }

  public byte[] encode() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      out.writeByteArray(1, identityKey.toArray());
      out.writeByteArray(2, identitySig.toArray());
      if (!streamMuxers.isEmpty()) {
        ByteArrayOutputStream ext = new ByteArrayOutputStream();
        CodedOutputStream e = CodedOutputStream.newInstance(ext);
        for (String m : streamMuxers) {
          e.writeString(2, m);
        }
        e.flush();
        out.writeByteArray(4, ext.toByteArray());
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
  }

  /** Decodes a payload, skipping unknown fields; any malformation is a security failure. */
  public static HandshakePayload decode(byte[] payload) throws GeneralSecurityException {
    try {
      CodedInputStream in = CodedInputStream.newInstance(payload);
      in.setRecursionLimit(4);
      byte[] key = null;
      byte[] sig = null;
      List<String> muxers = new ArrayList<>();
      while (true) {
        int tag = in.readTag();
        if (tag == 0) {
          break;
        }
        switch (tag) {
          case (1 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED -> key = in.readByteArray();
          case (2 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED -> sig = in.readByteArray();
          case (4 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED -> decodeExtensions(in, muxers);
          default -> {
            if (!in.skipField(tag)) {
              throw new GeneralSecurityException("handshake payload has a stray end-group tag");
            }
          }
        }
      }
      if (key == null || sig == null) {
        throw new GeneralSecurityException("handshake payload lacks identity_key or identity_sig");
      }
      return new HandshakePayload(Bytes.wrap(key), Bytes.wrap(sig), muxers);
    } catch (IOException e) {
      throw new GeneralSecurityException("handshake payload is not valid protobuf");
    }
  }

  private static void decodeExtensions(CodedInputStream in, List<String> muxers)
      throws IOException, GeneralSecurityException {
    int length = in.readRawVarint32();
    if (length < 0) {
      throw new GeneralSecurityException("handshake payload extensions have a negative length");
    }
    int old = in.pushLimit(length);
    while (true) {
      int tag = in.readTag();
      if (tag == 0) {
        break;
      }
      if (tag == ((2 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
        String m = in.readStringRequireUtf8();
        if (muxers.size() >= MAX_MUXERS || m.length() > MAX_MUXER_LENGTH) {
          throw new GeneralSecurityException("handshake payload lists too many stream muxers");
        }
        muxers.add(m);
      } else if (!in.skipField(tag)) {
        throw new GeneralSecurityException("handshake payload has a stray end-group tag");
      }
    }
    in.popLimit(old);
  }
}
