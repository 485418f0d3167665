package io.coditect.client;

import java.util.Locale;

/** A JWS failed verification; {@link #problem()} says why. */
public class JwtVerificationException extends CoditectException {

    private final JwtProblem problem;

    public JwtVerificationException(JwtProblem problem, String message) {
        super(problem.name().toLowerCase(Locale.ROOT), message, null);
        this.problem = problem;
    }

    public JwtProblem problem() {
        return problem;
    }
}
