package fr.cite.platform.catalogue.domain;

import fr.cite.platform.i18n.LocalizedText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * One way to do a procedure, with its own details: online (a link to an external service or to one
 * of Cité's e-services), at a counter (place, address, hours, appointment or not), by mail
 * (address), by phone (number, hours).
 */
@Entity
@Table(name = "catalogue_channel")
public class Channel extends TownRecord {

  @Column(name = "position", nullable = false)
  private int position;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", length = 10, nullable = false)
  private ChannelKind kind;

  @Column(name = "label_fr", length = 200)
  private String labelFr;

  @Column(name = "label_en", length = 200)
  private String labelEn;

  @Column(name = "url", length = 500)
  private String url;

  @Column(name = "address", length = 300)
  private String address;

  @Column(name = "hours_fr", length = 300)
  private String hoursFr;

  @Column(name = "hours_en", length = 300)
  private String hoursEn;

  @Column(name = "appointment", nullable = false)
  private boolean appointment;

  @Column(name = "phone", length = 30)
  private String phone;

  @Column(name = "details_fr", length = 1000)
  private String detailsFr;

  @Column(name = "details_en", length = 1000)
  private String detailsEn;

  protected Channel() {}

  Channel(ChannelSpec spec, int position) {
    this.kind = Objects.requireNonNull(spec.kind(), "kind");
    this.position = position;
    this.labelFr = fr(spec.label());
    this.labelEn = en(spec.label());
    this.url = spec.url();
    this.address = spec.address();
    this.hoursFr = fr(spec.hours());
    this.hoursEn = en(spec.hours());
    this.appointment = spec.appointment();
    this.phone = spec.phone();
    this.detailsFr = fr(spec.details());
    this.detailsEn = en(spec.details());
  }

  private static String fr(LocalizedText t) {
    return t == null ? null : t.fr();
  }

  private static String en(LocalizedText t) {
    return t == null ? null : t.en();
  }

  private static LocalizedText text(String fr, String en) {
    return fr == null ? null : LocalizedText.of(fr, en);
  }

  public ChannelSpec spec() {
    return new ChannelSpec(
        kind,
        text(labelFr, labelEn),
        url,
        address,
        text(hoursFr, hoursEn),
        appointment,
        phone,
        text(detailsFr, detailsEn));
  }
}
