package org.pointsnet.chaincode;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The chaincode's packages, nested ones included (ledger.core, ledger.model, ...), depend on each other one way only. */
class ArchitectureTest {

    @Test
    void packagesFormNoCycle() {
        slices().matching("org.pointsnet.chaincode.(**)").should().beFreeOfCycles()
            .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.pointsnet.chaincode"));
    }
}
