package io.strongroom.target;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.strongroom.storage.BackupStore;
import io.strongroom.storage.StorageException;

/**
 * "Test destination": checks access, then puts, reads back and deletes a small probe
 * object under the destination's prefix, the way a backup will use it. Failures are named
 * by the storage module's reasons (access denied, no such bucket, wrong region); their
 * messages never hold a credential.
 */
final class DestinationProbe {

	private static final SecureRandom RANDOM = new SecureRandom();

	private DestinationProbe() {
	}

	static DestinationReport probe(DestinationAccess destination) {
		byte[] token = new byte[8];
		RANDOM.nextBytes(token);
		String key = (destination.prefix().isEmpty() ? "" : destination.prefix() + "/") + "strongroom-probe-"
				+ HexFormat.of().formatHex(token);
		byte[] content = ("Strongroom destination test " + key).getBytes(StandardCharsets.UTF_8);
		List<String> passed = new ArrayList<>();
		String step = "access";
		try (BackupStore store = Stores.open(destination)) {
			store.checkAccess();
			passed.add(step);
			step = "put";
			store.put(key, content, Map.of("strongroom-probe", "true"));
			passed.add(step);
			step = "get";
			try (InputStream in = store.get(key)) {
				if (!java.util.Arrays.equals(in.readAllBytes(), content)) {
					return new DestinationReport(false, passed, step, "OTHER",
							"The probe object read back differently from what was written");
				}
			}
			passed.add(step);
			step = "delete";
			store.delete(key);
			passed.add(step);
			return new DestinationReport(true, passed, null, null, null);
		}
		catch (StorageException ex) {
			return new DestinationReport(false, passed, step, ex.reason().name(), ex.getMessage());
		}
		catch (IOException | RuntimeException ex) {
			return new DestinationReport(false, passed, step, "OTHER",
					"The " + step + " step failed: " + ex.getClass().getSimpleName());
		}
	}

}
