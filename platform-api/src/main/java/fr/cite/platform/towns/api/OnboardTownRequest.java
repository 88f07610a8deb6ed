package fr.cite.platform.towns.api;

import fr.cite.platform.tenancy.domain.TenantStatus;
import jakarta.validation.constraints.NotBlank;

/**
 * Body of {@code POST /api/v1/platform/towns}.
 *
 * @param inseeCode INSEE code of a current commune, e.g. {@code 76351}
 * @param status {@code TRIAL} (default) or {@code LIVE}
 */
public record OnboardTownRequest(
    @NotBlank(message = "{validation.required}") String inseeCode, TenantStatus status) {}
