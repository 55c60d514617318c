package io.strongroom.target;

/** The database after a save, and whether the save created it. */
public record SavedDatabase(DatabaseView database, boolean created) {

}
