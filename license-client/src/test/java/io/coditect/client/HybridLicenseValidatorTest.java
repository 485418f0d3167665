package io.coditect.client;

import static io.coditect.client.FakeTransport.connectionRefused;
import static io.coditect.client.FakeTransport.error;
import static io.coditect.client.FakeTransport.status;
import static io.coditect.client.FakeTransport.timeout;
import static io.coditect.client.LicenseState.EXPIRED;
import static io.coditect.client.LicenseState.OFFLINE;
import static io.coditect.client.LicenseState.ONLINE;
import static io.coditect.client.LicenseState.REVOKED;
import static io.coditect.client.LicenseState.UNLICENSED;
import static io.coditect.client.ValidatorFixture.GRACE;
import static io.coditect.client.ValidatorFixture.HEARTBEAT;
import static io.coditect.client.ValidatorFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HybridLicenseValidatorTest {

    @TempDir
    Path configDir;

    ValidatorFixture f;

    @BeforeEach
    void setUp() {
        f = new ValidatorFixture(configDir);
    }

    @Nested
    class Acquire {

        @Test
        void unlicensedToOnlineOnAcquireWithHeartbeatScheduled() {
            f.transport.enqueue("POST", "/licenses/acquire", f.onlineGrant("seat-1"));
            HybridLicenseValidator validator = f.validator();

            LicenseStatus status = validator.acquire();

            assertThat(status.state()).isEqualTo(ONLINE);
            assertThat(status.tier()).isEqualTo("PRO");
            assertThat(status.sessionId()).isEqualTo("seat-1");
            assertThat(status.leaseExpiresAt()).isEqualTo(T0.plus(GRACE));
            assertThat(status.seatsUsed()).isEqualTo(1);
            assertThat(status.seatsMax()).isEqualTo(3);
            assertThat(f.transitions).containsExactly(ONLINE);
            assertThat(f.scheduler.pendingDelays()).containsExactly(HEARTBEAT);
            TransportRequest request = f.transport.requests("POST", "/licenses/acquire").get(0);
            assertThat(request.headers()).containsEntry("Authorization", "Bearer access-1");
            assertThat(Json.parse(request.body()).path("device_id").asText()).isEqualTo(ValidatorFixture.DEVICE);
        }

        @Test
        void leaseAndServerTimeArePersistedOwnerOnly() throws Exception {
            f.online();

            Path file = f.leaseStore().file();
            assertThat(f.leaseStore().load()).hasValueSatisfying(stored -> {
                assertThat(stored.sessionId()).isEqualTo("seat-1");
                assertThat(stored.lastServerTime()).isEqualTo(T0);
            });
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }

        @Test
        void freeTierIsLicensedWithoutSeatOrHeartbeat() {
            f.transport.enqueue("POST", "/licenses/acquire", ValidatorFixture.freeGrant());
            HybridLicenseValidator validator = f.validator();

            LicenseStatus status = validator.acquire();

            assertThat(status.state()).isEqualTo(ONLINE);
            assertThat(status.isLicensed()).isTrue();
            assertThat(status.isSeatless()).isTrue();
            assertThat(status.tier()).isEqualTo("FREE");
            assertThat(status.leaseExpiresAt()).isNull();
            assertThat(f.scheduler.pendingCount()).isZero();
            assertThat(f.leaseStore().load()).isEmpty();
            assertThat(validator.heartbeat().state()).isEqualTo(ONLINE);
            assertThat(f.transport.requests("POST", "/licenses/heartbeat")).isEmpty();
        }

        @Test
        void freeTierWithoutServerIsNotLicensed() {
            f.transport.enqueue("POST", "/licenses/acquire", ValidatorFixture.freeGrant(), connectionRefused());
            HybridLicenseValidator validator = f.validator();
            validator.acquire();

            LicenseStatus status = validator.acquire();

            assertThat(status.state()).isEqualTo(UNLICENSED);
            assertThat(status.reason()).isEqualTo(LicenseReason.NETWORK);
        }

        @Test
        void networkDownWithoutLeaseStaysUnlicensed() {
            f.transport.enqueue("POST", "/licenses/acquire", connectionRefused());

            LicenseStatus status = f.validator().acquire();

            assertThat(status.state()).isEqualTo(UNLICENSED);
            assertThat(status.reason()).isEqualTo(LicenseReason.NETWORK);
            assertThat(f.transitions).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"no_license", "seats_exhausted"})
        void refusedAcquireStaysUnlicensed(String error) {
            f.transport.enqueue("POST", "/licenses/acquire", error(error.equals("no_license") ? 404 : 409, error));

            LicenseStatus status = f.validator().acquire();

            assertThat(status.state()).isEqualTo(UNLICENSED);
            assertThat(status.reason()).isEqualTo(error);
        }

        @Test
        void expiredLicenseIsExpired() {
            f.transport.enqueue("POST", "/licenses/acquire", error(403, "license_expired"));

            LicenseStatus status = f.validator().acquire();

            assertThat(status.state()).isEqualTo(EXPIRED);
            assertThat(status.reason()).isEqualTo("license_expired");
        }

        @ParameterizedTest
        @ValueSource(strings = {"license_revoked", "license_suspended"})
        void revokedOrSuspendedLicenseIsRevoked(String error) {
            f.transport.enqueue("POST", "/licenses/acquire", error(403, error));

            LicenseStatus status = f.validator().acquire();

            assertThat(status.state()).isEqualTo(REVOKED);
            assertThat(status.reason()).isEqualTo(error);
        }

        @Test
        void leaseIssuedToAnotherDeviceIsRefused() {
            f.transport.enqueue("POST", "/licenses/acquire", f.onlineGrant("seat-1", "device-B"));

            LicenseStatus status = f.validator().acquire();

            assertThat(status.state()).isEqualTo(UNLICENSED);
            assertThat(status.reason()).isEqualTo(LicenseReason.LEASE_DEVICE_MISMATCH);
            assertThat(f.leaseStore().load()).isEmpty();
            assertThat(f.scheduler.pendingCount()).isZero();
        }
    }

    @Nested
    class Heartbeat {

        @Test
        void heartbeatKeepsOnlineAndRefreshesLease() {
            HybridLicenseValidator validator = f.online();
            f.transport.enqueue("POST", "/licenses/heartbeat", f.heartbeatOk("seat-1"));

            f.scheduler.advance(HEARTBEAT);

            TransportRequest heartbeat = f.transport.requests("POST", "/licenses/heartbeat").get(0);
            assertThat(Json.parse(heartbeat.body()).path("session_id").asText()).isEqualTo("seat-1");
            assertThat(f.leaseStore().load().orElseThrow().lastServerTime()).isEqualTo(T0.plus(HEARTBEAT));
            assertThat(f.transitions).containsExactly(ONLINE);
            assertThat(f.scheduler.pendingDelays()).containsExactly(HEARTBEAT);
            assertThat(validator.status().leaseExpiresAt()).isEqualTo(T0.plus(HEARTBEAT).plus(GRACE));
        }

        @Test
        void twoFailuresThenSuccessStaysOnline() {
            HybridLicenseValidator validator = f.online();
            f.transport.enqueue("POST", "/licenses/heartbeat", connectionRefused(), status(503), f.heartbeatOk("seat-1"));

            f.scheduler.advance(HEARTBEAT);
            assertThat(validator.status().state()).isEqualTo(ONLINE);
            assertThat(validator.status().consecutiveNetworkFailures()).isEqualTo(1);
            f.scheduler.advance(HEARTBEAT);
            assertThat(validator.status().consecutiveNetworkFailures()).isEqualTo(2);
            f.scheduler.advance(HEARTBEAT);

            assertThat(validator.status().state()).isEqualTo(ONLINE);
            assertThat(validator.status().consecutiveNetworkFailures()).isZero();
            assertThat(validator.status().leaseExpiresAt()).isEqualTo(T0.plus(HEARTBEAT.multipliedBy(3)).plus(GRACE));
            assertThat(f.transitions).containsExactly(ONLINE);
        }

        @Test
        void threeNetworkFailuresGoOffline() {
            HybridLicenseValidator validator = f.online();
            f.transport.enqueue("POST", "/licenses/heartbeat", timeout(), status(500), error(503, "store_unavailable"));

            f.scheduler.advance(HEARTBEAT.multipliedBy(3));

            LicenseStatus status = validator.status();
            assertThat(status.state()).isEqualTo(OFFLINE);
            assertThat(status.isLicensed()).isTrue();
            assertThat(status.reason()).isEqualTo(LicenseReason.NETWORK);
            assertThat(status.leaseExpiresAt()).isEqualTo(T0.plus(GRACE));
            assertThat(f.transitions).containsExactly(ONLINE, OFFLINE);
            assertThat(f.scheduler.pendingDelays()).contains(Duration.ofHours(1));
        }

        @ParameterizedTest
        @ValueSource(strings = {"session_revoked", "license_revoked"})
        void revocationWhileOnlineIsRevokedAtOnceWithoutGrace(String error) {
            HybridLicenseValidator validator = f.online();
            f.transport.enqueue("POST", "/licenses/heartbeat", error(403, error));

            f.scheduler.advance(HEARTBEAT);

            LicenseStatus status = validator.status();
            assertThat(status.state()).isEqualTo(REVOKED);
            assertThat(status.reason()).isEqualTo(error);
            assertThat(status.isLicensed()).isFalse();
            assertThat(status.leaseExpiresAt()).isNull();
            assertThat(f.leaseStore().load()).isEmpty();
            assertThat(f.scheduler.pendingCount()).isZero();
            assertThat(f.transitions).containsExactly(ONLINE, REVOKED);
        }

        @Test
        void sessionNotFoundReacquires() {
            HybridLicenseValidator validator = f.online();
            f.transport.enqueue("POST", "/licenses/heartbeat", error(404, "session_not_found"));
            f.transport.enqueue("POST", "/licenses/acquire", f.onlineGrant("seat-2"));

            f.scheduler.advance(HEARTBEAT);

            assertThat(validator.status().state()).isEqualTo(ONLINE);
            assertThat(validator.status().sessionId()).isEqualTo("seat-2");
            assertThat(f.transport.requests("POST", "/licenses/acquire")).hasSize(2);
            assertThat(f.leaseStore().load().orElseThrow().sessionId()).isEqualTo("seat-2");
        }

        @Test
        void unauthorizedRefreshesTokenOnceThenRetries() {
            HybridLicenseValidator validator = f.online();
            f.transport.enqueue("POST", "/licenses/heartbeat", error(401, "invalid_token"), f.heartbeatOk("seat-1"));

            f.scheduler.advance(HEARTBEAT);

            assertThat(validator.status().state()).isEqualTo(ONLINE);
            assertThat(f.tokens.refreshes()).isEqualTo(1);
            assertThat(f.transport.requests("POST", "/licenses/heartbeat"))
                    .extracting(r -> r.headers().get("Authorization"))
                    .containsExactly("Bearer access-1", "Bearer access-2");
        }

        @Test
        void unauthorizedAfterRefreshIsNotRetriedAgain() {
            HybridLicenseValidator validator = f.online();
            f.transport.enqueue("POST", "/licenses/heartbeat", error(401, "invalid_token"), error(401, "invalid_token"));

            f.scheduler.advance(HEARTBEAT);

            assertThat(f.tokens.refreshes()).isEqualTo(1);
            assertThat(f.transport.requests("POST", "/licenses/heartbeat")).hasSize(2);
            assertThat(validator.status().state()).isEqualTo(UNLICENSED);
            assertThat(validator.status().reason()).isEqualTo("invalid_token");
        }

        @Test
        void refreshRefusedWithInvalidGrantIsRevoked() {
            HybridLicenseValidator validator = f.online();
            f.transport.enqueue("POST", "/licenses/heartbeat", error(401, "invalid_token"));
            f.tokens.failRefreshWith(new LoginRevokedException("refused"));

            f.scheduler.advance(HEARTBEAT);

            assertThat(validator.status().state()).isEqualTo(REVOKED);
            assertThat(validator.status().reason()).isEqualTo(LicenseReason.LOGIN_REVOKED);
            assertThat(f.leaseStore().load()).isEmpty();
            assertThat(f.scheduler.pendingCount()).isZero();
        }
    }

    @Nested
    class Offline {

        HybridLicenseValidator offline() {
            HybridLicenseValidator validator = f.online();
            f.transport.always("POST", "/licenses/heartbeat", connectionRefused());
            f.scheduler.advance(HEARTBEAT.multipliedBy(3));
            assertThat(validator.status().state()).isEqualTo(OFFLINE);
            return validator;
        }

        @Test
        void reconnectsHourlyAndGoesOnlineOnSuccess() {
            HybridLicenseValidator validator = offline();
            f.transport.enqueue("POST", "/licenses/reconnect", connectionRefused(), f.onlineGrant("seat-1"));

            f.scheduler.advance(Duration.ofHours(1));
            assertThat(validator.status().state()).isEqualTo(OFFLINE);
            f.scheduler.advance(Duration.ofHours(1));

            assertThat(validator.status().state()).isEqualTo(ONLINE);
            assertThat(f.transitions).containsExactly(ONLINE, OFFLINE, ONLINE);
            TransportRequest reconnect = f.transport.requests("POST", "/licenses/reconnect").get(1);
            assertThat(Json.parse(reconnect.body()).path("device_id").asText()).isEqualTo(ValidatorFixture.DEVICE);
            assertThat(Json.parse(reconnect.body()).path("lease").asText()).startsWith("eyJ");
            assertThat(f.scheduler.pendingDelays()).containsExactly(HEARTBEAT);
        }

        @Test
        void reconnectIntervalIsConfigurable() {
            f.settings = ValidatorSettings.defaults().withReconnectInterval(Duration.ofMinutes(10));
            offline();
            f.transport.enqueue("POST", "/licenses/reconnect", f.onlineGrant("seat-1"));

            f.scheduler.advance(Duration.ofMinutes(10));

            assertThat(f.transitions).containsExactly(ONLINE, OFFLINE, ONLINE);
        }

        @Test
        void offlinePastLeaseExpiryIsExpired() {
            HybridLicenseValidator validator = offline();
            f.transport.always("POST", "/licenses/reconnect", connectionRefused());
            Instant expiry = validator.status().leaseExpiresAt();

            f.scheduler.advance(Duration.between(f.clock.instant(), expiry).minusSeconds(1));
            assertThat(validator.status().state()).isEqualTo(OFFLINE);
            f.scheduler.advance(Duration.ofSeconds(1));

            assertThat(f.transitions).containsExactly(ONLINE, OFFLINE, EXPIRED);
            assertThat(validator.status().reason()).isEqualTo(LicenseReason.LEASE_EXPIRED);
            assertThat(validator.status().isLicensed()).isFalse();
        }

        @Test
        void expiredRecoversWhenReconnectSucceeds() {
            HybridLicenseValidator validator = offline();
            f.transport.always("POST", "/licenses/reconnect", connectionRefused());
            f.scheduler.advance(GRACE);
            assertThat(validator.status().state()).isEqualTo(EXPIRED);
            f.transport.enqueue("POST", "/licenses/reconnect", f.onlineGrant("seat-1"));

            f.scheduler.runNext();

            assertThat(validator.status().state()).isEqualTo(ONLINE);
            assertThat(f.transitions).containsExactly(ONLINE, OFFLINE, EXPIRED, ONLINE);
        }

        @Test
        void clockSetBackIsExpired() {
            HybridLicenseValidator validator = offline();
            Instant lastServerTime = validator.status().lastServerTime();

            f.clock.set(lastServerTime.minus(Duration.ofMinutes(6)));

            assertThat(validator.status().state()).isEqualTo(EXPIRED);
            assertThat(validator.status().reason()).isEqualTo(LicenseReason.CLOCK_ROLLBACK);
        }

        @Test
        void clockSetBackWithinToleranceIsFine() {
            HybridLicenseValidator validator = offline();

            f.clock.set(validator.status().lastServerTime().minus(Duration.ofMinutes(4)));

            assertThat(validator.status().state()).isEqualTo(OFFLINE);
        }

        @Test
        void clockToleranceIsConfigurable() {
            f.settings = ValidatorSettings.defaults().withClockTolerance(Duration.ofSeconds(30));
            HybridLicenseValidator validator = offline();

            f.clock.set(validator.status().lastServerTime().minus(Duration.ofMinutes(1)));

            assertThat(validator.status().state()).isEqualTo(EXPIRED);
        }

        @Test
        void revocationOnReconnectIsRevokedWithoutGrace() {
            HybridLicenseValidator validator = offline();
            f.transport.enqueue("POST", "/licenses/reconnect", error(403, "license_revoked"));

            f.scheduler.advance(Duration.ofHours(1));

            assertThat(validator.status().state()).isEqualTo(REVOKED);
            assertThat(validator.status().leaseExpiresAt()).isNull();
            assertThat(f.leaseStore().load()).isEmpty();
        }

        @Test
        void invalidLeaseOnReconnectFallsBackToAcquire() {
            HybridLicenseValidator validator = offline();
            f.transport.enqueue("POST", "/licenses/reconnect", error(400, "invalid_lease"));
            f.transport.enqueue("POST", "/licenses/acquire", f.onlineGrant("seat-9"));

            f.scheduler.advance(Duration.ofHours(1));

            assertThat(validator.status().state()).isEqualTo(ONLINE);
            assertThat(validator.status().sessionId()).isEqualTo("seat-9");
        }
    }

    @Nested
    class Restart {

        @Test
        void restartWhileOfflineResumesOfflineWithSameExpiry() {
            HybridLicenseValidator first = f.online();
            f.transport.always("POST", "/licenses/heartbeat", connectionRefused());
            f.scheduler.advance(HEARTBEAT.multipliedBy(3));
            LicenseStatus before = first.status();
            assertThat(before.state()).isEqualTo(OFFLINE);
            first.close();
            f.clock.advance(Duration.ofDays(2));
            f.transport.always("POST", "/licenses/reconnect", connectionRefused());

            HybridLicenseValidator restarted = f.validator();
            LicenseStatus resumed = restarted.start();

            assertThat(resumed.state()).isEqualTo(OFFLINE);
            assertThat(resumed.leaseExpiresAt()).isEqualTo(before.leaseExpiresAt());
            assertThat(resumed.sessionId()).isEqualTo("seat-1");
            assertThat(resumed.graceRemaining()).hasValue(Duration.between(f.clock.instant(), before.leaseExpiresAt()));
        }

        @Test
        void restartReconnectsWhenServerIsBack() {
            f.online().close();
            f.clock.advance(Duration.ofHours(5));
            f.transport.enqueue("POST", "/licenses/reconnect", f.onlineGrant("seat-1"));

            LicenseStatus status = f.validator().start();

            assertThat(status.state()).isEqualTo(ONLINE);
            assertThat(status.leaseExpiresAt()).isEqualTo(f.clock.instant().plus(GRACE));
        }

        @Test
        void restartAfterLeaseRanOutIsExpired() {
            f.online().close();
            f.clock.advance(GRACE.plusSeconds(1));

            assertThat(f.validator().resume().state()).isEqualTo(EXPIRED);
        }

        @Test
        void restartWithClockSetBackIsExpired() {
            f.online().close();
            f.clock.set(T0.minus(Duration.ofDays(1)));

            LicenseStatus status = f.validator().resume();

            assertThat(status.state()).isEqualTo(EXPIRED);
            assertThat(status.reason()).isEqualTo(LicenseReason.CLOCK_ROLLBACK);
        }

        @Test
        void leaseCopiedFromAnotherDeviceIsRefused() {
            f.online().close();

            LicenseStatus status = f.validator("device-B").resume();

            assertThat(status.state()).isEqualTo(UNLICENSED);
            assertThat(status.reason()).isEqualTo(LicenseReason.LEASE_DEVICE_MISMATCH);
            assertThat(f.leaseStore().load()).isEmpty();
        }

        @Test
        void tamperedStoredLeaseIsRefused() throws Exception {
            f.online().close();
            LeaseStore.StoredLicense stored = f.leaseStore().load().orElseThrow();
            String[] parts = stored.lease().split("\\.");
            String longer = TestKeys.lease(ValidatorFixture.DEVICE, "seat-1", T0, Duration.ofDays(365)).split("\\.")[1];
            f.leaseStore().save(new LeaseStore.StoredLicense(parts[0] + "." + longer + "." + parts[2],
                    stored.sessionId(), stored.tier(), stored.lastServerTime(), stored.heartbeatInterval()));

            LicenseStatus status = f.validator().resume();

            assertThat(status.state()).isEqualTo(UNLICENSED);
            assertThat(status.reason()).isEqualTo(LicenseReason.INVALID_LEASE);
        }

        @Test
        void nothingStoredIsUnlicensed() {
            assertThat(f.validator().resume().state()).isEqualTo(UNLICENSED);
            assertThat(f.transport.requests()).isEmpty();
        }
    }

    @Nested
    class Release {

        @Test
        void releaseGivesSeatBackAndForgetsLease() {
            HybridLicenseValidator validator = f.online();
            f.transport.enqueue("POST", "/licenses/release", status(204));

            LicenseStatus status = validator.release();

            assertThat(status.state()).isEqualTo(UNLICENSED);
            assertThat(status.reason()).isEqualTo(LicenseReason.RELEASED);
            assertThat(Json.parse(f.transport.requests("POST", "/licenses/release").get(0).body())
                    .path("session_id").asText()).isEqualTo("seat-1");
            assertThat(f.leaseStore().load()).isEmpty();
            assertThat(f.scheduler.pendingCount()).isZero();
        }

        @Test
        void releaseWithServerDownIsStillLocal() {
            HybridLicenseValidator validator = f.online();
            f.transport.enqueue("POST", "/licenses/release", connectionRefused());

            assertThatThrownBy(validator::release).isInstanceOf(ServerUnavailableException.class);

            assertThat(validator.status().state()).isEqualTo(UNLICENSED);
            assertThat(f.leaseStore().load()).isEmpty();
        }
    }

    @Test
    void listenersSeeEveryStateChangeWithPreviousAndCurrent() {
        java.util.List<String> seen = new java.util.ArrayList<>();
        f.transport.enqueue("POST", "/licenses/acquire", f.onlineGrant("seat-1"));
        HybridLicenseValidator validator = f.validator();
        validator.addListener((previous, current) -> seen.add(previous.state() + "->" + current.state()));
        f.transport.always("POST", "/licenses/heartbeat", connectionRefused());
        f.transport.always("POST", "/licenses/reconnect", connectionRefused());

        validator.acquire();
        f.scheduler.advance(HEARTBEAT.multipliedBy(3));
        f.scheduler.advance(GRACE);

        assertThat(seen).containsExactly("UNLICENSED->ONLINE", "ONLINE->OFFLINE", "OFFLINE->EXPIRED");
    }

    @Test
    void closeStopsScheduledWork() {
        HybridLicenseValidator validator = f.online();

        validator.close();
        f.scheduler.advance(Duration.ofDays(1));

        assertThat(f.transport.requests("POST", "/licenses/heartbeat")).isEmpty();
    }
}
