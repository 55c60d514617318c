package io.strongroom.target;

import io.strongroom.runner.Secret;

/** A generated encryption key, shown to the customer this once, and its fingerprint. */
public record IssuedEncryptionKey(Secret key, String fingerprint) {

}
