/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.cairn;

import io.cairn.p2p.Host;
import io.cairn.p2p.P2pException;
import io.cairn.p2p.P2pStream;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import io.cairn.protocol.ErrorCode;
import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.ProtocolException;
import io.cairn.protocol.Protocols;
import io.cairn.protocol.message.AuditAnswer;
import io.cairn.protocol.message.AuditCall;
import io.cairn.protocol.message.AuditChallenge;
import io.cairn.protocol.message.AuditResponse;
import io.cairn.protocol.message.DeleteReply;
import io.cairn.protocol.message.DeleteRequest;
import io.cairn.protocol.message.ErrorReply;
import io.cairn.protocol.message.PeerExchangeRequest;
import io.cairn.protocol.message.PeerExchangeResponse;
import io.cairn.protocol.message.PeerRecord;
import io.cairn.protocol.message.PeersAnswer;
import io.cairn.protocol.message.PeersCall;
import io.cairn.protocol.message.RetrieveAnswer;
import io.cairn.protocol.message.RetrieveCall;
import io.cairn.protocol.message.RetrieveRequest;
import io.cairn.protocol.message.RetrieveResponse;
import io.cairn.protocol.message.StoreAnswer;
import io.cairn.protocol.message.StoreCall;
import io.cairn.protocol.message.StoreReceipt;
import io.cairn.protocol.message.StoreRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The requester's side of Cairn's protocols (docs/protocol.md) over a {@link Host}: store, delete,
 * retrieve, audit and peer exchange, one stream per call.
 *
 * <p>Every call blocks (run it on a virtual thread), is bounded by the client's timeout from the
 * dial to the last byte, and returns only an answer it has checked: a receipt signed by the node it
 * called for this CID, size and client; a retrieval proof that answers the request together with
 * bytes that hash to the CID; an audit response that answers the challenge (the caller still
 * compares the hash with its audit vector). Anything else is a {@link CairnCallException} whose
 * {@link CairnCallException.Kind} says whether the node refused ({@code REFUSED}, with its {@link
 * ErrorCode}), answered wrongly ({@code BAD_ANSWER}: evidence for the sentinel), was too slow
 * ({@code TIMEOUT}) or could not be reached ({@code TRANSPORT}).
 *
 * <p>Thread-safe; calls to one node share one connection (the host reuses it).
 */
public final class CairnClient {
  /** Timeout of one call unless the constructor says otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private final Host host;
  private final Duration timeout;
  private final AtomicLong requestIds = new AtomicLong();

  public CairnClient(Host host) {
    this(host, DEFAULT_TIMEOUT);
  }

  /**
   * @param timeout the longest one call may take, dial included
   */
  public CairnClient(Host host, Duration timeout) {
    this.host = Objects.requireNonNull(host, "host");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
  }

  /** The peer id nodes see for this client (the one its receipts name). */
  public PeerId self() {
    return host.peerId();
  }

  public Duration timeout() {
    return timeout;
  }

  /**
   * Stores {@code data[off, off + len)} as {@code cid} on {@code node} and returns its receipt,
   * checked: signed by {@code node}, for this CID, size and client.
   *
   * @param addresses where to dial {@code node} if no connection is open (may be empty then)
   */
  public StoreReceipt store(
      PeerId node, List<Multiaddr> addresses, Cid cid, byte[] data, int off, int len)
      throws CairnCallException {
    Objects.requireNonNull(cid, "cid");
    Objects.checkFromIndexSize(off, len, data.length);
    StoreRequest request = new StoreRequest(cid, len, requestIds.incrementAndGet());
    return call(
        node,
        addresses,
        Protocols.STORE,
        s -> {
          StoreAnswer answer = sendShard(s, request, data, off, len);
          return switch (answer) {
            case StoreReceipt r -> {
              if (!r.cid().equals(cid) || r.size() != len || !r.client().equals(self())) {
                throw bad(
                    node,
                    "receipt is for "
                        + r.cid()
                        + ", "
                        + r.size()
                        + " bytes, "
                        + r.client()
                        + "; expected "
                        + cid
                        + ", "
                        + len
                        + " bytes, "
                        + self());
              }
              if (!r.verify(node)) {
                throw bad(node, "receipt for " + cid + " is not signed by " + node);
              }
              yield r;
            }
            case DeleteReply d -> throw bad(node, "answered a store with a delete reply");
            case ErrorReply e -> throw refused(node, e);
          };
        });
  }

  /**
   * Writes the request and the bytes, then reads the answer. A node that refuses early (quota)
   * answers before reading the bytes: the client stops sending when an answer is waiting.
   */
  private static StoreAnswer sendShard(
      P2pStream s, StoreRequest request, byte[] data, int off, int len)
      throws IOException, ProtocolException {
    OutputStream out = s.out();
    IOException writeFailure = null;
    try {
      CairnFrames.write(out, StoreCall.encode(request));
      for (int pos = 0; pos < len; ) {
        int n = Math.min(CairnFrames.CHUNK, len - pos);
        out.write(data, off + pos, n);
        pos += n;
        if (pos < len && s.in().available() > 0) {
          break; // an early answer: the node will not read the rest
        }
      }
      s.closeWrite();
    } catch (IOException e) {
      writeFailure = e;
    }
    try {
      return StoreAnswer.decode(CairnFrames.read(s.in(), "StoreProtocolReply"));
    } catch (IOException | ProtocolException e) {
      if (writeFailure != null) {
        throw writeFailure;
      }
      throw e;
    }
  }

  /**
   * Deletes this client's claim on {@code cid} at {@code node}. {@code existed=false} is not an
   * error; a client that never stored the shard gets {@code REFUSED UNAUTHORIZED}.
   */
  public DeleteReply delete(PeerId node, List<Multiaddr> addresses, Cid cid)
      throws CairnCallException {
    DeleteRequest request = new DeleteRequest(cid);
    return call(
        node,
        addresses,
        Protocols.STORE,
        s -> {
          CairnFrames.write(s.out(), StoreCall.encode(request));
          s.closeWrite();
          return switch (StoreAnswer.decode(CairnFrames.read(s.in(), "StoreProtocolReply"))) {
            case DeleteReply d -> {
              if (!d.cid().equals(cid)) {
                throw bad(node, "delete reply is for " + d.cid() + ", not " + cid);
              }
              yield d;
            }
            case StoreReceipt r -> throw bad(node, "answered a delete with a receipt");
            case ErrorReply e -> throw refused(node, e);
          };
        });
  }

  /**
   * As {@link #retrieve(PeerId, List, RetrieveRequest, long)} with the protocol's largest shard.
   */
  public RetrievedShard retrieve(PeerId node, List<Multiaddr> addresses, RetrieveRequest request)
      throws CairnCallException {
    return retrieve(node, addresses, request, Protocols.MAX_SHARD_SIZE);
  }

  /**
   * Fetches a shard with its retrieval proof. Checks the proof (signed by {@code node}, this CID
   * and nonce, the CID's digest) before reading any byte, refuses a size above {@code maxSize}
   * before allocating, and checks the bytes against the CID.
   *
   * @param maxSize the most bytes accepted, e.g. the size the manifest records for the shard
   */
  public RetrievedShard retrieve(
      PeerId node, List<Multiaddr> addresses, RetrieveRequest request, long maxSize)
      throws CairnCallException {
    Objects.requireNonNull(request, "request");
    long limit = Math.min(maxSize, Protocols.MAX_SHARD_SIZE);
    return call(
        node,
        addresses,
        Protocols.RETRIEVE,
        s -> {
          CairnFrames.write(s.out(), RetrieveCall.encode(request));
          s.closeWrite();
          return switch (RetrieveAnswer.decode(CairnFrames.read(s.in(), "RetrieveProtocolReply"))) {
            case RetrieveResponse r -> {
              if (r.size() > limit) {
                throw bad(
                    node, "announces " + r.size() + " bytes, more than the " + limit + " expected");
              }
              if (!r.proof().answers(request, node)) {
                throw bad(node, "retrieval proof does not answer the request for " + request.cid());
              }
              byte[] data = new byte[(int) r.size()];
              CairnFrames.readExactly(s.in(), data, 0, data.length);
              if (!request.cid().matches(data)) {
                throw bad(node, "served bytes that do not hash to " + request.cid());
              }
              yield new RetrievedShard(r.proof(), Bytes.wrap(data));
            }
            case ErrorReply e -> throw refused(node, e);
          };
        });
  }

  /**
   * Sends an audit challenge. The response is checked to answer it (CID, request nonce, challenge
   * time, signed by {@code node}); the caller compares {@link AuditResponse#hash()} with its audit
   * vector and checks freshness.
   */
  public AuditResponse audit(PeerId node, List<Multiaddr> addresses, AuditChallenge challenge)
      throws CairnCallException {
    Objects.requireNonNull(challenge, "challenge");
    return call(
        node,
        addresses,
        Protocols.AUDIT,
        s -> {
          CairnFrames.write(s.out(), AuditCall.encode(challenge));
          s.closeWrite();
          return switch (AuditAnswer.decode(CairnFrames.read(s.in(), "AuditProtocolReply"))) {
            case AuditResponse r -> {
              if (!r.answers(challenge, node)) {
                throw bad(
                    node, "audit response does not answer the challenge for " + challenge.cid());
              }
              yield r;
            }
            case ErrorReply e -> throw refused(node, e);
          };
        });
  }

  /**
   * Asks {@code node} for peer records it knows. Records whose signature does not verify are
   * dropped; of several records of one peer the highest {@code seq} is kept.
   *
   * @param maxPeers 1..{@link Protocols#MAX_PEERS_PER_EXCHANGE}
   * @param self this client's own record, if it wants to be known (a node does; a client need not)
   */
  public List<PeerRecord> peers(
      PeerId node, List<Multiaddr> addresses, int maxPeers, Optional<PeerRecord> self)
      throws CairnCallException {
    PeerExchangeRequest request = new PeerExchangeRequest(maxPeers, self);
    return call(
        node,
        addresses,
        Protocols.PEERS,
        s -> {
          CairnFrames.write(s.out(), PeersCall.encode(request));
          s.closeWrite();
          return switch (PeersAnswer.decode(CairnFrames.read(s.in(), "PeersProtocolReply"))) {
            case PeerExchangeResponse r -> {
              if (r.peers().size() > maxPeers) {
                throw bad(node, "sent " + r.peers().size() + " records, more than " + maxPeers);
              }
              Map<PeerId, PeerRecord> best = new LinkedHashMap<>();
              for (PeerRecord p : r.peers()) {
                if (p.verifySignature()) {
                  best.merge(p.peer(), p, (a, b) -> b.seq() > a.seq() ? b : a);
                }
              }
              yield new ArrayList<>(best.values());
            }
            case ErrorReply e -> throw refused(node, e);
          };
        });
  }

  // ---- one call ----

  @FunctionalInterface
  private interface Exchange<T> {
    T run(P2pStream stream) throws IOException, ProtocolException;
  }

  private <T> T call(PeerId node, List<Multiaddr> addresses, String protocol, Exchange<T> exchange)
      throws CairnCallException {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(addresses, "addresses");
    long deadline = System.nanoTime() + timeout.toNanos();
    P2pStream stream = open(node, addresses, protocol, deadline);
    try (stream;
        StreamDeadline d =
            StreamDeadline.arm(stream, Duration.ofNanos(deadline - System.nanoTime()))) {
      try {
        return exchange.run(stream);
      } catch (CairnCallException e) {
        throw e;
      } catch (ProtocolException e) {
        throw new CairnCallException(
            CairnCallException.Kind.BAD_ANSWER,
            node,
            null,
            "unreadable answer on " + protocol + ": " + e.getMessage(),
            e);
      } catch (IOException e) {
        if (d.expired()) {
          throw timeout(node, protocol, e);
        }
        throw new CairnCallException(
            CairnCallException.Kind.TRANSPORT,
            node,
            null,
            protocol + " exchange failed: " + e.getMessage(),
            e);
      }
    }
  }

  private P2pStream open(PeerId node, List<Multiaddr> addresses, String protocol, long deadline)
      throws CairnCallException {
    CompletableFuture<P2pStream> f = host.openStream(node, addresses, protocol);
    try {
      return f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      f.thenAccept(P2pStream::close);
      throw timeout(node, protocol, e);
    } catch (InterruptedException e) {
      f.thenAccept(P2pStream::close);
      Thread.currentThread().interrupt();
      throw new CairnCallException(
          CairnCallException.Kind.TRANSPORT, node, null, "interrupted opening " + protocol, e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      String what = c instanceof P2pException p ? p.getMessage() : String.valueOf(c);
      throw new CairnCallException(
          CairnCallException.Kind.TRANSPORT,
          node,
          null,
          "cannot open " + protocol + ": " + what,
          c);
    }
  }

  private CairnCallException timeout(PeerId node, String protocol, Throwable cause) {
    return new CairnCallException(
        CairnCallException.Kind.TIMEOUT,
        node,
        null,
        protocol + " call took longer than " + timeout,
        cause);
  }

  private static CairnCallException refused(PeerId node, ErrorReply e) {
    return new CairnCallException(
        CairnCallException.Kind.REFUSED, node, e.code(), e.message(), null);
  }

  private static CairnCallException bad(PeerId node, String message) {
    return new CairnCallException(CairnCallException.Kind.BAD_ANSWER, node, null, message, null);
  }

  @Override
  public String toString() {
    return "CairnClient[" + self() + ", timeout " + timeout + "]";
  }
}
