/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol;

/**
 * Cairn's protocol ids and wire limits (docs/protocol.md, "Limits"). Every decoder checks these
 * before it allocates.
 */
public final class Protocols {
  /** Store and delete shards. */
  public static final String STORE = "/cairn/store/1.0.0";

  /** Retrieve a shard with a retrieval proof. */
  public static final String RETRIEVE = "/cairn/retrieve/1.0.0";

  /** Answer an audit challenge. */
  public static final String AUDIT = "/cairn/audit/1.0.0";

  /** Exchange signed peer records. */
  public static final String PEERS = "/cairn/peers/1.0.0";

  /** Largest shard a node accepts or serves: 64 MiB. */
  public static final long MAX_SHARD_SIZE = 64L * 1024 * 1024;

  /** Largest protobuf message on any Cairn stream (the varint length prefix excluded): 64 KiB. */
  public static final int MAX_CONTROL_MESSAGE = 64 * 1024;

  /** Length of request and round nonces. */
  public static final int NONCE_LENGTH = 16;

  /** Length of a SHA-256 digest. */
  public static final int SHA256_LENGTH = 32;

  /** Length of an Ed25519 signature. */
  public static final int SIGNATURE_LENGTH = 64;

  /** Longest binary peer id accepted in a message (an Ed25519 one is 38). */
  public static final int MAX_PEER_ID_LENGTH = 64;

  /** Longest {@code ErrorReply.message}, in UTF-8 bytes. */
  public static final int MAX_ERROR_MESSAGE_BYTES = 1024;

  /** Most peer records in one exchange response, and the largest {@code max_peers}. */
  public static final int MAX_PEERS_PER_EXCHANGE = 64;

  /** Most addresses in one peer record. */
  public static final int MAX_ADDRS_PER_PEER = 8;

  /** Audit blocks per round unless the challenge says otherwise. */
  public static final int DEFAULT_AUDIT_BLOCK_COUNT = 16;

  /** Audit block size unless the challenge says otherwise. */
  public static final int DEFAULT_AUDIT_BLOCK_SIZE = 4096;

  /** Most audit blocks one challenge may ask for. */
  public static final int MAX_AUDIT_BLOCK_COUNT = 1024;

  /** Smallest audit block one challenge may ask for; block sizes are powers of two. */
  public static final int MIN_AUDIT_BLOCK_SIZE = 512;

  /** Largest audit block one challenge may ask for: 1 MiB. */
  public static final int MAX_AUDIT_BLOCK_SIZE = 1024 * 1024;

  private Protocols() {}
}
