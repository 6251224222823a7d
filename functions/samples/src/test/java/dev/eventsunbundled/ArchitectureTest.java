package dev.eventsunbundled;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** functions/ main code depends on the JDK only: no shell, serialization, logging, GraphQL or Scala library. */
@AnalyzeClasses(packages = "dev.eventsunbundled", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule functionsKnowNothingOfTheShell = noClasses()
      .that().resideInAPackage("dev.eventsunbundled..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "org.apache.pekko..", "com.fasterxml..", "org.slf4j..", "ch.qos..", "graphql..", "scala..")
      .because("the business logic outlives every shell");

  @ArchTest
  static final ArchRule functionsDependOnTheJdkAndThemselvesOnly = classes()
      .that().resideInAPackage("dev.eventsunbundled..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.eventsunbundled..")
      .because("functions/ is plain JDK code");

  @ArchTest
  static void everySealedRootTypeHasSamplesForTheExhaustivenessTest(JavaClasses mainClasses) {
    Set<Class<?>> sealedRoots = mainClasses.stream()
        .map(JavaClass::reflect)
        .filter(type -> type.isSealed() && Arrays.stream(type.getInterfaces()).noneMatch(Class::isSealed))
        .collect(Collectors.toSet());

    assertThat(Samples.BY_SEALED_TYPE.keySet()).containsExactlyInAnyOrderElementsOf(sealedRoots);
  }
}
