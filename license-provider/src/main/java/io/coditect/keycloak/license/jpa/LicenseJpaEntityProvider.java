package io.coditect.keycloak.license.jpa;

import io.coditect.keycloak.license.model.LicenseEntity;
import java.util.List;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

/** Registers the license entity and its Liquibase changelog with Keycloak's JPA connection. */
public class LicenseJpaEntityProvider implements JpaEntityProvider {

    @Override
    public List<Class<?>> getEntities() {
        return List.of(LicenseEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return "META-INF/coditect-license-changelog.xml";
    }

    @Override
    public String getFactoryId() {
        return LicenseJpaEntityProviderFactory.ID;
    }

    @Override
    public void close() {
    }
}
