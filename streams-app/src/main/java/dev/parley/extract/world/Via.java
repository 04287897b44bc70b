package dev.parley.extract.world;

/** How a text names a country. */
public enum Via {
    NAME, DEMONYM, CAPITAL, SEAT_OF_GOVERNMENT, MINISTRY
}
