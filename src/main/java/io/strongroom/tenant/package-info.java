/**
 * Add-on resources (tenants), their plans and their users. Owns the plan catalog and plan
 * limits.
 */
@org.jspecify.annotations.NullMarked
package io.strongroom.tenant;
