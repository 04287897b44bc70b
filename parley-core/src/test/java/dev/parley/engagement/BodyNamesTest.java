package dev.parley.engagement;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BodyNamesTest {

    private final BodyNames names = new BodyNames();

    @Test
    void articlesQualifiersCaseAndAccentsDoNotMatter() {
        assertThat(names.same("el Grupo de Implementación de Seguridad bilateral", "Grupo de Implementacion de Seguridad")).isTrue();
        assertThat(names.same("Security Implementation Group (US–MX)", "the Security Implementation Group")).isTrue();
        assertThat(names.same("GIS", "Grupo de Implementación de Seguridad")).isTrue();
        assertThat(names.same("group", "Security Implementation Group")).isTrue();
    }

    @Test
    void otherBodiesAreOtherBodies() {
        assertThat(names.same("Comisión Binacional de Salud Fronteriza", "Grupo de Implementación de Seguridad")).isFalse();
        assertThat(names.same("Grupo de Seguridad", "Grupo de Implementación de Comercio")).isFalse();
        assertThat(names.same("GIS", "Grupo de Alto Nivel de Comercio")).isFalse();
        assertThat(names.same("commission", "Security Implementation Group")).isFalse();
    }
}
