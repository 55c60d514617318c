package io.strongroom.tenant;

/** The first user to sign in to a resource is its admin; later users are members. */
public enum TenantRole {

	ADMIN, MEMBER

}
