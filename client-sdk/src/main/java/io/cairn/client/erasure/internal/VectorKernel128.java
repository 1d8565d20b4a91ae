/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.erasure.internal;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** {@link VectorKernel} on 128-bit vectors. Keep identical to its siblings but for SPECIES. */
final class VectorKernel128 extends VectorKernel {
  private static final VectorSpecies<Byte> SPECIES = ByteVector.SPECIES_128;

  VectorKernel128(byte[][] rows) {
    super(rows);
  }

  @Override
  void group4(byte[][] inputs, int in, byte[][] outputs, int o, int out, int n) {
    VectorSpecies<Byte> sp = SPECIES;
    byte[] t = tables;
    byte[] d0 = outputs[o];
    byte[] d1 = outputs[o + 1];
    byte[] d2 = outputs[o + 2];
    byte[] d3 = outputs[o + 3];
    int bound = sp.loopBound(n);
    int step = sp.length();
    for (int i = 0; i < inputCount; i++) {
      byte[] src = inputs[i];
      ByteVector l0 = ByteVector.fromArray(sp, t, table(o, i));
      ByteVector h0 = ByteVector.fromArray(sp, t, table(o, i) + 16);
      ByteVector l1 = ByteVector.fromArray(sp, t, table(o + 1, i));
      ByteVector h1 = ByteVector.fromArray(sp, t, table(o + 1, i) + 16);
      ByteVector l2 = ByteVector.fromArray(sp, t, table(o + 2, i));
      ByteVector h2 = ByteVector.fromArray(sp, t, table(o + 2, i) + 16);
      ByteVector l3 = ByteVector.fromArray(sp, t, table(o + 3, i));
      ByteVector h3 = ByteVector.fromArray(sp, t, table(o + 3, i) + 16);
      if (i == 0) {
        for (int j = 0; j < bound; j += step) {
          ByteVector v = ByteVector.fromArray(sp, src, in + j);
          ByteVector lo = v.and((byte) 0x0f);
          ByteVector hi = v.lanewise(VectorOperators.LSHR, 4).and((byte) 0x0f);
          lo.selectFrom(l0).lanewise(VectorOperators.XOR, hi.selectFrom(h0)).intoArray(d0, out + j);
          lo.selectFrom(l1).lanewise(VectorOperators.XOR, hi.selectFrom(h1)).intoArray(d1, out + j);
          lo.selectFrom(l2).lanewise(VectorOperators.XOR, hi.selectFrom(h2)).intoArray(d2, out + j);
          lo.selectFrom(l3).lanewise(VectorOperators.XOR, hi.selectFrom(h3)).intoArray(d3, out + j);
        }
      } else {
        for (int j = 0; j < bound; j += step) {
          ByteVector v = ByteVector.fromArray(sp, src, in + j);
          ByteVector lo = v.and((byte) 0x0f);
          ByteVector hi = v.lanewise(VectorOperators.LSHR, 4).and((byte) 0x0f);
          addInto(d0, out + j, lo.selectFrom(l0).lanewise(VectorOperators.XOR, hi.selectFrom(h0)));
          addInto(d1, out + j, lo.selectFrom(l1).lanewise(VectorOperators.XOR, hi.selectFrom(h1)));
          addInto(d2, out + j, lo.selectFrom(l2).lanewise(VectorOperators.XOR, hi.selectFrom(h2)));
          addInto(d3, out + j, lo.selectFrom(l3).lanewise(VectorOperators.XOR, hi.selectFrom(h3)));
        }
      }
      tail(o, i, src, in, outputs, out, bound, n, 4);
    }
  }

  @Override
  void group2(byte[][] inputs, int in, byte[][] outputs, int o, int out, int n) {
    VectorSpecies<Byte> sp = SPECIES;
    byte[] t = tables;
    byte[] d0 = outputs[o];
    byte[] d1 = outputs[o + 1];
    int bound = sp.loopBound(n);
    int step = sp.length();
    for (int i = 0; i < inputCount; i++) {
      byte[] src = inputs[i];
      ByteVector l0 = ByteVector.fromArray(sp, t, table(o, i));
      ByteVector h0 = ByteVector.fromArray(sp, t, table(o, i) + 16);
      ByteVector l1 = ByteVector.fromArray(sp, t, table(o + 1, i));
      ByteVector h1 = ByteVector.fromArray(sp, t, table(o + 1, i) + 16);
      if (i == 0) {
        for (int j = 0; j < bound; j += step) {
          ByteVector v = ByteVector.fromArray(sp, src, in + j);
          ByteVector lo = v.and((byte) 0x0f);
          ByteVector hi = v.lanewise(VectorOperators.LSHR, 4).and((byte) 0x0f);
          lo.selectFrom(l0).lanewise(VectorOperators.XOR, hi.selectFrom(h0)).intoArray(d0, out + j);
          lo.selectFrom(l1).lanewise(VectorOperators.XOR, hi.selectFrom(h1)).intoArray(d1, out + j);
        }
      } else {
        for (int j = 0; j < bound; j += step) {
          ByteVector v = ByteVector.fromArray(sp, src, in + j);
          ByteVector lo = v.and((byte) 0x0f);
          ByteVector hi = v.lanewise(VectorOperators.LSHR, 4).and((byte) 0x0f);
          addInto(d0, out + j, lo.selectFrom(l0).lanewise(VectorOperators.XOR, hi.selectFrom(h0)));
          addInto(d1, out + j, lo.selectFrom(l1).lanewise(VectorOperators.XOR, hi.selectFrom(h1)));
        }
      }
      tail(o, i, src, in, outputs, out, bound, n, 2);
    }
  }

  @Override
  void group1(byte[][] inputs, int in, byte[][] outputs, int o, int out, int n) {
    VectorSpecies<Byte> sp = SPECIES;
    byte[] t = tables;
    byte[] d0 = outputs[o];
    int bound = sp.loopBound(n);
    int step = sp.length();
    for (int i = 0; i < inputCount; i++) {
      byte[] src = inputs[i];
      ByteVector l0 = ByteVector.fromArray(sp, t, table(o, i));
      ByteVector h0 = ByteVector.fromArray(sp, t, table(o, i) + 16);
      if (i == 0) {
        for (int j = 0; j < bound; j += step) {
          ByteVector v = ByteVector.fromArray(sp, src, in + j);
          ByteVector lo = v.and((byte) 0x0f);
          ByteVector hi = v.lanewise(VectorOperators.LSHR, 4).and((byte) 0x0f);
          lo.selectFrom(l0).lanewise(VectorOperators.XOR, hi.selectFrom(h0)).intoArray(d0, out + j);
        }
      } else {
        for (int j = 0; j < bound; j += step) {
          ByteVector v = ByteVector.fromArray(sp, src, in + j);
          ByteVector lo = v.and((byte) 0x0f);
          ByteVector hi = v.lanewise(VectorOperators.LSHR, 4).and((byte) 0x0f);
          addInto(d0, out + j, lo.selectFrom(l0).lanewise(VectorOperators.XOR, hi.selectFrom(h0)));
        }
      }
      tail(o, i, src, in, outputs, out, bound, n, 1);
    }
  }

  private static void addInto(byte[] dst, int at, ByteVector product) {
    ByteVector.fromArray(SPECIES, dst, at)
        .lanewise(VectorOperators.XOR, product)
        .intoArray(dst, at);
  }
}
