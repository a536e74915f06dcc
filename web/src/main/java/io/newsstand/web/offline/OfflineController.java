package io.newsstand.web.offline;

import io.newsstand.web.layout.Assets;
import io.newsstand.web.layout.Site;
import io.newsstand.web.layout.SiteModel;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web app manifest, the service worker and the offline page. The worker's
 * script names the fingerprinted shell files, so a new stylesheet or script
 * changes its bytes and browsers install the new worker (which drops the old
 * shell cache).
 */
@Controller
class OfflineController {

	static final MediaType MANIFEST = MediaType.parseMediaType("application/manifest+json");

	static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");

	/** The accent blue of the stylesheet and the icons. */
	static final String THEME_COLOR = "#0b5cad";

	private final Assets assets;

	private final JsonMapper json;

	private final SiteModel siteModel;

	private final String workerTemplate;

	OfflineController(Assets assets, JsonMapper json, SiteModel siteModel) {
		this.assets = assets;
		this.json = json;
		this.siteModel = siteModel;
		try {
			this.workerTemplate = new ClassPathResource("offline/sw.js").getContentAsString(StandardCharsets.UTF_8);
		} catch (IOException ex) {
			throw new UncheckedIOException("offline/sw.js is missing from the jar", ex);
		}
	}

	@GetMapping("/manifest.webmanifest")
	ResponseEntity<String> manifest() {
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("id", "/");
		manifest.put("name", "Newsstand");
		manifest.put("short_name", "Newsstand");
		manifest.put("description", "Hundreds of publishers, one membership. Saved articles stay readable offline.");
		manifest.put("start_url", "/?source=pwa");
		manifest.put("scope", "/");
		manifest.put("display", "standalone");
		manifest.put("background_color", "#fdfcfa");
		manifest.put("theme_color", THEME_COLOR);
		manifest.put("icons",
				List.of(icon("/icons/icon-192.png", "192x192", "any"), icon("/icons/icon-512.png", "512x512", "any"),
						icon("/icons/maskable-192.png", "192x192", "maskable"),
						icon("/icons/maskable-512.png", "512x512", "maskable")));
		return ResponseEntity.ok().contentType(MANIFEST).cacheControl(CacheControl.noCache())
				.body(this.json.writeValueAsString(manifest));
	}

	private Map<String, String> icon(String path, String sizes, String purpose) {
		return Map.of("src", this.assets.url(path), "sizes", sizes, "type", "image/png", "purpose", purpose);
	}

	/**
	 * Revalidated on every check (browsers look for a new worker on navigations),
	 * served from the root so that its scope is the whole site.
	 */
	@GetMapping("/sw.js")
	ResponseEntity<String> serviceWorker() {
		List<String> shell = shell();
		String script = this.workerTemplate.replace("'__SHELL__'", this.json.writeValueAsString(shell))
				.replace("__VERSION__", Integer.toHexString(String.join(" ", shell).hashCode()));
		return ResponseEntity.ok().contentType(JAVASCRIPT).cacheControl(CacheControl.noCache()).body(script);
	}

	List<String> shell() {
		return List.of("/offline", this.assets.url("/css/site.css"), this.assets.url("/js/offline.js"),
				this.assets.url("/icons/icon-192.png"), "/favicon.ico");
	}

	/**
	 * The page the worker shows for a page it cannot fetch nor find on the device.
	 * It is cached once for everyone, so it is rendered as for an anonymous reader
	 * (no name, no token); its script lists what this device holds.
	 */
	@GetMapping("/offline")
	String offline(HttpServletRequest request, Model model) {
		Site site = this.siteModel.anonymous(request);
		model.addAttribute("site", site);
		return "offline/offline";
	}

}
