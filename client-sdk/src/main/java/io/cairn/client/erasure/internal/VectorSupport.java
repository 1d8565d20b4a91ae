/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.erasure.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;

/**
 * Finds out whether the Vector API kernel can run, without linking {@code jdk.incubator.vector}
 * when it is absent (a JVM started without {@code --add-modules=jdk.incubator.vector}, or a browser
 * build): {@link VectorKernel} is only reached reflectively.
 */
public final class VectorSupport {
  private static final String MODULE = "jdk.incubator.vector";
  private static final String KERNEL_CLASS = "io.cairn.client.erasure.internal.VectorKernel";

  private VectorSupport() {}

  /** Whether the vector kernel can be used, and if not, why. */
  public static Optional<String> unavailableReason() {
    return Holder.UNAVAILABLE_REASON;
  }

  /** Whether the vector kernel can be used. */
  public static boolean available() {
    return Holder.UNAVAILABLE_REASON.isEmpty();
  }

  /**
   * A factory of vector kernels of {@code bits} bits (0 for the preferred size), or empty if the
   * vector kernel cannot be used.
   *
   * @throws IllegalArgumentException if {@code bits} is not a usable size on this machine
   */
  public static Optional<CodingKernel.Factory> factory(int bits) {
    if (!available()) {
      return Optional.empty();
    }
    try {
      return Optional.of((CodingKernel.Factory) Holder.FACTORY.invokeExact(bits));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("cannot create the vector kernel", e);
    }
  }

  /** The vector size in bits that {@code factory(bits)} uses. */
  public static int resolveBits(int bits) {
    if (!available()) {
      throw new IllegalStateException("vector kernel unavailable: " + Holder.UNAVAILABLE_REASON);
    }
    try {
      return (int) Holder.RESOLVE_BITS.invokeExact(bits);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("cannot query the vector kernel", e);
    }
  }

  private static final class Holder {
    static final Optional<String> UNAVAILABLE_REASON;
    static final MethodHandle FACTORY;
    static final MethodHandle RESOLVE_BITS;

    static {
      String reason = null;
      MethodHandle factory = null;
      MethodHandle resolveBits = null;
      if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
        reason =
            "module "
                + MODULE
                + " is not present (start the JVM with --add-modules="
                + MODULE
                + ")";
      } else {
        try {
          Class<?> kernel = Class.forName(KERNEL_CLASS);
          MethodHandles.Lookup lookup = MethodHandles.lookup();
          factory =
              lookup.findStatic(
                  kernel, "factory", MethodType.methodType(CodingKernel.Factory.class, int.class));
          resolveBits =
              lookup.findStatic(kernel, "resolveBits", MethodType.methodType(int.class, int.class));
          // Throws IllegalArgumentException when the preferred size is not 128, 256 or 512 bits.
          int preferred = (int) resolveBits.invokeExact(0);
          assert preferred >= 128;
        } catch (IllegalArgumentException e) {
          reason = e.getMessage();
        } catch (Throwable e) {
          reason = "cannot load the vector kernel: " + e;
        }
      }
      UNAVAILABLE_REASON = Optional.ofNullable(reason);
      FACTORY = factory;
      RESOLVE_BITS = resolveBits;
    }
  }
}
