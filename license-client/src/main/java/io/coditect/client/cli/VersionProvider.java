package io.coditect.client.cli;

import io.coditect.client.ClientVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code coditect --version}. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"coditect " + ClientVersion.current()};
    }
}
