package dev.parley.views;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shared-secret check the internal endpoints and the bearer token both use. */
class HttpRemoteViewsTest {

    private static final String SECRET = "two-instances-share-this-secret";

    @Test
    void onlyTheExactSecretIsAuthentic() {
        assertThat(HttpRemoteViews.authentic(SECRET, SECRET)).isTrue();
        assertThat(HttpRemoteViews.authentic(null, SECRET)).isFalse();
        assertThat(HttpRemoteViews.authentic("", SECRET)).isFalse();
        assertThat(HttpRemoteViews.authentic(SECRET.toUpperCase(java.util.Locale.ROOT), SECRET)).isFalse();
        assertThat(HttpRemoteViews.authentic(SECRET + " ", SECRET)).isFalse();
        assertThat(HttpRemoteViews.authentic(SECRET.substring(1), SECRET)).isFalse();
    }

    @Test
    void anEmptySecretAuthenticatesNoOneNotEvenAnEmptyHeader() {
        assertThat(HttpRemoteViews.authentic("", "")).isFalse();
        assertThat(HttpRemoteViews.authentic(null, "")).isFalse();
    }
}
