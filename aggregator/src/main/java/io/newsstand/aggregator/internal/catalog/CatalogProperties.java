package io.newsstand.aggregator.internal.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code newsstand.catalog}: {@code demo} (default), {@code world}, a
 * {@code classpath:} location or a file path of a catalog YAML file.
 */
@ConfigurationProperties("newsstand")
record CatalogProperties(@DefaultValue("demo") String catalog) {
}
