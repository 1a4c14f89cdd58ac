package io.eventcommerce.servicekit.rest;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list endpoint. Pages are numbered from 0; {@link #MAX_SIZE} caps the page size so no request can
 * make a service read a whole table.
 */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static final int MAX_SIZE = 100;
    public static final String DEFAULT_SIZE = "20";

    public static <T> Page<T> of(List<T> items, int page, int size, long totalItems) {
        return new Page<>(items, page, size, totalItems, (int) ((totalItems + size - 1) / size));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
