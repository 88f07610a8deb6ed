package fr.cite.platform.town.application;

/** A logo without its bytes: enough to build its URL (versioned by hash) and its img tag. */
public record LogoInfo(String sha256, String contentType, int width, int height) {

  /** Path of the logo on the town's host; the version makes it cacheable forever. */
  public String path() {
    return "/api/v1/town/logo?v=" + sha256.substring(0, 12);
  }
}
