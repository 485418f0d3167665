package io.coditect.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import java.net.URI;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The realm's signing keys (JWKS), cached in memory and on disk so leases and tokens can be
 * verified offline. An unknown {@code kid} means the realm rotated its keys: the set is
 * fetched again, at most once a minute so forged kids cannot make us hammer the server.
 */
public final class JwksCache {

    static final String FILE_NAME = "jwks.json";
    static final Duration MIN_REFETCH_INTERVAL = Duration.ofMinutes(1);

    private final Supplier<URI> jwksUri;
    private final HttpTransport transport;
    private final Path cacheFile;
    private final String issuer;
    private final Clock clock;
    private JWKSet keys;
    private Instant lastFetch;

    /**
     * @param cacheFile where to keep the keys between runs, or null for memory only
     */
    public JwksCache(String issuer, Supplier<URI> jwksUri, HttpTransport transport, Path cacheFile, Clock clock) {
        this.issuer = issuer;
        this.jwksUri = jwksUri;
        this.transport = transport;
        this.cacheFile = cacheFile;
        this.clock = clock;
    }

    /**
     * Keys that may have signed a JWS with this kid and algorithm; fetches the set when none
     * is known. Empty when the realm has no such key.
     */
    public synchronized List<JWK> candidates(String kid, JWSAlgorithm algorithm) {
        if (keys == null) {
            keys = loadFromDisk();
        }
        List<JWK> found = keys == null ? List.of() : select(keys, kid, algorithm);
        if (found.isEmpty() && mayFetch()) {
            keys = fetch();
            found = select(keys, kid, algorithm);
        }
        return found;
    }

    private boolean mayFetch() {
        return lastFetch == null || !clock.instant().isBefore(lastFetch.plus(MIN_REFETCH_INTERVAL));
    }

    private JWKSet fetch() {
        lastFetch = clock.instant();
        URI uri = jwksUri.get();
        TransportResponse response = ServerCall.send(transport, TransportRequest.get(uri));
        if (!response.isSuccess()) {
            throw new CoditectException("jwks_unavailable", "The realm's signing keys could not be read (HTTP "
                    + response.status() + " from " + uri + ")", null);
        }
        JWKSet fetched;
        try {
            fetched = JWKSet.parse(response.body()).toPublicJWKSet();
        } catch (ParseException e) {
            throw new CoditectException("jwks_unavailable", "The realm's signing keys are not a valid JWKS", e);
        }
        if (cacheFile != null) {
            ObjectNode node = Json.object();
            node.put("issuer", issuer);
            node.set("jwks", Json.parse(fetched.toString(true)));
            SecureFiles.writePrivate(cacheFile, Json.writePretty(node) + "\n");
        }
        return fetched;
    }

    private JWKSet loadFromDisk() {
        if (cacheFile == null) {
            return null;
        }
        return SecureFiles.read(cacheFile)
                .map(Json::parseLenient)
                .filter(node -> issuer.equals(Json.text(node, "issuer")))
                .map(node -> node.get("jwks"))
                .map(JwksCache::parseQuietly)
                .orElse(null);
    }

    private static JWKSet parseQuietly(JsonNode jwks) {
        try {
            return JWKSet.parse(Json.write(jwks)).toPublicJWKSet();
        } catch (ParseException e) {
            // A damaged cache is only a cache: the next verification fetches a fresh set.
            return null;
        }
    }

    static List<JWK> select(JWKSet set, String kid, JWSAlgorithm algorithm) {
        KeyType type = KeyType.forAlgorithm(algorithm);
        return set.getKeys().stream()
                .filter(key -> kid == null || kid.equals(key.getKeyID()))
                .filter(key -> key.getKeyUse() == null || KeyUse.SIGNATURE.equals(key.getKeyUse()))
                .filter(key -> type != null && type.equals(key.getKeyType()))
                .filter(key -> key.getAlgorithm() == null || key.getAlgorithm().equals(algorithm))
                .collect(Collectors.toList());
    }
}
