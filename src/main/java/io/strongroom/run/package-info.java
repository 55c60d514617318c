/**
 * The life of one backup run: its state machine, the launchers that start runners, and
 * the runner callback API.
 */
@org.jspecify.annotations.NullMarked
package io.strongroom.run;
