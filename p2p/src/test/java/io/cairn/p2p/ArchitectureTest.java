/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The transport's layering: the public API ({@code io.cairn.p2p}) shows no Netty type to its users,
 * and the transport internals know nothing of Cairn's own protocols or of other adapters.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.cairn.p2p");

  @Test
  void publicApiShouldNotExposeNetty() {
    noClasses()
        .that()
        .resideInAPackage("io.cairn.p2p")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.netty..")
        .because("callers use Host and P2pStream; Netty stays an implementation detail")
        .check(CLASSES);
  }

  @Test
  void transportInternalsShouldNotDependOnCairnProtocolsOrOtherAdapters() {
    noClasses()
        .that()
        .resideInAPackage("io.cairn.p2p.internal..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.cairn.p2p.cairn..",
            "io.cairn.node..",
            "io.cairn.cli..",
            "io.cairn.client..",
            "io.cairn.sentinel..")
        .because("the libp2p layer is generic; Cairn's protocols are built on top of it")
        .check(CLASSES);
  }
}
