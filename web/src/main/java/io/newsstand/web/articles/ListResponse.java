package io.newsstand.web.articles;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The shape of every list the API answers: {@code {"items": [...],
 * "nextCursor": ...}}.
 */
public record ListResponse<T>(List<T> items, @Nullable String nextCursor) {
}
