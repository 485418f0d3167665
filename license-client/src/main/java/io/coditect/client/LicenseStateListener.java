package io.coditect.client;

/** Told of every state change of a {@link HybridLicenseValidator}. Must return quickly. */
@FunctionalInterface
public interface LicenseStateListener {

    void stateChanged(LicenseStatus previous, LicenseStatus current);
}
