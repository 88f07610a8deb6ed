package fr.cite.it.support;

/** What a citizen's browser says it is: page views are counted only for browsers, not robots. */
public final class UsageCountingBrowser {

  public static final String UA =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

  private UsageCountingBrowser() {}
}
