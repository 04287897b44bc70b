package dev.parley.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class SchemaStoreTest {

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    private static Schema v1() {
        return SchemaBuilder.record("R").namespace("t").fields().requiredString("a").endRecord();
    }

    @Test
    void sameSchemaKeepsItsIdAcrossSubjectsAndReRegistrations() {
        int id = registry.register("a-value", v1());
        assertThat(registry.register("a-value", v1())).isEqualTo(id);
        assertThat(registry.register("b-value", v1())).isEqualTo(id);
        assertThat(registry.latest("a-value").version()).isEqualTo(1);
        assertThat(registry.schemaById(id)).isEqualTo(v1());
    }

    @Test
    void backwardCompatibleAdditionGetsANewVersionAndAnIncompatibleOneIsRefused() {
        registry.register("s", v1());
        Schema withDefault = SchemaBuilder.record("R").namespace("t").fields()
                .requiredString("a").name("b").type().stringType().stringDefault("x").endRecord();
        int id2 = registry.register("s", withDefault);
        assertThat(registry.latest("s").version()).isEqualTo(2);
        assertThat(registry.latest("s").id()).isEqualTo(id2);

        Schema withoutDefault = SchemaBuilder.record("R").namespace("t").fields()
                .requiredString("a").requiredString("b").requiredString("c").endRecord();
        assertThat(registry.isCompatible("s", withoutDefault)).isFalse();
        assertThatThrownBy(() -> registry.register("s", withoutDefault))
                .isInstanceOf(SchemaRegistryException.class)
                .extracting(e -> ((SchemaRegistryException) e).errorCode()).isEqualTo(409);
    }

    @Test
    void unknownIdsAndSubjectsAnswerConfluentErrorCodes() {
        assertThatThrownBy(() -> registry.schemaById(42)).isInstanceOf(SchemaRegistryException.class)
                .extracting(e -> ((SchemaRegistryException) e).errorCode()).isEqualTo(40403);
        assertThatThrownBy(() -> registry.latest("nope")).isInstanceOf(SchemaRegistryException.class)
                .extracting(e -> ((SchemaRegistryException) e).errorCode()).isEqualTo(40401);
    }
}
