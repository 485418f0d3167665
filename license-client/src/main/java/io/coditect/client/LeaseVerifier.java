package io.coditect.client;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;

/**
 * Verifies an offline lease: realm signature, typ {@code coditect-lease+jwt}, issuer, the
 * claims the client relies on, and that it was made for this device. Expiry is reported,
 * not enforced here: the validator turns a past exp into EXPIRED.
 */
public final class LeaseVerifier {

    public static final String TYPE = "coditect-lease+jwt";

    private final JwtVerifier jwt;

    public LeaseVerifier(JwtVerifier jwt) {
        this.jwt = jwt;
    }

    public Lease verify(String jws, String expectedDeviceId) {
        JWTClaimsSet claims = jwt.verify(jws, TYPE);
        String deviceId = string(claims, "device_id");
        if (!expectedDeviceId.equals(deviceId)) {
            throw new JwtVerificationException(JwtProblem.WRONG_DEVICE,
                    "this lease was issued to another device; a lease cannot be copied between machines");
        }
        return new Lease(
                jws.trim(),
                required(claims.getJWTID(), "jti"),
                claims.getIssuer(),
                required(claims.getSubject(), "sub"),
                claims.getAudience(),
                instant(claims.getIssueTime()),
                instant(claims.getNotBeforeTime()),
                required(instant(claims.getExpirationTime()), "exp"),
                string(claims, "tenant_id"),
                string(claims, "license_id"),
                required(string(claims, "tier"), "tier"),
                deviceId,
                required(string(claims, "sid"), "sid"));
    }

    private static String string(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            throw new JwtVerificationException(JwtProblem.MALFORMED, "claim " + name + " is not a string");
        }
    }

    private static <T> T required(T value, String name) {
        if (value == null) {
            throw new JwtVerificationException(JwtProblem.MISSING_CLAIM, "lease has no " + name + " claim");
        }
        return value;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
