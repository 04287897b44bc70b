package dev.parley.extract;

public record Place(String id, String name, String country) {
}
