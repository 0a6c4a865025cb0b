package io.tenantsync.server.reconcile;

import com.unboundid.scim2.common.BaseScimResource;
import com.unboundid.scim2.common.annotations.Attribute;
import com.unboundid.scim2.common.annotations.Schema;
import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;
import java.util.Date;
import java.util.List;

/**
 * The {@code Reconciliations} wire resource: one run, its counts and (the first {@value
 * ReconciliationService#FINDINGS_SHOWN}) findings.
 *
 * <pre>{"schemas":["urn:tenantsync:scim:schemas:core:2.0:Reconciliation"],"status":"completed",
 *  "mode":"full","trigger":"request","scanned":120,"unmanaged":3,"drifted":1,"retained":4,
 *  "missing":0,"failed":0,"findings":[{"kind":"licenses","userId":"…","detail":"…"}]}</pre>
 */
@Schema(
    id = ReconciliationResource.SCHEMA,
    name = "Reconciliation",
    description = "A reconciliation run")
public class ReconciliationResource extends BaseScimResource {
  public static final String SCHEMA = "urn:tenantsync:scim:schemas:core:2.0:Reconciliation";

  @Attribute(
      description = "pending, running, completed or failed",
      mutability = Mutability.READ_ONLY)
  private String status;

  @Attribute(
      description =
          "full (list the whole directory) or delta (changes since the previous run); may be given on POST",
      mutability = Mutability.READ_WRITE)
  private String mode;

  @Attribute(description = "request or schedule", mutability = Mutability.READ_ONLY)
  private String trigger;

  @Attribute(
      description = "Accounts (or, in delta mode, changes) read from the directory",
      mutability = Mutability.READ_ONLY)
  private Long scanned;

  @Attribute(
      description = "Accounts mirrored as unmanaged Users",
      mutability = Mutability.READ_ONLY)
  private Long unmanaged;

  @Attribute(
      description = "Managed accounts that differ from what TenantSync expects",
      mutability = Mutability.READ_ONLY)
  private Long drifted;

  @Attribute(description = "Retained accounts found as expected", mutability = Mutability.READ_ONLY)
  private Long retained;

  @Attribute(
      description = "Expected accounts no longer in the tenant",
      mutability = Mutability.READ_ONLY)
  private Long missing;

  @Attribute(description = "Findings that could not be applied", mutability = Mutability.READ_ONLY)
  private Long failed;

  @Attribute(description = "Why the run failed", mutability = Mutability.READ_ONLY)
  private String error;

  @Attribute(description = "When the run started", mutability = Mutability.READ_ONLY)
  private Date startedAt;

  @Attribute(description = "When the run ended", mutability = Mutability.READ_ONLY)
  private Date finishedAt;

  @Attribute(
      description = "What the run found, at most the first 100",
      mutability = Mutability.READ_ONLY,
      multiValueClass = Finding.class)
  private List<Finding> findings;

  /** One recorded finding. */
  public static class Finding {
    @Attribute(
        description =
            "licenses, signIn, upnChanged, deletedInTenant, restoredInTenant, poolExceeded, conflict or product",
        mutability = Mutability.READ_ONLY)
    private String kind;

    @Attribute(description = "The User concerned, if any", mutability = Mutability.READ_ONLY)
    private String userId;

    @Attribute(
        description = "The tenant account concerned, if any",
        mutability = Mutability.READ_ONLY)
    private String tenantObjectId;

    @Attribute(description = "What was found, in words", mutability = Mutability.READ_ONLY)
    private String detail;

    @Attribute(
        description = "Whether the run queued a repair (driftMode repair)",
        mutability = Mutability.READ_ONLY)
    private Boolean repaired;

    public String getKind() {
      return kind;
    }

    public void setKind(String kind) {
      this.kind = kind;
    }

    public String getUserId() {
      return userId;
    }

    public void setUserId(String userId) {
      this.userId = userId;
    }

    public String getTenantObjectId() {
      return tenantObjectId;
    }

    public void setTenantObjectId(String tenantObjectId) {
      this.tenantObjectId = tenantObjectId;
    }

    public String getDetail() {
      return detail;
    }

    public void setDetail(String detail) {
      this.detail = detail;
    }

    public Boolean getRepaired() {
      return repaired;
    }

    public void setRepaired(Boolean repaired) {
      this.repaired = repaired;
    }
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getMode() {
    return mode;
  }

  public void setMode(String mode) {
    this.mode = mode;
  }

  public String getTrigger() {
    return trigger;
  }

  public void setTrigger(String trigger) {
    this.trigger = trigger;
  }

  public Long getScanned() {
    return scanned;
  }

  public void setScanned(Long scanned) {
    this.scanned = scanned;
  }

  public Long getUnmanaged() {
    return unmanaged;
  }

  public void setUnmanaged(Long unmanaged) {
    this.unmanaged = unmanaged;
  }

  public Long getDrifted() {
    return drifted;
  }

  public void setDrifted(Long drifted) {
    this.drifted = drifted;
  }

  public Long getRetained() {
    return retained;
  }

  public void setRetained(Long retained) {
    this.retained = retained;
  }

  public Long getMissing() {
    return missing;
  }

  public void setMissing(Long missing) {
    this.missing = missing;
  }

  public Long getFailed() {
    return failed;
  }

  public void setFailed(Long failed) {
    this.failed = failed;
  }

  public String getError() {
    return error;
  }

  public void setError(String error) {
    this.error = error;
  }

  public Date getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(Date startedAt) {
    this.startedAt = startedAt;
  }

  public Date getFinishedAt() {
    return finishedAt;
  }

  public void setFinishedAt(Date finishedAt) {
    this.finishedAt = finishedAt;
  }

  public List<Finding> getFindings() {
    return findings;
  }

  public void setFindings(List<Finding> findings) {
    this.findings = findings;
  }
}
