package io.strongroom.retention;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.strongroom.retention.BackupRecord.Deletion;
import io.strongroom.retention.PruneReport.Outcome;
import io.strongroom.retention.PruneReport.Status;
import io.strongroom.retention.RetentionPlan.Entry;
import io.strongroom.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a plan in the written order (docs/retention.md, STYLE.md C6), oldest backup
 * first, one backup at a time:
 * <ol>
 * <li>read the object's metadata: unless {@code strongroom-run} names this run, touch
 * nothing (refused);</li>
 * <li>mark the record deleting (no longer offered for restore);</li>
 * <li>delete the manifest if its own {@code strongroom-run} names this run (a file
 * somebody else put at that name stays), then the object;</li>
 * <li>mark the record deleted.</li>
 * </ol>
 * A failure leaves the record deleting and goes on with the next backup; the next prune
 * retries it.
 */
final class RetentionExecutor {

	static final String MANIFEST_SUFFIX = ".manifest.json";

	private static final Logger log = LoggerFactory.getLogger(RetentionExecutor.class);

	private RetentionExecutor() {
	}

	static PruneReport execute(TenantId tenant, RetentionPlan plan, RetentionRecords records, RetentionStore store) {
		List<Entry> removals = new ArrayList<>(plan.remove());
		// oldest first: an interrupted prune has removed the least valuable backups
		Collections.reverse(removals);
		List<Outcome> outcomes = new ArrayList<>(removals.size());
		for (Entry entry : removals) {
			Outcome outcome = remove(tenant, entry.backup(), records, store);
			if (outcome.status() == Status.FAILED || outcome.status() == Status.REFUSED) {
				log.warn("Retention of {} run {}: {} ({})", tenant, outcome.runId(), outcome.status(),
						outcome.detail());
			}
			outcomes.add(outcome);
		}
		return new PruneReport(outcomes);
	}

	private static Outcome remove(TenantId tenant, BackupRecord backup, RetentionRecords records,
			RetentionStore store) {
		String key = Objects.requireNonNull(backup.objectKey());
		if (!backup.writtenByStrongroom()) {
			return new Outcome(backup.id(), key, Status.REFUSED, "the record does not say Strongroom wrote it");
		}
		String manifestKey = key + MANIFEST_SUFFIX;
		try {
			Optional<Map<String, String>> object = store.metadata(key);
			if (object.isPresent() && !writtenBy(object.get(), backup)) {
				return new Outcome(backup.id(), key, Status.REFUSED,
						"the object's " + RetentionStore.RUN_METADATA + " metadata does not name this run");
			}
			if (backup.deletion() == Deletion.NONE) {
				records.markDeleting(tenant, backup.id());
			}
			// the object proves only itself: a file somebody put at the manifest's name
			// stays
			Optional<Map<String, String>> manifest = store.metadata(manifestKey);
			boolean manifestOurs = manifest.isPresent() && writtenBy(manifest.get(), backup);
			if (manifestOurs) {
				store.delete(manifestKey);
			}
			if (object.isPresent()) {
				store.delete(key);
			}
			String detail = detail(object.isPresent(), manifest.isPresent(), manifestOurs);
			records.markDeleted(tenant, backup.id());
			return new Outcome(backup.id(), key, object.isPresent() ? Status.DELETED : Status.ALREADY_GONE, detail);
		}
		catch (IOException | RuntimeException ex) {
			return new Outcome(backup.id(), key, Status.FAILED,
					"will retry: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

	private static String detail(boolean object, boolean manifest, boolean manifestOurs) {
		if (object && manifestOurs) {
			return "deleted the object and its manifest";
		}
		if (!object && !manifest) {
			return "the object and its manifest were already gone";
		}
		String first = object ? "deleted the object" : "the object was already gone";
		String second = manifestOurs ? "deleted its manifest"
				: manifest ? "its manifest does not name this run, left alone" : "its manifest was already gone";
		return first + "; " + second;
	}

	private static boolean writtenBy(Map<String, String> metadata, BackupRecord backup) {
		for (Map.Entry<String, String> entry : metadata.entrySet()) {
			if (RetentionStore.RUN_METADATA.equalsIgnoreCase(entry.getKey())) {
				return entry.getValue() != null && entry.getValue().trim().equalsIgnoreCase(backup.id().toString());
			}
		}
		return false;
	}

}
