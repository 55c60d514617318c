package io.strongroom.target;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code SHOW GRANTS} lines as MariaDB 10.11 and MySQL 8 print them, for a backup of the
 * database {@code shop}: only global grants and grants on {@code shop} (or its tables)
 * count.
 */
class MysqlGrantsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = {
			"GRANT USAGE ON *.* TO `app`@`%` IDENTIFIED BY PASSWORD '*2B602296A79E0A8784ACC5C88D92E46588CCA3C3'| false",
			"GRANT SELECT, SHOW VIEW, TRIGGER, EVENT, LOCK TABLES ON `shop`.* TO `app`@`%`| false",
			"GRANT SELECT, INSERT ON `shop`.* TO `app`@`%`| true",
			"GRANT ALL PRIVILEGES ON `shop`.* TO `app`@`%`| true",
			"GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost` WITH GRANT OPTION| true",
			"GRANT UPDATE ON *.* TO `app`@`%`| true", "GRANT DROP ON `shop`.* TO `app`@`%`| true",
			"GRANT DELETE HISTORY ON `shop`.* TO `app`@`%`| true",
			"GRANT ALL PRIVILEGES ON `other`.* TO `app`@`%`| false",
			"GRANT INSERT, UPDATE, DELETE ON `shop_archive`.* TO `app`@`%`| false",
			"GRANT INSERT ON `other`.`shop` TO `app`@`%`| false",
			"GRANT INSERT (`id`) ON `shop`.`orders` TO `app`@`%`| true",
			"GRANT SELECT (`insert`, `update`), REFERENCES (`delete`) ON `shop`.`orders` TO `app`@`%`| false",
			"GRANT DELETE ON TABLE `shop`.`orders` TO `app`@`%`| true",
			"GRANT EXECUTE, ALTER ROUTINE ON PROCEDURE `shop`.`p` TO `app`@`%`| false",
			"GRANT ALL PRIVILEGES ON `sh%`.* TO `app`@`%`| true",
			"GRANT ALL PRIVILEGES ON `shop\\_%`.* TO `app`@`%`| false",
			"GRANT ALL PRIVILEGES ON `s_op`.* TO `app`@`%`| true",
			"GRANT ALL PRIVILEGES ON `sh\\_p`.* TO `app`@`%`| false",
			"GRANT ALL PRIVILEGES ON `SHOP`.* TO `app`@`%`| true", "GRANT SELECT ON `shop`.* TO `updater`@`%`| false",
			"GRANT INSERT ON `insert on shop`.* TO `app`@`%`| false", "GRANT `writers`@`%` TO `app`@`%`| false",
			"GRANT PROXY ON ''@'%' TO 'root'@'localhost' WITH GRANT OPTION| false",
			"GRANT BACKUP_ADMIN ON *.* TO `app`@`%`| false" })
	void countsWriteGrantsOnTheBackedUpDatabaseOrEverywhere(String grant, boolean writes) {
		assertThat(MysqlGrants.allowsWriting(grant, "shop")).isEqualTo(writes);
	}

	@Test
	void anyLineThatWritesCounts() {
		assertThat(MysqlGrants.allowWriting(List.of("GRANT USAGE ON *.* TO `app`@`%`",
				"GRANT ALL PRIVILEGES ON `other`.* TO `app`@`%`", "GRANT SELECT ON `shop`.* TO `app`@`%`"), "shop"))
			.isFalse();
		assertThat(MysqlGrants.allowWriting(
				List.of("GRANT USAGE ON *.* TO `app`@`%`", "GRANT INSERT ON `shop`.`orders` TO `app`@`%`"), "shop"))
			.isTrue();
	}

	@Test
	void databaseGrantsMatchAsLikePatterns() {
		assertThat(MysqlGrants.like("shop_eu", "shop\\_%")).isTrue();
		assertThat(MysqlGrants.like("shopxeu", "shop\\_%")).isFalse();
		assertThat(MysqlGrants.like("shop", "%")).isTrue();
		assertThat(MysqlGrants.like("shop", "s%p")).isTrue();
		assertThat(MysqlGrants.like("shop", "s%x")).isFalse();
		assertThat(MysqlGrants.like("shop", "sho")).isFalse();
		assertThat(MysqlGrants.like("100%", "100\\%")).isTrue();
		assertThat(MysqlGrants.like("1000", "100\\%")).isFalse();
	}

}
