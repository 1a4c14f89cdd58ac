package io.eventcommerce.servicekit.rest;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list endpoint. Pages are numbered from 0; {@link #MAX_SIZE} caps the page size so no request can
 * make a service read a whole table, and {@link #MAX_PAGE} caps the page number, so no request makes the database
 * skip millions of rows for an offset (or overflows {@code page * size}). Deeper than that, a client filters.
 */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static final int MAX_SIZE = 100;
    /** The highest page number a list endpoint serves: {@code MAX_PAGE * MAX_SIZE} rows deep at most. */
    public static final int MAX_PAGE = 10_000;
    public static final String DEFAULT_SIZE = "20";

    public static <T> Page<T> of(List<T> items, int page, int size, long totalItems) {
        if (size < 1) {
            throw new IllegalArgumentException("page size " + size);
        }
        // totalItems / size rounded up, without totalItems + size overflowing, saturated to an int.
        long pages = totalItems <= 0 ? 0 : (totalItems - 1) / size + 1;
        return new Page<>(items, page, size, totalItems, (int) Math.min(Integer.MAX_VALUE, pages));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
