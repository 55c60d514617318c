package io.strongroom.storage;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InMemoryBackupStoreTests extends BackupStoreContractTests {

	private final InMemoryBackupStore store = new InMemoryBackupStore();

	@Override
	BackupStore store() {
		return this.store;
	}

	@Override
	byte[] fetch(URI link) throws java.io.IOException {
		return read(this.store.open(link));
	}

	@Override
	void assertNothingPending(String key) {
		assertThat(this.store.pendingUploads()).isZero();
	}

	@Test
	void linksExpire() {
		Clock past = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
		InMemoryBackupStore earlier = new InMemoryBackupStore(past);
		earlier.put("k", new byte[] { 1 }, Map.of());
		URI link = earlier.presignedGet("k", Duration.ofMinutes(1));
		assertThatExceptionOfType(StorageException.class).isThrownBy(() -> this.store.open(link))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(StorageException.Reason.ACCESS_DENIED));
	}

}
