package io.coditect.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {

    @TempDir
    Path home;

    final TokenSet tokens = new TokenSet("secret-access-token", "secret-refresh-token", "secret-id-token", "openid offline_access",
            Instant.parse("2026-12-03T16:25:00Z"), null);

    @Test
    void savedFileAndDirectoryAreOwnerOnly() throws Exception {
        Path configDir = home.resolve("config/coditect");
        TokenStore store = new TokenStore(configDir, TestKeys.ISSUER);

        store.save(tokens);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(configDir))).isEqualTo("rwx------");
    }

    @Test
    void looserExistingFileIsTightenedOnSave() throws Exception {
        TokenStore store = new TokenStore(home, TestKeys.ISSUER);
        Files.writeString(store.file(), "{}");
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-r--r--"));

        store.save(tokens);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
    }

    @Test
    void roundTripsAndDeletes() {
        TokenStore store = new TokenStore(home, TestKeys.ISSUER);

        store.save(tokens);
        assertThat(store.load()).hasValue(tokens);

        store.delete();
        assertThat(store.load()).isEmpty();
    }

    @Test
    void loginForAnotherServerIsNotUsed() {
        new TokenStore(home, "http://other.test/realms/coditect").save(tokens);

        assertThat(new TokenStore(home, TestKeys.ISSUER).load()).isEmpty();
    }

    @Test
    void leaveNoTemporaryFilesBehind() throws Exception {
        TokenStore store = new TokenStore(home, TestKeys.ISSUER);
        store.save(tokens);
        store.save(tokens);

        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(TokenStore.FILE_NAME);
        }
    }

    @Test
    void toStringNeverShowsTokens() {
        assertThat(tokens.toString()).doesNotContain("secret").contains("refreshToken=present");
    }
}
