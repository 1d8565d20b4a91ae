/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
/**
 * Reed-Solomon erasure coding of segments into shards (DESIGN.md, upload step 4).
 *
 * <p>{@link io.cairn.client.erasure.ErasureCoders} creates an {@link
 * io.cairn.client.erasure.ErasureCoder} for k data and m parity shards (k + m &lt;= 256) and splits
 * a segment into k equal shards and joins them back. The code is systematic (the data shards are
 * the segment itself) and uses a Cauchy matrix over GF(2^8) mod 0x11D, so any k of the k + m shards
 * rebuild the rest.
 *
 * <p>Typical use:
 *
 * <pre>{@code
 * ErasureCoder coder = ErasureCoders.create(4, 2);
 * byte[][] shards = ErasureCoders.encodeSegment(coder, segment, segmentLength);
 * // ... later, with shards[1] and shards[4] lost:
 * boolean[] present = {true, false, true, true, false, true};
 * int size = ErasureCoders.shardSize(segmentLength, 4);
 * coder.decode(shards, present, 0, size);
 * byte[] segmentAgain = ErasureCoders.join(shards, 4, segmentLength);
 * }</pre>
 */
package io.cairn.client.erasure;
