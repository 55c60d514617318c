package io.strongroom.api;

import io.strongroom.runner.Secret;
import io.strongroom.target.IssuedEncryptionKey;
import io.strongroom.target.InvalidSettingsException;
import io.strongroom.target.Targets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The backup encryption key. A generated key is in the answer once and never again: keep
 * it, it is the only way to decrypt the backups. Replacing a key says so, with the old
 * key's fingerprint: the backups made until then need the old key.
 */
@RestController
@RequestMapping(path = "/api/v1/encryption-key", produces = MediaType.APPLICATION_JSON_VALUE)
class EncryptionKeyController {

	private final Targets targets;

	EncryptionKeyController(Targets targets) {
		this.targets = targets;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<EncryptionKeyResponse> set(@AuthenticationPrincipal ApiTenant tenant,
			@RequestBody EncryptionKeyRequest request) {
		boolean generate = Boolean.TRUE.equals(request.generate());
		if (generate == (request.key() != null)) {
			throw new InvalidSettingsException("key",
					"Send either {\"generate\": true} for a new random key, or {\"key\": \"...\"} with your own key"
							+ " of at least 32 characters");
		}
		if (generate) {
			IssuedEncryptionKey issued = this.targets.generateEncryptionKey(tenant.id());
			return ResponseEntity.status(HttpStatus.CREATED).body(EncryptionKeyResponse.of(issued));
		}
		return ResponseEntity
			.ok(EncryptionKeyResponse.of(this.targets.setEncryptionKey(tenant.id(), new Secret(request.key()))));
	}

}
