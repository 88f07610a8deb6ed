package fr.cite.platform.staff.application;

import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.mail.MailSender;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.staff.domain.StaffMember;
import fr.cite.platform.staff.domain.StaffRole;
import fr.cite.platform.tenancy.application.ApplicationService;
import fr.cite.platform.tenancy.application.TenantContext;
import fr.cite.platform.tenancy.application.TenantDirectory;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The current town's staff: invitations, acceptance, and the role of a signed-in account. Works
 * within the tenant of the unit of work, like every tenant-owned data.
 */
@ApplicationService
public class StaffDirectory {

  /** How long an invitation link stays valid. */
  public static final Duration INVITATION_VALIDITY = Duration.ofDays(14);

  private static final Logger LOG = Logger.getLogger(StaffDirectory.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext EntityManager em;

  private final Clock clock = Clock.systemUTC();

  @Inject TenantContext tenant;

  @Inject TenantDirectory directory;

  @Inject CiteConfig config;

  @Inject MailSender mail;

  /**
   * A fresh invitation: the link carries a token given once (e-mailed to the invited person and
   * returned to whoever invited); only its hash is kept.
   */
  public record Invitation(String email, StaffRole role, String url) {}

  /** Invites someone to the current town's staff and e-mails them the link once committed. */
  public Invitation invite(String email, StaffRole role, String invitedBy, String townName) {
    String normalised = email.strip().toLowerCase(Locale.ROOT);
    String token = newToken();
    Instant now = clock.instant();
    Optional<StaffMember> existing = findByEmail(normalised);
    if (existing.isPresent()) {
      if (existing.get().subject().isPresent()) {
        throw ProblemException.conflict("staff-already-member", normalised);
      }
      existing.get().changeRole(role);
      existing.get().reinvite(hash(token), now.plus(INVITATION_VALIDITY));
    } else {
      em.persist(
          StaffMember.invite(
              normalised, role, invitedBy, hash(token), now.plus(INVITATION_VALIDITY), now));
    }
    LOG.infof("Invited %s as %s (by %s)", normalised, role, invitedBy);
    String url =
        config.publicUrl(directory.platformHostOf(tenant.require().slug()))
            + "/admin/invitation/"
            + token;
    mail.sendAfterCommit(StaffInvitationMail.of(normalised, role, townName, url));
    return new Invitation(normalised, role, url);
  }

  /** Links the signed-in account to the invitation; the token works once. */
  public StaffMember accept(String token, String accountSubject) {
    StaffMember member =
        em.createQuery(
                "select m from StaffMember m where m.invitationHash = :hash", StaffMember.class)
            .setParameter("hash", hash(token))
            .getResultStream()
            .findFirst()
            .filter(m -> m.isInvitationValid(clock.instant()))
            .orElseThrow(() -> ProblemException.notFound("invitation-invalid"));
    if (roleOf(accountSubject).isPresent()) {
      throw ProblemException.conflict("staff-already-member", member.email());
    }
    member.accept(accountSubject, clock.instant());
    LOG.infof("%s accepted the invitation as %s", member.email(), member.role());
    return member;
  }

  /** The role of an account in the current town, if it is on the staff. */
  public Optional<StaffRole> roleOf(String accountSubject) {
    if (accountSubject == null) {
      return Optional.empty();
    }
    return em.createQuery(
            "select m.role from StaffMember m where m.subject = :subject", StaffRole.class)
        .setParameter("subject", accountSubject)
        .getResultStream()
        .findFirst();
  }

  /**
   * Removes a member of the current town's staff; an administrator cannot remove themselves (a town
   * must not lose its last administrator by mistake). False when there is no such member here.
   */
  public boolean remove(long memberId, String bySubject) {
    StaffMember member = em.find(StaffMember.class, memberId);
    if (member == null) {
      return false;
    }
    if (member.subject().filter(s -> s.equals(bySubject)).isPresent()) {
      throw ProblemException.conflict("staff-cannot-remove-self");
    }
    em.remove(member);
    LOG.infof("Removed %s (%s) from the staff", member.email(), member.role());
    return true;
  }

  /**
   * Gives a member of the current town's staff another role; nobody changes their own role (a town
   * must not lose its last administrator by mistake). False when there is no such member here.
   */
  public boolean changeRole(long memberId, StaffRole role, String bySubject) {
    StaffMember member = em.find(StaffMember.class, memberId);
    if (member == null) {
      return false;
    }
    if (member.subject().filter(s -> s.equals(bySubject)).isPresent()) {
      throw ProblemException.conflict("staff-cannot-change-own-role");
    }
    member.changeRole(role);
    LOG.infof("%s is now %s", member.email(), role);
    return true;
  }

  /** One page of the staff, e-mail containing {@code text} (if any), sorted by e-mail or role. */
  public List<StaffMember> list(
      String text, String sortField, boolean ascending, int first, int size) {
    String order = "role".equals(sortField) ? "m.role" : "m.email";
    return em.createQuery(
            "select m from StaffMember m where (:text is null or m.email like :text) order by "
                + order
                + (ascending ? " asc" : " desc")
                + ", m.email",
            StaffMember.class)
        .setParameter("text", like(text))
        .setFirstResult(first)
        .setMaxResults(size)
        .getResultList();
  }

  public long count(String text) {
    return em.createQuery(
            "select count(m) from StaffMember m where (:text is null or m.email like :text)",
            Long.class)
        .setParameter("text", like(text))
        .getSingleResult();
  }

  private static String like(String text) {
    return text == null || text.isBlank()
        ? null
        : "%" + text.strip().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%";
  }

  public List<StaffMember> list() {
    return em.createQuery("select m from StaffMember m order by m.email", StaffMember.class)
        .getResultList();
  }

  /** The town's staff member with this e-mail address, if any. */
  public Optional<StaffMember> findByEmail(String email) {
    return em.createQuery("select m from StaffMember m where m.email = :email", StaffMember.class)
        .setParameter("email", email)
        .getResultStream()
        .findFirst();
  }

  private static String newToken() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
