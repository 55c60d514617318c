/**
 * What a tenant backs up and where: its databases (label, engine, exclusions, dump
 * options, schedule, retention settings, an optional verification database), its one
 * destination, its encryption key and its notification recipients. Owns where each of
 * their secrets lives (ARCHITECTURE.md, "Where each secret lives") and enforces the
 * plan's limits when they are saved. Reads never return a secret: only masked values and
 * fingerprints.
 */
@org.jspecify.annotations.NullMarked
package io.strongroom.target;
