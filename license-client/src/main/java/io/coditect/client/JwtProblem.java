package io.coditect.client;

/** Why a JWS (lease or token) was refused. */
public enum JwtProblem {
    MALFORMED,
    /** alg "none", or an encrypted JWT where a signed one was expected. */
    UNSIGNED,
    /** Only the asymmetric algorithms a realm signs with are accepted; HS* would let a public key act as a MAC secret. */
    DISALLOWED_ALGORITHM,
    UNKNOWN_KEY,
    BAD_SIGNATURE,
    WRONG_TYPE,
    WRONG_ISSUER,
    MISSING_CLAIM,
    /** A lease made for another device: copied leases are refused. */
    WRONG_DEVICE
}
