package io.newsstand.web.offline;

import io.newsstand.web.startup.InvalidSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reading offline.
 *
 * @param savedArticles
 *            how many of a member's newest saved articles the service worker
 *            keeps on the device in full
 */
@ConfigurationProperties("newsstand.offline")
public record OfflineProperties(@DefaultValue("50") int savedArticles) {

	public OfflineProperties {
		if (savedArticles < 0 || savedArticles > 500) {
			throw new InvalidSettingException("newsstand.offline.saved-articles",
					"is " + savedArticles + ", outside 0 to 500", "Set it to how many saved articles a device keeps.");
		}
	}

}
