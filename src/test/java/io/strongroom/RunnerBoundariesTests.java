package io.strongroom;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * What Modulith's {@code verify()} cannot say (STYLE.md C1): the runner and the storage
 * it uses start in a plain JVM, so they use no Spring at all (no web, no JPA, no
 * context), and storage knows nothing of the runner.
 */
class RunnerBoundariesTests {

	static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.strongroom.runner", "io.strongroom.storage");

	@Test
	void runnerAndStorageUseNoSpringWebOrJpa() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta.persistence..", "jakarta.servlet..",
					"org.hibernate..")
			.check(classes);
	}

	@Test
	void storageDoesNotKnowTheRunner() {
		noClasses().that()
			.resideInAPackage("io.strongroom.storage..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.strongroom.runner..")
			.check(classes);
	}

}
