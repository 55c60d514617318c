package io.strongroom.runner;

/** The database engines Strongroom backs up. */
public enum Engine {

	POSTGRES, MYSQL, MARIADB

}
