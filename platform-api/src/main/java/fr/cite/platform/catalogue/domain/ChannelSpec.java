package fr.cite.platform.catalogue.domain;

import fr.cite.platform.i18n.LocalizedText;

/**
 * The details of one channel, as written by the town. Which fields matter depends on the kind:
 * {@code url} for online, {@code address}, {@code hours} and {@code appointment} for a counter,
 * {@code address} for mail, {@code phone} and {@code hours} for the phone.
 */
public record ChannelSpec(
    ChannelKind kind,
    LocalizedText label,
    String url,
    String address,
    LocalizedText hours,
    boolean appointment,
    String phone,
    LocalizedText details) {

  /** Whether the online link leads to one of Cité's own e-services rather than another site. */
  public boolean internal() {
    return url != null && url.startsWith("/");
  }
}
