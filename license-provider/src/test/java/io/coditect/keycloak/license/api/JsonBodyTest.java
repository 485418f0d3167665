package io.coditect.keycloak.license.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBodyTest {

    @Test
    void readsFieldsOfAnObject() {
        JsonBody body = body("{\"device_id\":\"d-1\",\"n\":3}");
        assertThat(body.requiredString("device_id", 10)).isEqualTo("d-1");
        assertThat(body.optionalString("device_name", 10)).isNull();
        assertThat(body.optionalInt("n", 1, 5)).isEqualTo(3);
    }

    @Test
    void emptyOrMissingBodyReadsAsAnEmptyObject() {
        assertThat(body("").has("x")).isFalse();
        assertThat(JsonBody.read(null).has("x")).isFalse();
    }

    @Test
    void everyWayToBeWrongIsA400WithASentence() {
        assertInvalid("{", "not valid JSON");
        assertInvalid("[1]", "must be a JSON object");
        assertInvalid("\"text\"", "must be a JSON object");
        assertInvalid("x".repeat(JsonBody.MAX_BYTES + 1), "larger than");
        assertThatThrownBy(() -> body("{}").requiredString("device_id", 10)).isInstanceOf(ApiException.class)
                .hasMessageContaining("400 invalid_request");
        assertField("{\"f\":1}", "must be a string");
        assertField("{\"f\":\"   \"}", "must not be empty");
        assertField("{\"f\":\"" + "y".repeat(11) + "\"}", "longer than 10");
        assertField("{\"f\":\"a\\u0000b\"}", "control characters");
        assertThatThrownBy(() -> body("{\"n\":1.5}").optionalInt("n", 1, 5)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> body("{\"n\":9}").optionalInt("n", 1, 5)).isInstanceOf(ApiException.class);
    }

    private static void assertInvalid(String text, String sentence) {
        assertThatThrownBy(() -> body(text)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.error().status()).isEqualTo(400);
            assertThat(e.error().code()).isEqualTo("invalid_request");
            assertThat(e.error().description()).contains(sentence);
        });
    }

    private static void assertField(String text, String sentence) {
        assertThatThrownBy(() -> body(text).optionalString("f", 10)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.error().description()).contains(sentence));
    }

    private static JsonBody body(String text) {
        return JsonBody.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
