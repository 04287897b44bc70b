package dev.parley.extract.world;

/**
 * A country or party Parley knows: ISO 3166-1 alpha-2 code, or a documented code for a historical state (SU, DD,
 * YU, CS) or for the European Union (EU).
 */
public record Country(String code, String nameEs, String nameEn, boolean historical) {
}
