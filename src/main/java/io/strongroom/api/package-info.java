/**
 * The token REST API (v1) for customers' scripts and CI.
 */
@org.jspecify.annotations.NullMarked
package io.strongroom.api;
