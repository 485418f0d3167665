package io.coditect.client;

/** Access tokens "access-1", "access-2", ... handed out in order; counts refreshes. */
final class FakeTokens implements AccessTokenSource {

    private String current = "access-1";
    private int refreshes;
    private RuntimeException refreshFailure;

    @Override
    public String accessToken() {
        return current;
    }

    @Override
    public String refreshAccessToken() {
        refreshes++;
        if (refreshFailure != null) {
            throw refreshFailure;
        }
        current = "access-" + (refreshes + 1);
        return current;
    }

    void failRefreshWith(RuntimeException failure) {
        this.refreshFailure = failure;
    }

    int refreshes() {
        return refreshes;
    }
}
