package io.backforge.templates.pack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.backforge.templates.spec.Stack;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackPacksTests {

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.backforge.templates");

  @Test
  void everyRegisteredPackIsFoundInRegistrationOrderWithItsOwnGenerator() {
    List<StackPack> packs = StackPacks.all();

    assertThat(packs)
        .extracting(p -> p.stack().json())
        .containsExactly("flask", "spring-boot", "nestjs");
    assertThat(packs).allSatisfy(p -> assertThat(p.generator().stack()).isEqualTo(p.stack()));
    assertThat(StackPacks.first()).isSameAs(packs.get(0));
  }

  @Test
  void aStackIsKnownByItsIdOnlyWhenAPackContributesIt() {
    assertThat(Stack.fromJson("spring-boot")).isEqualTo(new Stack("spring-boot"));
    assertThat(Stack.fromJson("cobol")).isNull();
    assertThat(Stack.fromJson(null)).isNull();
    assertThat(Stack.values())
        .extracting(Stack::json)
        .containsExactly("flask", "spring-boot", "nestjs");
  }

  @Test
  void aStackIdIsLowerCaseWordsJoinedByHyphens() {
    assertThat(new Stack("nest-js2").json()).isEqualTo("nest-js2");
    for (String bad : new String[] {"", "Flask", "-x", "x-", "a--b", "../x", "a b"}) {
      assertThatThrownBy(() -> new Stack(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static final List<String> PACKS =
      List.of(
          "io.backforge.templates.flask..",
          "io.backforge.templates.springboot..",
          "io.backforge.templates.nestjs..");

  @Test
  void noStackPackDependsOnAnother() {
    for (String pack : PACKS) {
      for (String other : PACKS) {
        if (!other.equals(pack)) {
          noClasses()
              .that()
              .resideInAPackage(pack)
              .should()
              .dependOnClassesThat()
              .resideInAPackage(other)
              .check(MAIN);
        }
      }
    }
  }

  @Test
  void noCodeOutsideThePacksDependsOnAPack() {
    String[] packs = PACKS.toArray(String[]::new);
    noClasses()
        .that()
        .resideOutsideOfPackages(packs)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packs)
        .check(MAIN);
  }
}
