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
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The requester's side of Cairn's protocols (docs/protocol.md) over a {@link Host}: store, delete,
 * retrieve, audit and peer exchange, one stream per call.
 *
 * <p>Every call blocks (run it on a virtual thread), is bounded by the client's timeout from the
 * dial to the last byte, stops soon with {@link InterruptedException} when its thread is
 * interrupted (the stream is reset), and returns only an answer it has checked: a receipt signed by
 * the node it called for this CID, size and client; a retrieval proof that answers the request
 * together with bytes that hash to the CID; an audit response that answers the challenge (the
 * caller still compares the hash with its audit vector). Anything else is a {@link
 * CairnCallException} whose {@link CairnCallException.Kind} says whether the node refused ({@code
 * REFUSED}, with its {@link ErrorCode}), answered wrongly ({@code BAD_ANSWER}: evidence for the
 * sentinel), was too slow ({@code TIMEOUT}) or could not be reached ({@code TRANSPORT}).
 *
 * <p>Thread-safe; calls to one node share one connection (the host reuses it). The caller's shard
 * array is not referenced after a call returns or throws.
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

  // ---- checked calls ----

  /**
   * Stores {@code data[off, off + len)} as {@code cid} on {@code node} and returns its receipt,
   * checked: signed by {@code node}, for this CID, size and client.
   *
   * @param addresses where to dial {@code node} if no connection is open (may be empty then)
   */
  public StoreReceipt store(
      PeerId node, List<Multiaddr> addresses, Cid cid, byte[] data, int off, int len)
      throws CairnCallException, InterruptedException {
    Objects.requireNonNull(cid, "cid");
    StoreRequest request = new StoreRequest(cid, len, requestIds.incrementAndGet());
    return switch (exchangeStore(node, addresses, request, data, off, len)) {
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
  }

  /**
   * Deletes this client's claim on {@code cid} at {@code node}. {@code existed=false} is not an
   * error; a client that never stored the shard gets {@code REFUSED UNAUTHORIZED}.
   */
  public DeleteReply delete(PeerId node, List<Multiaddr> addresses, Cid cid)
      throws CairnCallException, InterruptedException {
    DeleteRequest request = new DeleteRequest(cid);
    StoreAnswer answer =
        call(
            node,
            addresses,
            Protocols.STORE,
            s -> {
              CairnFrames.write(s.out(), StoreCall.encode(request));
              s.closeWrite();
              return StoreAnswer.decode(CairnFrames.read(s.in(), "StoreProtocolReply"));
            });
    return switch (answer) {
      case DeleteReply d -> {
        if (!d.cid().equals(cid)) {
          throw bad(node, "delete reply is for " + d.cid() + ", not " + cid);
        }
        yield d;
      }
      case StoreReceipt r -> throw bad(node, "answered a delete with a receipt");
      case ErrorReply e -> throw refused(node, e);
    };
  }

  /**
   * As {@link #retrieve(PeerId, List, RetrieveRequest, long)} with the protocol's largest shard.
   */
  public RetrievedShard retrieve(PeerId node, List<Multiaddr> addresses, RetrieveRequest request)
      throws CairnCallException, InterruptedException {
    return retrieve(node, addresses, request, Protocols.MAX_SHARD_SIZE);
  }

  /**
   * Fetches a shard with its retrieval proof. Refuses a size above {@code maxSize} before
   * allocating, and checks the proof (signed by {@code node}, this CID and nonce, the CID's digest)
   * and the bytes against the CID.
   *
   * @param maxSize the most bytes accepted, e.g. the size the manifest records for the shard
   */
  public RetrievedShard retrieve(
      PeerId node, List<Multiaddr> addresses, RetrieveRequest request, long maxSize)
      throws CairnCallException, InterruptedException {
    Retrieved got = exchangeRetrieve(node, addresses, request, maxSize);
    return switch (got.answer()) {
      case RetrieveResponse r -> {
        if (!r.proof().answers(request, node)) {
          throw bad(node, "retrieval proof does not answer the request for " + request.cid());
        }
        if (!request.cid().matches(got.bytes())) {
          throw bad(node, "served bytes that do not hash to " + request.cid());
        }
        yield new RetrievedShard(r.proof(), Bytes.wrap(got.bytes()));
      }
      case ErrorReply e -> throw refused(node, e);
    };
  }

  /**
   * Sends an audit challenge. The response is checked to answer it (CID, request nonce, challenge
   * time, signed by {@code node}); the caller compares {@link AuditResponse#hash()} with its audit
   * vector and checks freshness.
   */
  public AuditResponse audit(PeerId node, List<Multiaddr> addresses, AuditChallenge challenge)
      throws CairnCallException, InterruptedException {
    return switch (exchangeAudit(node, addresses, challenge)) {
      case AuditResponse r -> {
        if (!r.answers(challenge, node)) {
          throw bad(node, "audit response does not answer the challenge for " + challenge.cid());
        }
        yield r;
      }
      case ErrorReply e -> throw refused(node, e);
    };
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
      throws CairnCallException, InterruptedException {
    PeerExchangeRequest request = new PeerExchangeRequest(maxPeers, self);
    PeersAnswer answer =
        call(
            node,
            addresses,
            Protocols.PEERS,
            s -> {
              CairnFrames.write(s.out(), PeersCall.encode(request));
              s.closeWrite();
              return PeersAnswer.decode(CairnFrames.read(s.in(), "PeersProtocolReply"));
            });
    return switch (answer) {
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
  }

  // ---- decoded, unchecked exchanges (for transports that leave the judging to their caller) ----

  /**
   * Sends {@code request} and {@code data[off, off + len)}; returns the node's answer decoded but
   * not checked (an {@code ErrorReply} is a value here).
   */
  StoreAnswer exchangeStore(
      PeerId node, List<Multiaddr> addresses, StoreRequest request, byte[] data, int off, int len)
      throws CairnCallException, InterruptedException {
    Objects.checkFromIndexSize(off, len, data.length);
    if (request.size() != len) {
      throw new IllegalArgumentException(
          "StoreRequest.size " + request.size() + " differs from the " + len + " bytes given");
    }
    return call(node, addresses, Protocols.STORE, s -> sendShard(s, request, data, off, len));
  }

  /**
   * Writes the request and the bytes, then reads the answer. A node that refuses early answers
   * before reading the bytes: the client stops sending when an answer is waiting.
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
   * What a retrieve brought back, unchecked: the decoded answer and, after a {@code
   * RetrieveResponse}, exactly the announced number of bytes (else an empty array).
   */
  record Retrieved(RetrieveAnswer answer, byte[] bytes) {}

  /**
   * Sends {@code request}; reads the answer and, after a response, exactly the announced bytes. A
   * size above {@code maxSize} is a {@code BAD_ANSWER} before anything is allocated.
   */
  Retrieved exchangeRetrieve(
      PeerId node, List<Multiaddr> addresses, RetrieveRequest request, long maxSize)
      throws CairnCallException, InterruptedException {
    Objects.requireNonNull(request, "request");
    long limit = Math.min(maxSize, Protocols.MAX_SHARD_SIZE);
    return call(
        node,
        addresses,
        Protocols.RETRIEVE,
        s -> {
          CairnFrames.write(s.out(), RetrieveCall.encode(request));
          s.closeWrite();
          RetrieveAnswer a =
              RetrieveAnswer.decode(CairnFrames.read(s.in(), "RetrieveProtocolReply"));
          if (a instanceof RetrieveResponse r) {
            if (r.size() > limit) {
              throw bad(
                  node, "announces " + r.size() + " bytes, more than the " + limit + " expected");
            }
            byte[] data = new byte[(int) r.size()];
            CairnFrames.readExactly(s.in(), data, 0, data.length);
            return new Retrieved(a, data);
          }
          return new Retrieved(a, new byte[0]);
        });
  }

  /** Sends {@code challenge}; returns the node's answer decoded but not checked. */
  AuditAnswer exchangeAudit(PeerId node, List<Multiaddr> addresses, AuditChallenge challenge)
      throws CairnCallException, InterruptedException {
    Objects.requireNonNull(challenge, "challenge");
    return call(
        node,
        addresses,
        Protocols.AUDIT,
        s -> {
          CairnFrames.write(s.out(), AuditCall.encode(challenge));
          s.closeWrite();
          return AuditAnswer.decode(CairnFrames.read(s.in(), "AuditProtocolReply"));
        });
  }

  // ---- one call ----

  @FunctionalInterface
  private interface Exchange<T> {
    T run(P2pStream stream) throws IOException, ProtocolException;
  }

  /**
   * Opens a stream and runs {@code exchange} on it under the deadline. The exchange runs on its own
   * virtual thread so that the caller can be interrupted: stream reads and writes themselves do not
   * answer interrupts, so an interrupt resets the stream, waits for the exchange to notice (it
   * fails at once), and throws {@link InterruptedException}.
   */
  private <T> T call(PeerId node, List<Multiaddr> addresses, String protocol, Exchange<T> exchange)
      throws CairnCallException, InterruptedException {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(addresses, "addresses");
    long deadline = System.nanoTime() + timeout.toNanos();
    P2pStream stream = open(node, addresses, protocol, deadline);
    try (stream;
        StreamDeadline d =
            StreamDeadline.arm(stream, Duration.ofNanos(deadline - System.nanoTime()))) {
      FutureTask<T> task = new FutureTask<>(() -> exchange.run(stream));
      Thread.ofVirtual().name("cairn-call " + protocol).start(task);
      try {
        return task.get();
      } catch (InterruptedException e) {
        stream.reset();
        awaitQuietly(task);
        throw e;
      } catch (ExecutionException e) {
        throw failure(node, protocol, d, e.getCause());
      }
    }
  }

  /** Waits for a task that was just woken by a reset, keeping the caller's interrupt status. */
  private static void awaitQuietly(FutureTask<?> task) {
    boolean interrupted = false;
    while (true) {
      try {
        task.get();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      } catch (ExecutionException e) {
        break;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private CairnCallException failure(
      PeerId node, String protocol, StreamDeadline d, Throwable cause) {
    return switch (cause) {
      case CairnCallException e -> e;
      case ProtocolException e ->
          new CairnCallException(
              CairnCallException.Kind.BAD_ANSWER,
              node,
              null,
              "unreadable answer on " + protocol + ": " + e.getMessage(),
              e);
      case IOException e when d.expired() -> timeout(node, protocol, e);
      case IOException e ->
          new CairnCallException(
              CairnCallException.Kind.TRANSPORT,
              node,
              null,
              protocol + " exchange failed: " + e.getMessage(),
              e);
      case RuntimeException e -> throw e;
      case Error e -> throw e;
      default ->
          new CairnCallException(
              CairnCallException.Kind.TRANSPORT, node, null, String.valueOf(cause), cause);
    };
  }

  private P2pStream open(PeerId node, List<Multiaddr> addresses, String protocol, long deadline)
      throws CairnCallException, InterruptedException {
    CompletableFuture<P2pStream> f = host.openStream(node, addresses, protocol);
    try {
      return f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      f.thenAccept(P2pStream::close);
      throw timeout(node, protocol, e);
    } catch (InterruptedException e) {
      f.thenAccept(P2pStream::close);
      throw e;
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
