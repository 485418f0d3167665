package io.coditect.bench.jmh;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.coditect.client.JwksCache;
import io.coditect.client.JwtVerifier;
import io.coditect.client.Lease;
import io.coditect.client.LeaseVerifier;
import io.coditect.client.TransportResponse;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Offline lease verification with the client library's {@link LeaseVerifier}: a lease shaped
 * like the server's (RS256, RSA 2048, typ {@code coditect-lease+jwt}, the same claims) signed
 * with a key made here, checked against that key's public JWKS. No network: the JWKS "transport"
 * is a constant, as when the keys come from the on-disk cache. Target: at most 1 ms each.
 *
 * <ul>
 *   <li>{@link #verifyLease}: steady state, keys already in memory (a long-running client).</li>
 *   <li>{@link #firstVerificationInFreshJvm}: one verification per fresh JVM, keys read from the
 *       on-disk JWKS cache file as the CLI does on each start; cold JIT and the verifier's class
 *       loading included (the setup has signed the lease in that JVM, so nimbus' JWS and RSA
 *       classes are already loaded: a real CLI start pays somewhat more).</li>
 *   <li>{@link #firstVerificationInFreshJvmKeysInMemory}: the same without the disk cache (the
 *       JWKS comes from the constant transport, parsed by nimbus), to separate the cost of reading
 *       the cache file (JSON via Jackson) from the cost of the verification itself.</li>
 * </ul>
 */
@State(Scope.Benchmark)
public class LeaseVerificationBenchmark {

    static final String ISSUER = "http://localhost:8180/realms/coditect";
    static final String DEVICE = "bench-device-1";

    private String lease;
    private String jwks;
    private Path jwksCacheFile;

    @Setup
    public void setUp() throws Exception {
        RSAKey realmKey = new RSAKeyGenerator(2048).keyID("bench-realm-key").keyUse(KeyUse.SIGNATURE).generate();
        jwks = new JWKSet(realmKey).toPublicJWKSet().toString(true);
        lease = sign(realmKey, leaseClaims(Instant.now()));
        jwksCacheFile = Files.createTempDirectory("coditect-bench").resolve("jwks.json");
        Files.writeString(jwksCacheFile, "{\"issuer\":\"" + ISSUER + "\",\"jwks\":" + jwks + "}");
    }

    /** The verifier of a long-running client: keys loaded once, by a first verification. */
    @State(Scope.Benchmark)
    public static class WarmVerifier {
        LeaseVerifier verifier;

        @Setup
        public void setUp(LeaseVerificationBenchmark signed) {
            verifier = signed.verifier(null);
            verifier.verify(signed.lease, DEVICE); // loads the keys; also proves the lease is valid
        }
    }

    @Benchmark
    @BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 5, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(2)
    public Lease verifyLease(WarmVerifier warm) {
        return warm.verifier.verify(lease, DEVICE);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(10)
    public Lease firstVerificationInFreshJvm() {
        return verifier(jwksCacheFile).verify(lease, DEVICE);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(10)
    public Lease firstVerificationInFreshJvmKeysInMemory() {
        return verifier(null).verify(lease, DEVICE);
    }

    /** @param cacheFile the on-disk JWKS cache to read, or null to "fetch" the constant JWKS */
    private LeaseVerifier verifier(Path cacheFile) {
        JwksCache keys = new JwksCache(ISSUER, () -> URI.create(ISSUER + "/protocol/openid-connect/certs"),
                request -> TransportResponse.of(200, jwks), cacheFile, Clock.systemUTC());
        return new LeaseVerifier(new JwtVerifier(keys, ISSUER));
    }

    private static JWTClaimsSet leaseClaims(Instant issuedAt) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("3f1c2a9e-0000-4000-8000-000000000001")
                .audience("coditect-cli")
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(Duration.ofDays(7))))
                .jwtID("5b7e1d0c-0000-4000-8000-000000000002")
                .claim("tenant_id", "9a0b8c7d-0000-4000-8000-000000000003")
                .claim("license_id", "1c2d3e4f-0000-4000-8000-000000000004")
                .claim("tier", "PRO")
                .claim("device_id", DEVICE)
                .claim("sid", "seat-7f3a9c")
                .build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(new JOSEObjectType(LeaseVerifier.TYPE)).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
