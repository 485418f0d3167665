package io.coditect.bench.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the benchmark needs on the server, made through the admin API like an operator would:
 * two confidential clients (with and without the {@code coditect} client scope), a PRO tenant
 * whose users each hold a seat, and a FREE tenant whose users spend command quota. Names carry a
 * run id, so a rerun against the same server does not collide.
 */
final class Fixture {

    static final String PASSWORD = "bench-Passw0rd-1";
    static final List<String> SCOPES_WITHOUT_CODITECT = List.of("basic", "profile", "email", "roles");

    /** A PRO user: a session of each client, and the seat held by the first. */
    record PaidUser(UserSession withMapper, UserSession withoutMapper, String seatId) {
    }

    final OidcClient withMapper;
    final OidcClient withoutMapper;
    final List<PaidUser> paidUsers = new ArrayList<>();
    final List<UserSession> freeUsers = new ArrayList<>();

    private Fixture(OidcClient withMapper, OidcClient withoutMapper) {
        this.withMapper = withMapper;
        this.withoutMapper = withoutMapper;
    }

    static Fixture create(Http http, Admin admin, String server, int usersPerTier) {
        String run = "bench-" + Long.toString(System.currentTimeMillis(), 36);
        Fixture f = new Fixture(new OidcClient(server, run + "-with-coditect", run + "-secret-a"),
                new OidcClient(server, run + "-without-coditect", run + "-secret-b"));
        List<String> withCoditect = new ArrayList<>(SCOPES_WITHOUT_CODITECT);
        withCoditect.add("coditect");
        admin.createClient(f.withMapper, withCoditect);
        admin.createClient(f.withoutMapper, SCOPES_WITHOUT_CODITECT);

        String pro = admin.createOrganization(run + "-pro");
        admin.createLicense(pro, "PRO", usersPerTier);
        String free = admin.createOrganization(run + "-free");
        admin.createLicense(free, "FREE", usersPerTier);

        for (int i = 0; i < usersPerTier; i++) {
            String paidName = run + "-pro-" + i;
            admin.addMember(pro, admin.createUser(paidName, PASSWORD));
            UserSession session = f.withMapper.login(http, paidName, PASSWORD);
            String seat = acquireSeat(http, server, session, "bench-device-" + i);
            f.paidUsers.add(new PaidUser(session, f.withoutMapper.login(http, paidName, PASSWORD), seat));

            String freeName = run + "-free-" + i;
            admin.addMember(free, admin.createUser(freeName, PASSWORD));
            f.freeUsers.add(f.withMapper.login(http, freeName, PASSWORD));
        }
        return f;
    }

    private static String acquireSeat(Http http, String server, UserSession session, String deviceId) {
        Http.Reply r = http.send(Http.json("POST", server + "/realms/coditect/licenses/acquire", session.accessToken(),
                Map.of("device_id", deviceId, "device_name", "benchmark", "client_version", "bench")))
                .expect(200, "acquire a seat");
        return r.json().get("session_id").asText();
    }

    /** Fresh access tokens for every session (they live 300 s; rounds are shorter). */
    void renewTokens(Http http) {
        for (PaidUser u : paidUsers) {
            u.withMapper().renew(http);
            u.withoutMapper().renew(http);
        }
        freeUsers.forEach(s -> s.renew(http));
    }
}
