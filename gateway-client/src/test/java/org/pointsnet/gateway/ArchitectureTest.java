package org.pointsnet.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The gateway's packages depend on each other one way only, and production code never on the probe. */
class ArchitectureTest {

    private static final JavaClasses GATEWAY = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.pointsnet.gateway");

    @Test
    void packagesFormNoCycle() {
        slices().matching("org.pointsnet.gateway.(*)..").should().beFreeOfCycles().check(GATEWAY);
    }

    @Test
    void nothingOutsideTheProbeDependsOnIt() {
        noClasses().that().resideOutsideOfPackage("org.pointsnet.gateway.probe..")
            .should().dependOnClassesThat().resideInAPackage("org.pointsnet.gateway.probe..")
            .because("the probe is a smoke test that is removed by deleting its package")
            .check(GATEWAY);
    }
}
