/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * {@code sentinel} is a pure module (DESIGN.md, "Modules"): it depends on no adapter and does no
 * network or disk I/O of its own. A wrong import fails this test, and so the build.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.cairn.sentinel");

  @Test
  void shouldNotDependOnAdapters() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.cairn.p2p..",
            "io.cairn.node..",
            "io.cairn.cli..",
            "io.cairn.client..",
            "io.cairn.protocol..",
            "io.cairn.controlplane..",
            "io.cairn.gateway..",
            "io.cairn.web..",
            "io.netty..",
            "org.rocksdb..")
        .because("sentinel is pure: adapters depend on it, never the reverse")
        .check(CLASSES);
  }

  @Test
  void shouldDoNoIoOfItsOwn() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.net..", "java.nio.file..", "java.nio.channels..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.FileInputStream")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.FileOutputStream")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.RandomAccessFile")
        .because("pure modules take streams and bytes; adapters own files and sockets")
        .check(CLASSES);
  }
}
