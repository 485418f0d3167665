package io.coditect.keycloak.license.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A tenant's license, stored in Keycloak's own database (table created by our Liquibase changelog). */
@Entity
@Table(name = "CODITECT_LICENSE")
@NamedQueries({
        @NamedQuery(name = "coditectLicenseByTenant",
                query = "select l from LicenseEntity l where l.realmId = :realmId and l.tenantId = :tenantId"),
        @NamedQuery(name = "coditectLicenseByKey",
                query = "select l from LicenseEntity l where l.realmId = :realmId and l.licenseKey = :licenseKey"),
        @NamedQuery(name = "coditectDeleteLicensesOfRealm",
                query = "delete from LicenseEntity l where l.realmId = :realmId")
})
public class LicenseEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "LICENSE_KEY", length = 64, nullable = false)
    private String licenseKey;

    @Column(name = "TIER", length = 16, nullable = false)
    private String tier;

    @Column(name = "SEATS", nullable = false)
    private int seats;

    @Column(name = "STATUS", length = 16, nullable = false)
    private String status;

    @Column(name = "EXPIRES_AT")
    private Long expiresAt;

    @Column(name = "GRACE_PERIOD_DAYS")
    private Integer gracePeriodDays;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getLicenseKey() { return licenseKey; }
    public void setLicenseKey(String licenseKey) { this.licenseKey = licenseKey; }
    public String getTier() { return tier; }
    public void setTier(String tier) { this.tier = tier; }
    public int getSeats() { return seats; }
    public void setSeats(int seats) { this.seats = seats; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Long getExpiresAt() { return expiresAt; }
    public void setExpiresAt(Long expiresAt) { this.expiresAt = expiresAt; }
    public Integer getGracePeriodDays() { return gracePeriodDays; }
    public void setGracePeriodDays(Integer gracePeriodDays) { this.gracePeriodDays = gracePeriodDays; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
    public long getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(long updatedAt) { this.updatedAt = updatedAt; }
}
