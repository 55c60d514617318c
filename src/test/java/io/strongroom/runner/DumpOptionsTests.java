package io.strongroom.runner;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DumpOptionsTests {

	@Test
	void noOptionsAreTheDefaults() {
		assertThat(DumpOptions.parse(Engine.POSTGRES, Map.of())).isEqualTo(DumpOptions.defaults(Engine.POSTGRES));
		assertThat(DumpOptions.parse(Engine.MYSQL, null).asMap()).isEmpty();
	}

	@Test
	void acceptsWhitelistedPostgresOptionsAndNormalizesThem() {
		DumpOptions options = DumpOptions.parse(Engine.POSTGRES,
				Map.of("excludeSchemas", List.of("staging"), "excludeTableData", "public.events", "noComments", true,
						"lockWaitTimeout", "30s", "largeObjects", false));
		assertThat(options.asMap()).containsEntry("excludeSchemas", List.of("staging"))
			.containsEntry("excludeTableData", List.of("public.events"))
			.containsEntry("lockWaitTimeout", 30_000L)
			.containsEntry("largeObjects", false);
	}

	@Test
	void acceptsWhitelistedMysqlOptionsForBothEngines() {
		Map<String, Object> raw = Map.of("routines", false, "maxAllowedPacket", "256M", "defaultCharacterSet",
				"utf8mb4", "noTablespaces", true);
		for (Engine engine : List.of(Engine.MYSQL, Engine.MARIADB)) {
			DumpOptions options = DumpOptions.parse(engine, raw);
			assertThat(options.asMap()).containsEntry("maxAllowedPacket", 256L * 1024 * 1024)
				.containsEntry("routines", false);
		}
	}

	@Test
	void unknownOptionsListWhatIsSupported() {
		assertThatIllegalArgumentException().isThrownBy(() -> DumpOptions.parse(Engine.POSTGRES, Map.of("jobz", 4)))
			.withMessageContaining("Unknown dump option 'jobz' for PostgreSQL")
			.withMessageContaining("excludeSchemas, excludeTableData");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DumpOptions.parse(Engine.POSTGRES, Map.of("routines", true)))
			.withMessageContaining("Unknown dump option 'routines' for PostgreSQL");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DumpOptions.parse(Engine.MARIADB, Map.of("excludeSchemas", List.of("x"))))
			.withMessageContaining("for MySQL/MariaDB")
			.withMessageContaining("routines, triggers, events");
	}

	@Test
	void flagsThatWouldRedirectOrReformatTheDumpAreRefusedWithAReason() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DumpOptions.parse(Engine.POSTGRES, Map.of("--file", "/etc/passwd")))
			.withMessageContaining("not command-line flags")
			.withMessageContaining("Strongroom sets 'file' itself");
		assertThatIllegalArgumentException().isThrownBy(() -> DumpOptions.parse(Engine.POSTGRES, Map.of("format", "p")))
			.withMessageContaining("Strongroom sets 'format' itself");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DumpOptions.parse(Engine.MYSQL, Map.of("--result-file=/tmp/x", true)))
			.withMessageContaining("Strongroom sets 'result-file' itself");
	}

	@Test
	void valuesOfTheWrongTypeSayWhatIsExpected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DumpOptions.parse(Engine.POSTGRES, Map.of("noComments", "yes")))
			.withMessage("Dump option 'noComments' must be true or false, not \"yes\".");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DumpOptions.parse(Engine.POSTGRES, Map.of("excludeSchemas", List.of())))
			.withMessageContaining("must be a list of names");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DumpOptions.parse(Engine.POSTGRES, Map.of("excludeSchemas", List.of("a\nb"))))
			.withMessageContaining("printable characters");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DumpOptions.parse(Engine.POSTGRES, Map.of("lockWaitTimeout", "soon")))
			.withMessageContaining("milliseconds or a duration");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DumpOptions.parse(Engine.POSTGRES, Map.of("lockWaitTimeout", "48h")))
			.withMessageContaining("between 1 ms and 24 h");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DumpOptions.parse(Engine.MYSQL, Map.of("maxAllowedPacket", "2G")))
			.withMessageContaining("between 1K and 1G");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DumpOptions.parse(Engine.MYSQL, Map.of("defaultCharacterSet", "utf8; DROP")))
			.withMessageContaining("a character set name");
	}

	@Test
	void supportedOptionsAreListedPerEngine() {
		assertThat(DumpOptions.supported(Engine.POSTGRES)).contains("excludeSchemas", "includeHerokuExt")
			.doesNotContain("routines");
		assertThat(DumpOptions.supported(Engine.MARIADB)).isEqualTo(DumpOptions.supported(Engine.MYSQL))
			.contains("routines", "noTablespaces");
	}

}
