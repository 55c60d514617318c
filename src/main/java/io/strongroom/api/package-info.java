/**
 * The token REST API (v1) for customers' scripts and CI: databases, the destination, the
 * encryption key and backups of one add-on, authenticated by its
 * {@code STRONGROOM_API_TOKEN} (Bearer, or the password of HTTP Basic). Errors are RFC
 * 9457 problem details with a stable {@code type} and {@code code}; secrets are
 * write-only.
 */
@org.jspecify.annotations.NullMarked
package io.strongroom.api;
