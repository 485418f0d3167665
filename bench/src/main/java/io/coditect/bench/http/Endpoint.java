package io.coditect.bench.http;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.function.IntFunction;

/** A measured endpoint: the request worker {@code w} sends next (tokens are read at each call). */
record Endpoint(String name, IntFunction<HttpRequest> request) {

    static final String REALM = "/realms/coditect";

    static Endpoint heartbeat(String server, List<Fixture.PaidUser> users) {
        return new Endpoint("heartbeat", w -> {
            Fixture.PaidUser u = users.get(w % users.size());
            return Http.json("POST", server + REALM + "/licenses/heartbeat", u.withMapper().accessToken(),
                    "{\"session_id\":\"" + u.seatId() + "\"}");
        });
    }

    static Endpoint quota(String server, List<UserSession> users) {
        return new Endpoint("quota", w -> Http.json("POST", server + REALM + "/quota/commands",
                users.get(w % users.size()).accessToken(), "{\"command\":\"bench\"}"));
    }

    static Endpoint userinfo(String server, List<UserSession> users) {
        return new Endpoint("userinfo", w -> Http.json("GET", server + REALM + "/protocol/openid-connect/userinfo",
                users.get(w % users.size()).accessToken(), null));
    }

    static Endpoint refreshGrant(String name, List<UserSession> sessions) {
        return new Endpoint(name, w -> {
            UserSession s = sessions.get(w % sessions.size());
            return s.client().refreshRequest(s.refreshToken());
        });
    }
}
