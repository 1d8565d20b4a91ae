/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.noise;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The handshake state machine of {@code Noise_XX_25519_ChaChaPoly_SHA256} (Noise rev 34, §5 and
 * pattern XX of §7.5):
 *
 * <pre>
 *   -> e
 *   <- e, ee, s, es
 *   -> s, se
 * </pre>
 *
 * <p>Pure: messages in, messages out; the framing (u16 length prefixes) lives in the Netty layer.
 * Every failure, malformed input included, is a {@link GeneralSecurityException}.
 */
public final class NoiseXX {
  /** Exactly 32 bytes, so it is used as h directly (Noise §5.2 InitializeSymmetric). */
  static final byte[] PROTOCOL_NAME =
      "Noise_XX_25519_ChaChaPoly_SHA256".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private static final int DHLEN = 32;
  private static final int HASHLEN = 32;
  private static final int TAGLEN = ChaChaPoly.TAG_LENGTH;

  /** Which side of the handshake this state plays. */
  public enum Role {
    INITIATOR,
    RESPONDER
  }

  /** The transport ciphers after {@code Split()}: one to send with, one to receive with. */
  public record Split(CipherState sender, CipherState receiver) {}

  private final Role role;
  private final X25519KeyPair s;
  private final SecureRandom random;
  private X25519KeyPair e;
  private byte[] re;
  private byte[] rs;

  private final CipherState cipher = new CipherState();
  private byte[] ck;
  private byte[] h;
  private int step; // index of the next message of the pattern, 0..3

  /**
   * @param ephemeral a fixed ephemeral key for test vectors, or null to make a fresh one
   */
  public NoiseXX(
      Role role,
      byte[] prologue,
      X25519KeyPair staticKey,
      X25519KeyPair ephemeral,
      SecureRandom random) {
    this.role = role;
    this.s = staticKey;
    this.e = ephemeral;
    this.random = random;
    this.h = PROTOCOL_NAME.clone();
    this.ck = PROTOCOL_NAME.clone();
    mixHash(prologue);
  }

  public NoiseXX(Role role, X25519KeyPair staticKey, SecureRandom random) {
    this(role, new byte[0], staticKey, null, random);
  }

  public Role role() {
    return role;
  }

  /** True once the three messages have been written or read. */
  public boolean isComplete() {
    return step == 3;
  }

  /** Whether the next message is ours to write. */
  public boolean isMyTurn() {
    boolean initiatorTurn = step % 2 == 0;
    return step < 3 && (role == Role.INITIATOR) == initiatorTurn;
  }

  /** The remote static X25519 key, known after message 2 (initiator) or 3 (responder). */
  public byte[] remoteStaticKey() {
    return rs == null ? null : rs.clone();
  }

  public byte[] localStaticKey() {
    return s.publicKey();
  }

  public byte[] handshakeHash() {
    return h.clone();
  }

  /** Writes the next handshake message carrying {@code payload}. */
  public byte[] writeMessage(byte[] payload) throws GeneralSecurityException {
    if (!isMyTurn()) {
      throw new GeneralSecurityException("not our turn to write in the Noise handshake");
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    switch (step) {
      case 0 -> writeE(out);
      case 1 -> {
        writeE(out);
        mixKey(e.dh(re)); // ee
        out.writeBytes(cipher.encryptWithAd(h, s.publicKey()));
        mixHash(lastBytes(out, DHLEN + TAGLEN));
        mixKey(s.dh(re)); // es (responder side: DH(s, re))
      }
      case 2 -> {
        out.writeBytes(cipher.encryptWithAd(h, s.publicKey()));
        mixHash(lastBytes(out, DHLEN + TAGLEN));
        mixKey(s.dh(re)); // se (initiator side: DH(s, re))
      }
      default -> throw new GeneralSecurityException("handshake already complete");
    }
    byte[] c = cipher.encryptWithAd(h, payload);
    mixHash(c);
    out.writeBytes(c);
    step++;
    return out.toByteArray();
  }

  /** Reads the next handshake message and returns its decrypted payload. */
  public byte[] readMessage(byte[] message) throws GeneralSecurityException {
    if (step >= 3 || isMyTurn()) {
      throw new GeneralSecurityException("not our turn to read in the Noise handshake");
    }
    int off = 0;
    switch (step) {
      case 0 -> off = readE(message, off);
      case 1 -> {
        off = readE(message, off);
        mixKey(e.dh(re)); // ee
        off = readS(message, off);
        mixKey(e.dh(rs)); // es (initiator side: DH(e, rs))
      }
      case 2 -> {
        off = readS(message, off);
        mixKey(e.dh(rs)); // se (responder side: DH(e, rs))
      }
      default -> throw new GeneralSecurityException("handshake already complete");
    }
    byte[] c = Arrays.copyOfRange(message, off, message.length);
    if (cipher.hasKey() && c.length < TAGLEN) {
      throw new GeneralSecurityException("Noise handshake message " + step + " is truncated");
    }
    byte[] payload = cipher.decryptWithAd(h, c);
    mixHash(c);
    step++;
    return payload;
  }

  /**
   * Noise §5.2 Split(): the initiator sends with k1 and receives with k2; the responder reverse.
   */
  public Split split() throws GeneralSecurityException {
    if (!isComplete()) {
      throw new GeneralSecurityException("Split() before the handshake completed");
    }
    byte[][] k = hkdf(ck, new byte[0]);
    CipherState c1 = new CipherState(k[0]);
    CipherState c2 = new CipherState(k[1]);
    Arrays.fill(k[0], (byte) 0);
    Arrays.fill(k[1], (byte) 0);
    return role == Role.INITIATOR ? new Split(c1, c2) : new Split(c2, c1);
  }

  private void writeE(java.io.ByteArrayOutputStream out) {
    if (e == null) {
      e = X25519KeyPair.generate(random);
    }
    byte[] pub = e.publicKey();
    out.writeBytes(pub);
    mixHash(pub);
  }

  private int readE(byte[] m, int off) throws GeneralSecurityException {
    if (m.length - off < DHLEN) {
      throw new GeneralSecurityException("Noise handshake message " + step + " is truncated");
    }
    re = Arrays.copyOfRange(m, off, off + DHLEN);
    mixHash(re);
    return off + DHLEN;
  }

  private int readS(byte[] m, int off) throws GeneralSecurityException {
    int len = cipher.hasKey() ? DHLEN + TAGLEN : DHLEN;
    if (m.length - off < len) {
      throw new GeneralSecurityException("Noise handshake message " + step + " is truncated");
    }
    byte[] temp = Arrays.copyOfRange(m, off, off + len);
    rs = cipher.decryptWithAd(h, temp);
    mixHash(temp);
    return off + len;
  }

  private static byte[] lastBytes(java.io.ByteArrayOutputStream out, int n) {
    byte[] all = out.toByteArray();
    return Arrays.copyOfRange(all, all.length - n, all.length);
  }

  private void mixHash(byte[] data) {
    MessageDigest sha = sha256();
    sha.update(h);
    sha.update(data);
    h = sha.digest();
  }

  private void mixKey(byte[] ikm) throws GeneralSecurityException {
    byte[][] out = hkdf(ck, ikm);
    ck = out[0];
    cipher.initializeKey(out[1]); // HASHLEN == 32, so no truncation is needed
    Arrays.fill(ikm, (byte) 0);
  }

  /** Noise §4.3 HKDF with two outputs: RFC 5869 with salt = chaining key and empty info. */
  static byte[][] hkdf(byte[] chainingKey, byte[] ikm) throws GeneralSecurityException {
    byte[] temp = hmac(chainingKey, ikm);
    byte[] o1 = hmac(temp, new byte[] {1});
    byte[] in2 = Arrays.copyOf(o1, HASHLEN + 1);
    in2[HASHLEN] = 2;
    byte[] o2 = hmac(temp, in2);
    Arrays.fill(temp, (byte) 0);
    return new byte[][] {o1, o2};
  }

  private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "NoiseXX[" + role + ", step " + step + "]";
  }
}
