/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.client.audit.AuditSampler;
import io.cairn.client.engine.FakeNode.Behaviour;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import io.cairn.protocol.ErrorCode;
import io.cairn.protocol.message.AuditChallenge;
import io.cairn.protocol.message.AuditResponse;
import io.cairn.protocol.message.RetrieveRequest;
import io.cairn.protocol.message.StoreReceipt;
import io.cairn.protocol.message.StoreRequest;
import org.junit.jupiter.api.Test;

/** The fake is strict too: an honest node's answers pass every check the protocol defines. */
class FakeNetworkTest {
  private final FakeNetwork net = new FakeNetwork(99, 2);
  private final FakeNode node = net.nodes().get(0);
  private final byte[] shard = Fixture.data(10_000, 99);
  private final Cid cid = Cid.of(shard);

  private StoreReceipt store() throws Exception {
    return net.store(node.ref(), new StoreRequest(cid, shard.length, 1), shard, 0, shard.length);
  }

  @Test
  void shouldAnswerLikeAnHonestNode() throws Exception {
    StoreReceipt r = store();
    assertTrue(r.verify(node.id()));
    assertEquals(net.localPeer(), r.client());
    RetrieveRequest req = RetrieveRequest.of(cid, Fixture.random(1));
    RetrievedShard got = net.retrieve(node.ref(), req);
    assertTrue(got.response().proof().answers(req, node.id()));
    assertArrayEquals(shard, got.bytes());
    byte[] nonce = new byte[16];
    AuditChallenge ch =
        new AuditChallenge(
            cid, Bytes.wrap(nonce), net.clock().millis(), Bytes.wrap(new byte[16]), 4, 512);
    AuditResponse a = net.audit(node.ref(), ch);
    assertTrue(a.answers(ch, node.id()));
    assertArrayEquals(
        AuditSampler.response(nonce, shard, 0, shard.length, 512, 4), a.hash().toArray());
    TransportException again =
        assertThrows(TransportException.class, () -> net.audit(node.ref(), ch));
    assertEquals(ErrorCode.AUDIT_NONCE_REPLAYED, again.code().orElseThrow());
  }

  @Test
  void shouldRefuseBytesThatDoNotMatchTheCid() {
    byte[] other = shard.clone();
    other[0] ^= 1;
    TransportException e =
        assertThrows(
            TransportException.class,
            () ->
                net.store(
                    node.ref(), new StoreRequest(cid, other.length, 1), other, 0, other.length));
    assertEquals(ErrorCode.CID_MISMATCH, e.code().orElseThrow());
    assertFalse(node.holds(cid));
  }

  @Test
  void shouldMisbehaveAsTold() throws Exception {
    store();
    node.is(Behaviour.WRONG_KEY);
    assertFalse(store().verify(node.id()));
    RetrieveRequest req = RetrieveRequest.of(cid, Fixture.random(2));
    assertFalse(net.retrieve(node.ref(), req).response().proof().answers(req, node.id()));
    node.heal().is(Behaviour.CORRUPT_BYTES);
    assertFalse(cid.matches(net.retrieve(node.ref(), req).bytes()));
    node.heal().is(Behaviour.DOWN);
    assertEquals(
        TransportException.Kind.UNREACHABLE,
        assertThrows(TransportException.class, this::store).kind());
    node.heal().is(Behaviour.SLOW);
    assertEquals(
        TransportException.Kind.TIMEOUT,
        assertThrows(TransportException.class, this::store).kind());
    node.heal().damage(cid);
    assertEquals(
        ErrorCode.CORRUPT,
        assertThrows(TransportException.class, () -> net.retrieve(node.ref(), req))
            .code()
            .orElseThrow());
  }
}
