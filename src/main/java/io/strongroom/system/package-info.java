/**
 * Wiring shared by every module: security, the operator's settings, the embedded default.
 */
@org.jspecify.annotations.NullMarked
package io.strongroom.system;
