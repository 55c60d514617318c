/**
 * Which backups to keep and why (a pure decision), and deleting the others in a written
 * order.
 */
@org.jspecify.annotations.NullMarked
package io.strongroom.retention;
