/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * RocksDB's native objects must be owned and closed by the managed wrappers in {@code
 * io.cairn.node.store.internal} (STYLE.md §5, Ozone's banned raw RocksDB imports), so no other
 * package may touch {@code org.rocksdb}. A wrong import fails this test, and so the build.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.cairn.node");

  @Test
  void shouldUseRocksDbOnlyInStoreInternal() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.cairn.node.store.internal")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.rocksdb..")
        .because("RocksDB objects are wrapped and closed by io.cairn.node.store.internal only")
        .check(CLASSES);
  }

  @Test
  void shouldNotDependOnLaterLayers() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.cairn.cli..", "io.cairn.controlplane..", "io.cairn.gateway..", "io.cairn.web..")
        .because("the node is used by the CLI and services, never the reverse")
        .check(CLASSES);
  }
}
