package fr.cite.platform.staff.api;

import fr.cite.platform.staff.domain.StaffRole;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/platform/towns/{slug}/staff}: who to invite, with which role. */
public record InviteStaffRequest(
    @NotBlank(message = "{validation.required}")
        @Email(message = "{validation.email}")
        @Size(max = 254, message = "{validation.email}")
        String email,
    @NotNull(message = "{validation.required}") StaffRole role) {}
