package fr.cite.platform.staff.api;

/** A staff invitation as returned to whoever sent it: the link to give the invited person. */
public record StaffInvitationView(String email, String role, String invitationUrl) {}
