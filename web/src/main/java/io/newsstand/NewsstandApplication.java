package io.newsstand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Newsstand: one app, hundreds of publishers, one membership. Its direct
 * subpackages are the application modules ({@code aggregator}, {@code billing},
 * {@code web}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class NewsstandApplication {

	public static void main(String[] args) {
		SpringApplication.run(NewsstandApplication.class, args);
	}

}
