package io.coditect.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The login on disk: {@code tokens.json} (0600) in the config directory, tagged with the
 * issuer it belongs to so a login for one server is never sent to another.
 */
public final class TokenStore {

    static final String FILE_NAME = "tokens.json";

    private final Path file;
    private final String issuer;

    public TokenStore(Path configDir, String issuer) {
        this.file = configDir.resolve(FILE_NAME);
        this.issuer = issuer;
    }

    public Optional<TokenSet> load() {
        return SecureFiles.read(file)
                .map(Json::parseLenient)
                .filter(node -> issuer.equals(Json.text(node, "issuer")))
                .map(TokenSet::fromJson)
                .filter(tokens -> tokens.accessToken() != null || tokens.refreshToken() != null);
    }

    public void save(TokenSet tokens) {
        ObjectNode node = Json.object();
        node.put("issuer", issuer);
        node.setAll(tokens.toJson());
        SecureFiles.writePrivate(file, Json.writePretty(node) + "\n");
    }

    public void delete() {
        SecureFiles.delete(file);
    }

    public Path file() {
        return file;
    }

    /** The issuer of a stored login regardless of which server is configured now. */
    public Optional<String> storedIssuer() {
        return SecureFiles.read(file).map(Json::parseLenient).map(node -> Json.text(node, "issuer"));
    }
}
