package io.newsstand.web.images;

import io.newsstand.web.images.ImageProxy.Answer;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

/**
 * {@code GET /img/<signature>/<width>/<base64url(url)>}: the image proxy (see
 * docs/images.md). 403 for a bad signature or a private address, 502 for what
 * the publisher sent that is no acceptable image, 504 for a timeout; never a
 * publisher's bytes as they came.
 */
@Controller
class ImageProxyController {

	private final ImageProxy proxy;

	private final CacheControl cacheControl;

	ImageProxyController(ImageProxy proxy, ImageProperties properties) {
		this.proxy = proxy;
		this.cacheControl = CacheControl.maxAge(properties.maxAge()).cachePublic().immutable();
	}

	@GetMapping("/img/{signature}/{width}/{url}")
	ResponseEntity<byte[]> image(@PathVariable String signature, @PathVariable String width, @PathVariable String url,
			WebRequest request) {
		return switch (this.proxy.answer(signature, width, url)) {
			case Answer.Image(ImageCache.Entry entry) -> {
				if (request.checkNotModified(entry.etag(), entry.made().toEpochMilli())) {
					yield ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(entry.etag())
							.cacheControl(this.cacheControl).build();
				}
				yield ResponseEntity.ok().contentType(MediaType.parseMediaType(entry.contentType())).eTag(entry.etag())
						.lastModified(entry.made()).cacheControl(this.cacheControl)
						.header(HttpHeaders.CONTENT_DISPOSITION, "inline").body(entry.bytes());
			}
			case Answer.Refusal(int status, String reason) ->
				ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).cacheControl(CacheControl.noStore())
						.body(message(status).getBytes(StandardCharsets.UTF_8));
		};
	}

	/** What the reader's browser is told; the details go to the log only. */
	private static String message(int status) {
		return switch (status) {
			case 403 -> "This image link is not valid, or points to an address the proxy does not fetch.\n";
			case 504 -> "The publisher's server did not send the image in time.\n";
			case 503 -> "Too many images are being prepared; try again in a moment.\n";
			default -> "The publisher's server did not send an image we can show.\n";
		};
	}

}
