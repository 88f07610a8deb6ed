package fr.cite.platform.towns.api;

import fr.cite.platform.tenancy.domain.TenantStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /api/v1/platform/towns/{slug}/status}: {@code SUSPENDED} with a reason, or
 * {@code TRIAL}/{@code LIVE} to serve the town again.
 */
public record StatusChangeRequest(
    @NotNull(message = "{validation.required}") TenantStatus status,
    @Size(max = 500, message = "{validation.reason}") String reason) {}
