/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.message;

import static io.cairn.protocol.message.GoldenVectorTest.CID;
import static io.cairn.protocol.message.GoldenVectorTest.CLIENT;
import static io.cairn.protocol.message.GoldenVectorTest.NODE;
import static io.cairn.protocol.message.GoldenVectorTest.REQUEST_NONCE;
import static io.cairn.protocol.message.GoldenVectorTest.ROUND_NONCE;
import static io.cairn.protocol.message.GoldenVectorTest.T;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.ErrorCode;
import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.ProtocolException;
import io.cairn.protocol.Protocols;
import io.cairn.protocol.wire.AuditProtocolRequest;
import io.cairn.protocol.wire.PeersProtocolReply;
import io.cairn.protocol.wire.RetrieveProtocolRequest;
import io.cairn.protocol.wire.StoreProtocolReply;
import io.cairn.protocol.wire.StoreProtocolRequest;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireCodecTest {
  private static final PeerId CLIENT_ID = PeerId.of(CLIENT.publicKey());

  private static PeerRecord record() {
    return PeerRecord.sign(
        List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/4001")), T, NODE.privateKey());
  }

  private interface Decoder {
    Object decode(byte[] frame) throws ProtocolException;
  }

  private record Sample(byte[] frame, Object value, Decoder decoder) {}

  /** One valid frame of every envelope, and how to decode it. */
  private static List<Sample> samples() {
    StoreReceipt receipt = StoreReceipt.sign(CID, 12, T, CLIENT_ID, NODE.privateKey());
    RetrievalProof proof =
        RetrievalProof.sign(CID, CID.digest(), REQUEST_NONCE, T, NODE.privateKey());
    AuditChallenge challenge = new AuditChallenge(CID, ROUND_NONCE, T, REQUEST_NONCE, 16, 4096);
    AuditResponse audit =
        AuditResponse.sign(challenge, Bytes.fromHex("aa".repeat(32)), T, NODE.privateKey());
    ErrorReply err = new ErrorReply(ErrorCode.NOT_FOUND, "no such shard");
    StoreRequest store = new StoreRequest(CID, 12, 7);
    DeleteRequest delete = new DeleteRequest(CID);
    DeleteReply deleted = new DeleteReply(CID, true);
    RetrieveRequest retrieve = new RetrieveRequest(CID, REQUEST_NONCE);
    RetrieveResponse response = new RetrieveResponse(proof, 12);
    PeerExchangeRequest exchange = new PeerExchangeRequest(8, Optional.of(record()));
    PeerExchangeResponse peers = new PeerExchangeResponse(List.of(record()));
    return List.of(
        new Sample(StoreCall.encode(store), store, StoreCall::decode),
        new Sample(StoreCall.encode(delete), delete, StoreCall::decode),
        new Sample(StoreAnswer.encode(receipt), receipt, StoreAnswer::decode),
        new Sample(StoreAnswer.encode(deleted), deleted, StoreAnswer::decode),
        new Sample(StoreAnswer.encode(err), err, StoreAnswer::decode),
        new Sample(RetrieveCall.encode(retrieve), retrieve, RetrieveCall::decode),
        new Sample(RetrieveAnswer.encode(response), response, RetrieveAnswer::decode),
        new Sample(RetrieveAnswer.encode(err), err, RetrieveAnswer::decode),
        new Sample(AuditCall.encode(challenge), challenge, AuditCall::decode),
        new Sample(AuditAnswer.encode(audit), audit, AuditAnswer::decode),
        new Sample(AuditAnswer.encode(err), err, AuditAnswer::decode),
        new Sample(PeersCall.encode(exchange), exchange, PeersCall::decode),
        new Sample(PeersAnswer.encode(peers), peers, PeersAnswer::decode),
        new Sample(PeersAnswer.encode(err), err, PeersAnswer::decode));
  }

  private static final List<Decoder> DECODERS =
      List.of(
          StoreCall::decode,
          StoreAnswer::decode,
          RetrieveCall::decode,
          RetrieveAnswer::decode,
          AuditCall::decode,
          AuditAnswer::decode,
          PeersCall::decode,
          PeersAnswer::decode);

  @Test
  void shouldRoundTripEveryEnvelope() throws ProtocolException {
    for (Sample s : samples()) {
      assertEquals(s.value(), s.decoder().decode(s.frame()), s.value().toString());
      assertTrue(s.frame().length <= Protocols.MAX_CONTROL_MESSAGE);
    }
  }

  @Test
  void shouldMapEveryErrorCode() throws ProtocolException {
    for (ErrorCode code : ErrorCode.values()) {
      ErrorReply r = new ErrorReply(code, code.name());
      assertEquals(r, StoreAnswer.decode(StoreAnswer.encode(r)));
      assertEquals(code, ErrorCode.fromWire(code.toWire().getNumber()));
    }
    var e = assertThrows(ProtocolException.class, () -> ErrorCode.fromWire(0));
    assertEquals(ErrorCode.MALFORMED, e.code());
    assertThrows(ProtocolException.class, () -> ErrorCode.fromWire(999));
  }

  private static ProtocolException fails(ErrorCode expected, Decoder d, byte[] frame) {
    var e = assertThrows(ProtocolException.class, () -> d.decode(frame));
    assertEquals(expected, e.code(), e.getMessage());
    return e;
  }

  @Test
  void shouldRejectOversizedFramesBeforeParsing() {
    byte[] big = new byte[Protocols.MAX_CONTROL_MESSAGE + 1];
    var e = fails(ErrorCode.TOO_LARGE, StoreCall::decode, big);
    assertTrue(e.getMessage().contains("65536"), e.getMessage());
  }

  @Test
  void shouldRejectEmptyAndGarbageEnvelopes() {
    fails(ErrorCode.MALFORMED, StoreCall::decode, new byte[0]);
    fails(ErrorCode.MALFORMED, StoreCall::decode, new byte[] {(byte) 0xff, (byte) 0xff});
    fails(ErrorCode.MALFORMED, AuditAnswer::decode, new byte[] {0x0a, 0x05, 0x01});
  }

  @Test
  void shouldNameMissingAndWrongLengthFields() {
    var store = StoreProtocolRequest.newBuilder();
    store.getStoreBuilder().setSize(1);
    var e = fails(ErrorCode.MALFORMED, StoreCall::decode, store.build().toByteArray());
    assertTrue(e.getMessage().contains("StoreRequest.cid"), e.getMessage());

    var retrieve = RetrieveProtocolRequest.newBuilder();
    retrieve.getRetrieveBuilder().setCid(ByteString.copyFrom(CID.toBytes()));
    retrieve.getRetrieveBuilder().setRequestNonce(ByteString.copyFrom(new byte[15]));
    e = fails(ErrorCode.MALFORMED, RetrieveCall::decode, retrieve.build().toByteArray());
    assertTrue(e.getMessage().contains("request_nonce"), e.getMessage());

    var receipt =
        StoreReceipt.sign(CID, 1, T, CLIENT_ID, NODE.privateKey()).toProto().toBuilder()
            .setClient(ByteString.copyFrom(new byte[65]));
    e =
        fails(
            ErrorCode.MALFORMED,
            StoreAnswer::decode,
            StoreProtocolReply.newBuilder().setReceipt(receipt).build().toByteArray());
    assertTrue(e.getMessage().contains("StoreReceipt.client"), e.getMessage());

    var noSig =
        StoreReceipt.sign(CID, 1, T, CLIENT_ID, NODE.privateKey()).toProto().toBuilder()
            .clearSignature();
    fails(
        ErrorCode.MALFORMED,
        StoreAnswer::decode,
        StoreProtocolReply.newBuilder().setReceipt(noSig).build().toByteArray());

    var noProof = io.cairn.protocol.wire.RetrieveProtocolReply.newBuilder();
    noProof.getResponseBuilder().setSize(1);
    fails(ErrorCode.MALFORMED, RetrieveAnswer::decode, noProof.build().toByteArray());
  }

  @Test
  void shouldRejectOutOfRangeNumbers() {
    var store = StoreProtocolRequest.newBuilder();
    store.getStoreBuilder().setCid(ByteString.copyFrom(CID.toBytes())).setSize((64L << 20) + 1);
    fails(ErrorCode.SHARD_TOO_LARGE, StoreCall::decode, store.build().toByteArray());
    store.getStoreBuilder().setSize(-1L); // 2^64 - 1 as uint64
    fails(ErrorCode.SHARD_TOO_LARGE, StoreCall::decode, store.build().toByteArray());

    var c = new AuditChallenge(CID, ROUND_NONCE, T, REQUEST_NONCE, 16, 4096).toProto();
    for (var bad :
        List.of(
            c.toBuilder().setBlockCount(0),
            c.toBuilder().setBlockCount(Protocols.MAX_AUDIT_BLOCK_COUNT + 1),
            c.toBuilder().setBlockSize(0),
            c.toBuilder().setBlockSize(-1),
            c.toBuilder().setBlockSize(4095),
            c.toBuilder().setBlockSize(256),
            c.toBuilder().setChallengeTimeMillis(-5),
            c.toBuilder().setRoundNonce(ByteString.EMPTY))) {
      fails(
          ErrorCode.MALFORMED,
          AuditCall::decode,
          AuditProtocolRequest.newBuilder().setChallenge(bad).build().toByteArray());
    }
  }

  @Test
  void shouldBoundPeerExchange() {
    var tooMany = io.cairn.protocol.wire.PeerExchangeResponse.newBuilder();
    for (int i = 0; i <= Protocols.MAX_PEERS_PER_EXCHANGE; i++) {
      tooMany.addPeers(record().toProto());
    }
    var e =
        fails(
            ErrorCode.MALFORMED,
            PeersAnswer::decode,
            PeersProtocolReply.newBuilder().setExchange(tooMany).build().toByteArray());
    assertTrue(e.getMessage().contains("more than 64"), e.getMessage());

    var addrs = record().toProto().toBuilder();
    for (int i = 0; i < Protocols.MAX_ADDRS_PER_PEER; i++) {
      addrs.addAddrs(ByteString.copyFrom(Multiaddr.parse("/ip4/1.2.3.4/tcp/1").toBytes()));
    }
    fails(
        ErrorCode.MALFORMED,
        PeersAnswer::decode,
        PeersProtocolReply.newBuilder()
            .setExchange(io.cairn.protocol.wire.PeerExchangeResponse.newBuilder().addPeers(addrs))
            .build()
            .toByteArray());

    var badAddr =
        record().toProto().toBuilder().setAddrs(0, ByteString.copyFrom(new byte[] {4, 1}));
    fails(
        ErrorCode.MALFORMED,
        PeersAnswer::decode,
        PeersProtocolReply.newBuilder()
            .setExchange(io.cairn.protocol.wire.PeerExchangeResponse.newBuilder().addPeers(badAddr))
            .build()
            .toByteArray());
    assertThrows(
        IllegalArgumentException.class, () -> new PeerExchangeRequest(0, Optional.empty()));
    assertThrows(
        IllegalArgumentException.class, () -> new PeerExchangeRequest(65, Optional.empty()));
  }

  @Test
  void shouldBoundErrorMessages() {
    String longText = "é".repeat(Protocols.MAX_ERROR_MESSAGE_BYTES);
    assertThrows(
        IllegalArgumentException.class, () -> new ErrorReply(ErrorCode.INTERNAL, longText));
    ErrorReply cut = ErrorReply.of(ErrorCode.INTERNAL, longText);
    assertTrue(
        cut.message().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
            <= Protocols.MAX_ERROR_MESSAGE_BYTES);
    var tooLong =
        io.cairn.protocol.wire.ErrorReply.newBuilder()
            .setCode(io.cairn.protocol.wire.ErrorCode.ERROR_CODE_INTERNAL)
            .setMessage(longText);
    fails(
        ErrorCode.MALFORMED,
        StoreAnswer::decode,
        StoreProtocolReply.newBuilder().setError(tooLong).build().toByteArray());
    assertEquals(
        ErrorCode.QUOTA_EXCEEDED,
        new ErrorReply(ErrorCode.QUOTA_EXCEEDED, "full").toException().code());
  }

  @Test
  void shouldMakeFreshNonces() {
    SecureRandom r = new SecureRandom();
    assertTrue(
        !RetrieveRequest.of(CID, r)
            .requestNonce()
            .equals(RetrieveRequest.of(CID, r).requestNonce()));
    AuditChallenge c = AuditChallenge.of(CID, ROUND_NONCE, T, r);
    assertEquals(Protocols.DEFAULT_AUDIT_BLOCK_COUNT, c.blockCount());
    assertEquals(Protocols.DEFAULT_AUDIT_BLOCK_SIZE, c.blockSize());
  }

  /**
   * Mutated valid frames and random bytes decode to a value or a ProtocolException, nothing else.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void shouldOnlyEverThrowProtocolException(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Sample> s = samples();
    for (int i = 0; i < 4000; i++) {
      byte[] frame = s.get(rnd.nextInt(s.size())).frame().clone();
      int edits = rnd.nextInt(1, 4);
      for (int e = 0; e < edits && frame.length > 0; e++) {
        switch (rnd.nextInt(3)) {
          case 0 -> frame[rnd.nextInt(frame.length)] ^= (byte) rnd.nextInt(1, 256);
          case 1 -> frame = java.util.Arrays.copyOf(frame, rnd.nextInt(frame.length));
          default -> {
            frame = new byte[rnd.nextInt(0, 64)];
            rnd.nextBytes(frame);
          }
        }
      }
      for (Decoder d : DECODERS) {
        try {
          d.decode(frame);
        } catch (ProtocolException expected) {
          // the only failure allowed
        } catch (RuntimeException unexpected) {
          throw new AssertionError(
              "seed " + seed + " iteration " + i + " frame " + Bytes.wrap(frame).toHex(),
              unexpected);
        }
      }
    }
  }
}
