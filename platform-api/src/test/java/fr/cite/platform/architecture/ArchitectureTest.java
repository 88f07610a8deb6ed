package fr.cite.platform.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the shared jar, kept by the build: {@code tenancy} is the mechanism every feature
 * stands on and reaches up to none of them; feature packages form no cycle; the shared jar never
 * uses the WARs' classes.
 */
class ArchitectureTest {

  /** Packages above tenancy: the features and the provider's workflows. */
  static final String[] FEATURES = {
    "..platform.audit..",
    "..platform.catalogue..",
    "..platform.family..",
    "..platform.health..",
    "..platform.incidents..",
    "..platform.identity..",
    "..platform.mail..",
    "..platform.onboarding..",
    "..platform.requests..",
    "..platform.staff..",
    "..platform.town..",
    "..platform.towns.."
  };

  static JavaClasses platform;

  @BeforeAll
  static void load() {
    platform =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.cite.platform");
  }

  @Test
  void tenancyImportsNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("..platform.tenancy..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FEATURES)
        .check(platform);
  }

  @Test
  void thePlatformsPackagesFormNoCycle() {
    slices().matching("fr.cite.platform.(*)..").should().beFreeOfCycles().check(platform);
  }

  @Test
  void theSharedJarNeverUsesTheWars() {
    noClasses()
        .that()
        .resideInAPackage("fr.cite.platform..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("fr.cite.portal..", "fr.cite.admin..")
        .check(platform);
  }

  @Test
  void lowerPackagesNeverReachUp() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "..platform.problem..",
            "..platform.input..",
            "..platform.config..",
            "..platform.i18n..",
            "..platform.communes..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FEATURES)
        .check(platform);
  }
}
