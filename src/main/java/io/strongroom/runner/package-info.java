/**
 * The pipeline of one backup, verification or restore, run as its own process: dump,
 * compress, encrypt, hash, upload, statistics. No Spring at all here: the runner starts
 * in a plain JVM from the application jar ({@link io.strongroom.runner.RunnerCli}).
 * <p>
 * Terms: the <em>dump</em> is what the engine's tool writes ({@code DatabaseDump}); the
 * <em>object</em> is the compressed, encrypted dump at the destination, exactly what
 * {@code openssl enc -aes-256-cbc -salt -pbkdf2 -iter 100000 -md sha256} would write
 * ({@code OpenSslFormat}); the <em>manifest</em> is the JSON beside it with checksums,
 * HMAC parameters and statistics ({@code Manifest}); the <em>spec</em> says what to back
 * up and where ({@code BackupSpec}). {@code docs/runner-spec.md} and
 * {@code docs/file-format.md} describe them; {@code docs/dump-tools.md} the dump tools.
 */
@org.jspecify.annotations.NullMarked
package io.strongroom.runner;
