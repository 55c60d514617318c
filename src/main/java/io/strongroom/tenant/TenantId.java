package io.strongroom.tenant;

import java.util.Objects;
import java.util.UUID;

/** An add-on resource's id: the {@code uuid} Heroku sent when provisioning it. */
public record TenantId(UUID value) {

	public TenantId {
		Objects.requireNonNull(value, "value");
	}

	public static TenantId of(String value) {
		return new TenantId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
