package io.strongroom.storage;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FilesystemBackupStoreTests extends BackupStoreContractTests {

	@TempDir
	Path folder;

	private FilesystemBackupStore store;

	@Override
	BackupStore store() {
		if (this.store == null) {
			this.store = new FilesystemBackupStore(this.folder);
		}
		return this.store;
	}

	@Override
	byte[] fetch(URI link) throws IOException {
		return read(link.toURL().openStream());
	}

	@Override
	void assertNothingPending(String key) {
		try (Stream<Path> files = Files.walk(this.folder)) {
			List<String> partial = files.map(Path::toString).filter((name) -> name.endsWith(".partial")).toList();
			assertThat(partial).isEmpty();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void objectsAreOrdinaryFilesUnderTheirKey() throws IOException {
		store().put("backups/a/x.dump.zst.enc", new byte[] { 9, 8 }, Map.of("strongroom-run", "r"));
		assertThat(Files.readAllBytes(this.folder.resolve("backups/a/x.dump.zst.enc"))).containsExactly(9, 8);
	}

	@Test
	void missingFolderIsReportedAsMissingBucket() {
		FilesystemBackupStore missing = new FilesystemBackupStore(this.folder.resolve("nope"));
		assertThatExceptionOfType(StorageException.class).isThrownBy(missing::checkAccess)
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(StorageException.Reason.NO_SUCH_BUCKET))
			.withMessageContaining("does not exist");
		assertThatExceptionOfType(StorageException.class).isThrownBy(() -> missing.startUpload("k", Map.of(), -1))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(StorageException.Reason.NO_SUCH_BUCKET));
	}

}
