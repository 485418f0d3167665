package io.coditect.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Online-first license validation with a signed offline fallback (DESIGN §6).
 *
 * <pre>
 * UNLICENSED --acquire--> ONLINE --heartbeat ok--> ONLINE
 * ONLINE --3 network failures in a row--> OFFLINE --reconnect ok--> ONLINE
 * OFFLINE --lease exp passed / clock set back--> EXPIRED --reconnect ok--> ONLINE
 * any --session_revoked / license_revoked / refresh invalid_grant--> REVOKED (no grace)
 * </pre>
 *
 * Time and scheduling are injected; every public method is synchronous and returns the
 * resulting status, and scheduled work calls the same methods.
 */
public final class HybridLicenseValidator implements AutoCloseable {

    private final LicenseApi api;
    private final LeaseVerifier leaseVerifier;
    private final LeaseStore store;
    private final String deviceId;
    private final Clock clock;
    private final Scheduler scheduler;
    private final ValidatorSettings settings;
    private final List<LicenseStateListener> listeners = new CopyOnWriteArrayList<>();

    private LicenseState state = LicenseState.UNLICENSED;
    private String reason;
    private String tier;
    private String sessionId;
    private Lease lease;
    private Instant lastServerTime;
    private Duration heartbeatInterval;
    private int networkFailures;
    private Integer seatsUsed;
    private Integer seatsMax;
    private LicenseStatus published;

    private Scheduler.Task contactTask;
    private Scheduler.Task expiryTask;
    // Bumped on every (re)schedule: a task whose cancel came too late sees a newer number and does nothing.
    private long contactGeneration;
    private long expiryGeneration;
    private boolean closed;

    public HybridLicenseValidator(LicenseApi api, LeaseVerifier leaseVerifier, LeaseStore store, String deviceId,
                                  Clock clock, Scheduler scheduler, ValidatorSettings settings) {
        this.api = api;
        this.leaseVerifier = leaseVerifier;
        this.store = store;
        this.deviceId = deviceId;
        this.clock = clock;
        this.scheduler = scheduler;
        this.settings = settings;
        this.published = snapshot();
    }

    public void addListener(LicenseStateListener listener) {
        listeners.add(listener);
    }

    public void removeListener(LicenseStateListener listener) {
        listeners.remove(listener);
    }

    public String deviceId() {
        return deviceId;
    }

    /**
     * Resumes from disk and then talks to the server: reconnect with a stored lease, acquire
     * without one. What a process calls once at startup.
     */
    public synchronized LicenseStatus start() {
        resume();
        switch (state) {
            case OFFLINE, EXPIRED -> reconnect();
            case UNLICENSED -> acquire();
            default -> { }
        }
        return status();
    }

    /**
     * Loads the stored lease without any network call: OFFLINE with the stored expiry, EXPIRED
     * if it ran out or the clock went back, UNLICENSED if there is none or it is not ours.
     */
    public synchronized LicenseStatus resume() {
        cancelTasks();
        Optional<LeaseStore.StoredLicense> stored = store.load();
        if (stored.isEmpty()) {
            dropLicense(false);
            moveTo(LicenseState.UNLICENSED, null);
            return snapshot();
        }
        LeaseStore.StoredLicense saved = stored.get();
        try {
            lease = leaseVerifier.verify(saved.lease(), deviceId);
        } catch (JwtVerificationException e) {
            dropLicense(true);
            moveTo(LicenseState.UNLICENSED, leaseProblem(e));
            return snapshot();
        } catch (CoditectException e) {
            // The signing keys are neither cached nor reachable: the lease can be neither trusted nor refuted.
            dropLicense(false);
            moveTo(LicenseState.UNLICENSED, LicenseReason.NETWORK);
            return snapshot();
        }
        sessionId = saved.sessionId();
        tier = saved.tier() != null ? saved.tier() : lease.tier();
        lastServerTime = saved.lastServerTime() != null ? saved.lastServerTime() : lease.issuedAt();
        heartbeatInterval = saved.heartbeatInterval();
        networkFailures = 0;
        goOffline(LicenseReason.RESUMED);
        return snapshot();
    }

    /** Asks the server for a seat (or learns the user is FREE). */
    public synchronized LicenseStatus acquire() {
        contact(this::acquireSeat);
        return status();
    }

    /** One heartbeat now; what the schedule runs every heartbeat interval while ONLINE. */
    public synchronized LicenseStatus heartbeat() {
        if (state == LicenseState.ONLINE && lease != null) {
            contact(this::keepAlive);
        }
        return status();
    }

    /** One reconnect attempt now with the stored lease; what the schedule runs while OFFLINE or EXPIRED. */
    public synchronized LicenseStatus reconnect() {
        if (lease == null) {
            return acquire();
        }
        contact(this::reconnectWithLease);
        return status();
    }

    /**
     * Gives the seat back. Local state is dropped first, so a failing server call still leaves
     * this device unlicensed; the exception then tells the caller the server did not hear it.
     */
    public synchronized LicenseStatus release() {
        String seat = sessionId;
        cancelTasks();
        dropLicense(true);
        moveTo(LicenseState.UNLICENSED, LicenseReason.RELEASED);
        if (seat != null) {
            api.release(seat);
        }
        return snapshot();
    }

    /** The current status, after applying what the clock alone decides (lease exp, clock set back). */
    public synchronized LicenseStatus status() {
        if (lease != null && (state == LicenseState.ONLINE || state == LicenseState.OFFLINE)) {
            Instant now = clock.instant();
            if (state == LicenseState.OFFLINE && clockRolledBack(now)) {
                expire(LicenseReason.CLOCK_ROLLBACK);
            } else if (lease.isExpiredAt(now)) {
                expire(LicenseReason.LEASE_EXPIRED);
            }
        }
        return snapshot();
    }

    @Override
    public synchronized void close() {
        closed = true;
        cancelTasks();
    }

    // ---- talking to the server ----

    private void acquireSeat() {
        applyGrant(api.acquire(deviceId, settings.deviceName(), settings.clientVersion()));
    }

    private void keepAlive() {
        if (sessionId == null) {
            acquireSeat();
            return;
        }
        try {
            applyHeartbeat(api.heartbeat(sessionId));
        } catch (ApiErrorException e) {
            if (!"session_not_found".equals(e.code())) {
                throw e;
            }
            // The seat timed out on the server (a laptop asleep past the seat TTL): ask again.
            sessionId = null;
            acquireSeat();
        }
    }

    private void reconnectWithLease() {
        try {
            applyGrant(api.reconnect(lease.jws(), deviceId));
        } catch (ApiErrorException e) {
            if ("invalid_lease".equals(e.code())) {
                // The server does not honour this lease any more; a fresh acquire decides.
                dropLicense(true);
            } else if (!"session_not_found".equals(e.code())) {
                throw e;
            }
            sessionId = null;
            acquireSeat();
        }
    }

    private void contact(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            handleFailure(e);
        }
    }

    private void applyGrant(LicenseGrant grant) {
        if (grant.isSeatless()) {
            // FREE tier: licensed without a seat, so nothing to heartbeat and no offline grace.
            cancelTasks();
            dropLicense(true);
            tier = grant.tier();
            if (grant.serverTime() != null) {
                lastServerTime = grant.serverTime();
            }
            moveTo(LicenseState.ONLINE, null);
            return;
        }
        Lease verified = leaseVerifier.verify(grant.lease(), deviceId);
        lease = verified;
        sessionId = grant.sessionId();
        tier = grant.tier() != null ? grant.tier() : verified.tier();
        heartbeatInterval = grant.heartbeatInterval();
        lastServerTime = serverTime(grant.serverTime(), verified);
        seatsUsed = grant.seatsUsed();
        seatsMax = grant.seatsMax();
        networkFailures = 0;
        persist();
        cancelExpiry();
        moveTo(LicenseState.ONLINE, null);
        scheduleContact(heartbeatInterval(), this::heartbeat);
    }

    private void applyHeartbeat(HeartbeatResult result) {
        if (result.lease() != null) {
            lease = leaseVerifier.verify(result.lease(), deviceId);
        }
        lastServerTime = serverTime(result.serverTime(), lease);
        networkFailures = 0;
        persist();
        moveTo(LicenseState.ONLINE, null);
        scheduleContact(result.nextHeartbeatIn() != null ? result.nextHeartbeatIn() : heartbeatInterval(), this::heartbeat);
    }

    // ---- failures ----

    private void handleFailure(RuntimeException failure) {
        if (failure instanceof LoginRevokedException) {
            revoke(LicenseReason.LOGIN_REVOKED);
        } else if (failure instanceof NotLoggedInException) {
            cancelTasks();
            dropLicense(false);
            moveTo(LicenseState.UNLICENSED, LicenseReason.NOT_LOGGED_IN);
        } else if (failure instanceof JwtVerificationException refused) {
            cancelTasks();
            dropLicense(true);
            moveTo(LicenseState.UNLICENSED, leaseProblem(refused));
        } else if (failure instanceof ApiErrorException refusal) {
            onRefusal(refusal);
        } else if (failure instanceof CoditectException) {
            // Unreachable, 5xx, or the discovery/JWKS endpoints unusable: all mean "no server right now".
            onNetworkFailure(LicenseReason.NETWORK);
        } else {
            onNetworkFailure(LicenseReason.CLIENT_ERROR);
        }
    }

    private void onRefusal(ApiErrorException refusal) {
        String code = refusal.code();
        switch (code) {
            case "session_revoked", "license_revoked", "license_suspended" -> revoke(code);
            case "license_expired" -> {
                cancelTasks();
                dropLicense(true);
                moveTo(LicenseState.EXPIRED, code);
            }
            case "no_license", "seats_exhausted" -> {
                cancelTasks();
                dropLicense(true);
                moveTo(LicenseState.UNLICENSED, code);
            }
            default -> {
                // invalid_token after the one refresh, email_not_verified, invalid_request: the
                // login is the problem, not the lease, so the lease stays on disk for later.
                cancelTasks();
                dropLicense(false);
                moveTo(LicenseState.UNLICENSED, code);
            }
        }
    }

    private void onNetworkFailure(String why) {
        switch (state) {
            case ONLINE -> {
                if (lease == null) {
                    // Seatless FREE tier has no grace period: without the server it is not licensed.
                    cancelTasks();
                    dropLicense(false);
                    moveTo(LicenseState.UNLICENSED, why);
                    return;
                }
                networkFailures++;
                if (networkFailures >= settings.maxNetworkFailures()) {
                    goOffline(why);
                } else {
                    // Still ONLINE: the seat outlives 3 missed heartbeats, so one blip changes nothing.
                    reason = why;
                    scheduleContact(heartbeatInterval(), this::heartbeat);
                }
            }
            case OFFLINE, EXPIRED -> goOffline(why);
            default -> moveTo(LicenseState.UNLICENSED, why);
        }
    }

    private void revoke(String why) {
        // No offline grace: a revoked license must stop now, so the lease is destroyed too.
        cancelTasks();
        dropLicense(true);
        moveTo(LicenseState.REVOKED, why);
    }

    // ---- offline ----

    private void goOffline(String why) {
        if (lease == null) {
            cancelTasks();
            moveTo(LicenseState.UNLICENSED, why);
            return;
        }
        Instant now = clock.instant();
        if (state == LicenseState.EXPIRED) {
            // Only the server gets us out of EXPIRED; fixing the clock back is not enough.
            moveTo(LicenseState.EXPIRED, reason);
        } else if (clockRolledBack(now)) {
            moveTo(LicenseState.EXPIRED, LicenseReason.CLOCK_ROLLBACK);
        } else if (lease.isExpiredAt(now)) {
            moveTo(LicenseState.EXPIRED, LicenseReason.LEASE_EXPIRED);
        } else {
            moveTo(LicenseState.OFFLINE, why);
            scheduleExpiry(Duration.between(now, lease.expiresAt()));
        }
        if (state == LicenseState.EXPIRED) {
            cancelExpiry();
        }
        scheduleContact(settings.reconnectInterval(), this::reconnect);
    }

    private void expire(String why) {
        moveTo(LicenseState.EXPIRED, why);
        cancelExpiry();
        // The server accepts an expired lease on reconnect, so keep trying to get back online.
        scheduleContact(settings.reconnectInterval(), this::reconnect);
    }

    private boolean clockRolledBack(Instant now) {
        return lastServerTime != null && now.isBefore(lastServerTime.minus(settings.clockTolerance()));
    }

    // ---- bookkeeping ----

    private void persist() {
        store.save(new LeaseStore.StoredLicense(lease.jws(), sessionId, tier, lastServerTime, heartbeatInterval));
    }

    private void dropLicense(boolean fromDisk) {
        lease = null;
        sessionId = null;
        tier = null;
        seatsUsed = null;
        seatsMax = null;
        networkFailures = 0;
        if (fromDisk) {
            store.clear();
        }
    }

    private Instant serverTime(Instant reported, Lease current) {
        if (reported != null) {
            return reported;
        }
        return current != null && current.issuedAt() != null ? current.issuedAt() : lastServerTime;
    }

    private Duration heartbeatInterval() {
        return heartbeatInterval != null ? heartbeatInterval : settings.defaultHeartbeatInterval();
    }

    private String leaseProblem(JwtVerificationException e) {
        return e.problem() == JwtProblem.WRONG_DEVICE ? LicenseReason.LEASE_DEVICE_MISMATCH : LicenseReason.INVALID_LEASE;
    }

    private void moveTo(LicenseState next, String why) {
        state = next;
        reason = why;
        LicenseStatus previous = published;
        LicenseStatus current = snapshot();
        published = current;
        if (previous.state() != next) {
            for (LicenseStateListener listener : listeners) {
                try {
                    listener.stateChanged(previous, current);
                } catch (RuntimeException ignored) {
                    // A broken listener must not break license validation for everyone else.
                }
            }
        }
    }

    private LicenseStatus snapshot() {
        return new LicenseStatus(state, reason, tier, sessionId, lease == null ? null : lease.expiresAt(),
                lastServerTime, networkFailures, seatsUsed, seatsMax, clock.instant());
    }

    private void scheduleContact(Duration delay, Runnable action) {
        cancelContact();
        if (closed) {
            return;
        }
        long generation = ++contactGeneration;
        contactTask = scheduler.schedule(delay, () -> {
            synchronized (this) {
                if (generation == contactGeneration && !closed) {
                    action.run();
                }
            }
        });
    }

    private void scheduleExpiry(Duration delay) {
        cancelExpiry();
        if (closed) {
            return;
        }
        long generation = ++expiryGeneration;
        expiryTask = scheduler.schedule(delay, () -> {
            synchronized (this) {
                if (generation == expiryGeneration && !closed) {
                    status();
                }
            }
        });
    }

    private void cancelTasks() {
        cancelContact();
        cancelExpiry();
    }

    private void cancelContact() {
        contactGeneration++;
        if (contactTask != null) {
            contactTask.cancel();
            contactTask = null;
        }
    }

    private void cancelExpiry() {
        expiryGeneration++;
        if (expiryTask != null) {
            expiryTask.cancel();
            expiryTask = null;
        }
    }
}
