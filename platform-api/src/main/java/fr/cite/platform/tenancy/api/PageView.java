package fr.cite.platform.tenancy.api;

import java.util.List;

/** One page of a list: the items, where the page is, and how many there are in all. */
public record PageView<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

  public static <T> PageView<T> of(List<T> items, int page, int size, long total) {
    return new PageView<>(items, page, size, total, (total + size - 1) / size);
  }
}
