package fr.cite.platform.catalogue.domain;

import fr.cite.platform.i18n.LocalizedText;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A procedure ("démarche") of a town's catalogue: what it is, how to do it (channels), what to know
 * (documents, cost, time, contacts, links) and which procedures go with it.
 */
@Entity
@Table(name = "catalogue_procedure")
public class Procedure extends TownRecord {

  /** Whether citizens see the procedure. */
  public enum Status {
    DRAFT,
    PUBLISHED
  }

  @Column(name = "slug", length = 120, nullable = false)
  private String slug;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", length = 12, nullable = false)
  private Status status;

  @Column(name = "title_fr", length = 200, nullable = false)
  private String titleFr;

  @Column(name = "title_en", length = 200)
  private String titleEn;

  @Column(name = "summary_fr", length = 500, nullable = false)
  private String summaryFr;

  @Column(name = "summary_en", length = 500)
  private String summaryEn;

  @Column(name = "body_fr")
  private String bodyFr;

  @Column(name = "body_en")
  private String bodyEn;

  @Column(name = "keywords", length = 500)
  private String keywords;

  @Column(name = "documents_fr")
  private String documentsFr;

  @Column(name = "documents_en")
  private String documentsEn;

  @Column(name = "cost_fr", length = 300)
  private String costFr;

  @Column(name = "cost_en", length = 300)
  private String costEn;

  @Column(name = "delay_fr", length = 300)
  private String delayFr;

  @Column(name = "delay_en", length = 300)
  private String delayEn;

  @Column(name = "contact_fr", length = 500)
  private String contactFr;

  @Column(name = "contact_en", length = 500)
  private String contactEn;

  @Column(name = "editorial_rank")
  private Integer editorialRank;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
  @JoinColumn(name = "procedure_id", nullable = false)
  @OrderBy("position")
  private List<Channel> channels = new ArrayList<>();

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
  @JoinColumn(name = "procedure_id", nullable = false)
  @OrderBy("position")
  private List<UsefulLink> links = new ArrayList<>();

  @ManyToMany(fetch = FetchType.LAZY)
  @JoinTable(
      name = "catalogue_procedure_theme",
      joinColumns = @JoinColumn(name = "procedure_id"),
      inverseJoinColumns = @JoinColumn(name = "theme_id"))
  private Set<Theme> themes = new LinkedHashSet<>();

  @ManyToMany(fetch = FetchType.LAZY)
  @JoinTable(
      name = "catalogue_procedure_profile",
      joinColumns = @JoinColumn(name = "procedure_id"),
      inverseJoinColumns = @JoinColumn(name = "profile_id"))
  private Set<Audience> audiences = new LinkedHashSet<>();

  @ManyToMany(fetch = FetchType.LAZY)
  @JoinTable(
      name = "catalogue_related",
      joinColumns = @JoinColumn(name = "procedure_id"),
      inverseJoinColumns = @JoinColumn(name = "related_id"))
  private Set<Procedure> related = new LinkedHashSet<>();

  protected Procedure() {}

  public Procedure(String slug, ProcedureContent content, Instant now) {
    this.slug = Slug.require(slug);
    this.status = Status.DRAFT;
    this.createdAt = Objects.requireNonNull(now);
    rewrite(content, now);
  }

  /** Replaces what the procedure says. The body must already be sanitised. */
  public void rewrite(ProcedureContent c, Instant now) {
    this.titleFr = c.title().fr();
    this.titleEn = c.title().en();
    this.summaryFr = c.summary().fr();
    this.summaryEn = c.summary().en();
    this.bodyFr = fr(c.body());
    this.bodyEn = en(c.body());
    this.keywords = c.keywords();
    this.documentsFr = fr(c.documents());
    this.documentsEn = en(c.documents());
    this.costFr = fr(c.cost());
    this.costEn = en(c.cost());
    this.delayFr = fr(c.delay());
    this.delayEn = en(c.delay());
    this.contactFr = fr(c.contact());
    this.contactEn = en(c.contact());
    this.updatedAt = now;
  }

  public void publish(Instant now) {
    this.status = Status.PUBLISHED;
    this.updatedAt = now;
  }

  public void withdraw(Instant now) {
    this.status = Status.DRAFT;
    this.updatedAt = now;
  }

  /** Places the procedure in the editorial order of a new town's "most requested" list. */
  public void rankEditorially(Integer rank) {
    this.editorialRank = rank;
  }

  /** Replaces the channels, in the order given. */
  public void offerThrough(List<ChannelSpec> specs) {
    channels.clear();
    for (int i = 0; i < specs.size(); i++) {
      channels.add(new Channel(specs.get(i), i));
    }
  }

  public void linkTo(List<UsefulLink.LinkSpec> specs) {
    links.clear();
    for (int i = 0; i < specs.size(); i++) {
      links.add(new UsefulLink(specs.get(i), i));
    }
  }

  public void classify(Collection<Theme> newThemes, Collection<Audience> newAudiences) {
    themes.clear();
    themes.addAll(newThemes);
    audiences.clear();
    audiences.addAll(newAudiences);
  }

  /** Sets the related procedures; a procedure is never related to itself. */
  public void relateTo(Collection<Procedure> others) {
    related.clear();
    others.stream().filter(p -> p != this && !Objects.equals(p.id(), id())).forEach(related::add);
  }

  private static String fr(LocalizedText t) {
    return t == null ? null : t.fr();
  }

  private static String en(LocalizedText t) {
    return t == null ? null : t.en();
  }

  public String slug() {
    return slug;
  }

  public Optional<Integer> editorialRank() {
    return Optional.ofNullable(editorialRank);
  }

  public List<String> themeSlugs() {
    return themes.stream().map(Theme::slug).toList();
  }

  public List<String> audienceSlugs() {
    return audiences.stream().map(Audience::slug).toList();
  }

  public List<String> relatedSlugs() {
    return related.stream().map(Procedure::slug).toList();
  }

  public Status status() {
    return status;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public ProcedureContent content() {
    return new ProcedureContent(
        LocalizedText.of(titleFr, titleEn),
        LocalizedText.of(summaryFr, summaryEn),
        bodyFr == null ? null : LocalizedText.of(bodyFr, bodyEn),
        keywords,
        documentsFr == null ? null : LocalizedText.of(documentsFr, documentsEn),
        costFr == null ? null : LocalizedText.of(costFr, costEn),
        delayFr == null ? null : LocalizedText.of(delayFr, delayEn),
        contactFr == null ? null : LocalizedText.of(contactFr, contactEn));
  }

  public List<Channel> channels() {
    return List.copyOf(channels);
  }

  public List<UsefulLink> links() {
    return List.copyOf(links);
  }
}
