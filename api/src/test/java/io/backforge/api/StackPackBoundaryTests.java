package io.backforge.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.backforge.templates.pack.StackPack;
import io.backforge.templates.pack.StackPacks;
import org.junit.jupiter.api.Test;

/**
 * The whole platform (web, workflows, activities, generator library) knows stacks only through
 * {@link StackPacks}: no class outside a pack's package depends on a pack's classes, so adding a
 * stack is adding its package and one registration line.
 */
class StackPackBoundaryTests {

  private static final JavaClasses PLATFORM =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.backforge");

  @Test
  void noClassOutsideThePacksDependsOnAPack() {
    String[] packs =
        StackPacks.all().stream()
            .map(pack -> pack.getClass().getPackageName() + "..")
            .toArray(String[]::new);
    assertThat(packs).hasSizeGreaterThanOrEqualTo(2);
    assertThat(PLATFORM.containPackage("io.backforge.activities.verification")).isTrue();

    noClasses()
        .that()
        .resideOutsideOfPackages(packs)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packs)
        .check(PLATFORM);
  }

  @Test
  void everyPackBringsAVerificationRecipeWithTestsAndAContractLaunch() {
    for (StackPack pack : StackPacks.all()) {
      assertThat(pack.verificationRecipe().tests().command()).as(pack.title()).isNotEmpty();
      assertThat(pack.verificationRecipe().contract().documentFile()).as(pack.title()).isNotBlank();
    }
  }
}
