package io.coditect.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coditect.store.RedisUrl.Topology;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.HostAndPort;

class RedisUrlTest {

    @Test
    void aStandaloneUrlWithCredentialsAndDatabase() {
        RedisUrl url = RedisUrl.parse("redis://app:s3cret@redis.internal:6380/2");

        assertThat(url).isEqualTo(new RedisUrl(Topology.STANDALONE, java.util.List.of(new HostAndPort("redis.internal", 6380)),
                "app", "s3cret", 2, false, null));
    }

    @Test
    void defaultsAreThePortAndDatabaseZeroWithoutCredentials() {
        RedisUrl url = RedisUrl.parse("redis://localhost");

        assertThat(url.nodes()).containsExactly(new HostAndPort("localhost", 6379));
        assertThat(url.database()).isZero();
        assertThat(url.user()).isNull();
        assertThat(url.password()).isNull();
        assertThat(url.tls()).isFalse();
    }

    @Test
    void redissMeansTls() {
        assertThat(RedisUrl.parse("rediss://:pw@cache.example.com:6380").tls()).isTrue();
        assertThat(RedisUrl.parse("rediss-cluster://n1:7000").tls()).isTrue();
        assertThat(RedisUrl.parse("rediss-sentinel://s1/main").tls()).isTrue();
    }

    @Test
    void userInfoWithoutAColonIsAPassword() {
        RedisUrl url = RedisUrl.parse("redis-sentinel://s3cret@s1:26379,s2:26380/mymaster");

        assertThat(url.user()).isNull();
        assertThat(url.password()).isEqualTo("s3cret");
    }

    @Test
    void passwordsMayHoldReservedCharactersRawOrPercentEncoded() {
        assertThat(RedisUrl.parse("redis://:p@ss:w/rd?#@localhost:6379/1").password()).isEqualTo("p@ss:w/rd?#");
        assertThat(RedisUrl.parse("redis://:p%40ss%2Bw+rd@localhost").password()).isEqualTo("p@ss+w+rd");
    }

    @Test
    void aSentinelUrlNamesSentinelsAndTheMaster() {
        RedisUrl url = RedisUrl.parse("redis-sentinel://s1:26379,s2,[::1]:26380/mymaster/3");

        assertThat(url.topology()).isEqualTo(Topology.SENTINEL);
        assertThat(url.nodes()).containsExactly(
                new HostAndPort("s1", 26379), new HostAndPort("s2", 26379), new HostAndPort("::1", 26380));
        assertThat(url.masterName()).isEqualTo("mymaster");
        assertThat(url.database()).isEqualTo(3);
    }

    @Test
    void aClusterUrlNamesSeedNodes() {
        RedisUrl url = RedisUrl.parse("redis-cluster://app:pw@n1:7000,n2:7001");

        assertThat(url.topology()).isEqualTo(Topology.CLUSTER);
        assertThat(url.nodes()).containsExactly(new HostAndPort("n1", 7000), new HostAndPort("n2", 7001));
        assertThat(url.user()).isEqualTo("app");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "localhost:6379",
        "http://localhost",
        "redis://",
        "redis://a:1,b:2",
        "redis://host:notaport",
        "redis://host:70000",
        "redis://host/x",
        "redis://host/1/2",
        "redis://host?ssl=true",
        "redis-sentinel://s1:26379",
        "redis-cluster://n1:7000/1",
        "redis://[::1",
    })
    void malformedUrlsAreRefused(String url) {
        assertThatThrownBy(() -> RedisUrl.parse(url)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void errorsNeverShowThePassword() {
        assertThatThrownBy(() -> RedisUrl.parse("redis://app:hunter2@host:notaport"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("redis://***@host:notaport")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> RedisUrl.parse("redis://:hunter2%zz@host"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("hunter2")
                .hasNoCause();
    }

    @Test
    void toStringNeverShowsThePassword() {
        String url = "redis-sentinel://app:hunter2@s1,s2/mymaster";

        assertThat(RedisUrl.parse(url).toString()).doesNotContain("hunter2").contains("password=***");
        assertThat(RedisSettings.of(url).toString()).doesNotContain("hunter2").contains("***@s1,s2/mymaster");
        assertThat(RedisUrl.redact("redis://localhost:6379")).isEqualTo("redis://localhost:6379");
    }

    @Test
    void settingsHaveSafeDefaultsAndRefuseNonsense() {
        RedisSettings settings = RedisSettings.of("redis://localhost");

        assertThat(settings.timeout()).isEqualTo(Duration.ofMillis(200));
        assertThat(settings.maxPoolSize()).isEqualTo(RedisSettings.DEFAULT_MAX_POOL_SIZE);
        assertThat(new RedisSettings("redis://localhost", null, 4).timeout()).isEqualTo(RedisSettings.DEFAULT_TIMEOUT);
        assertThatThrownBy(() -> settings.withTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.withMaxPoolSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedisSettings.of("redis://:hunter2@host:x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("hunter2");
    }
}
