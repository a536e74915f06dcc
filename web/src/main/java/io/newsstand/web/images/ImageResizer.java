package io.newsstand.web.images;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import net.coobird.thumbnailator.Thumbnails;
import org.jspecify.annotations.Nullable;

/**
 * Turns a publisher's image into one of ours: the format is sniffed from the
 * bytes (JPEG, PNG, GIF or WebP; never SVG or anything the header merely
 * claims), the declared size is checked before a pixel is decoded, large
 * sources are decoded subsampled, and the result is re-encoded (JPEG, or PNG
 * when the image has transparency) at most as wide as asked, never wider than
 * the source. Decoding is TwelveMonkeys' ImageIO plug-ins (CMYK JPEG, WebP);
 * resizing is Thumbnailator's multi-step scaling.
 */
final class ImageResizer {

	/** What one resize came to. */
	sealed interface Outcome {

		record Resized(byte[] bytes, String contentType) implements Outcome {
		}

		record Rejected(String reason) implements Outcome {
		}

	}

	static {
		// Boot's fat jar puts the plug-ins on the application class path, which
		// ImageIO scans once, maybe before they were visible; scanning again is cheap.
		ImageIO.scanForPlugins();
		ImageIO.setUseCache(false);
	}

	private final long maxPixels;

	private final long maxDecodedPixels;

	private final float jpegQuality;

	ImageResizer(long maxPixels, long maxDecodedPixels, float jpegQuality) {
		this.maxPixels = maxPixels;
		this.maxDecodedPixels = maxDecodedPixels;
		this.jpegQuality = jpegQuality;
	}

	Outcome resize(byte[] source, int width) {
		String format = sniff(source);
		if (format == null) {
			return new Outcome.Rejected("not a JPEG, PNG, GIF or WebP image");
		}
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
		if (!readers.hasNext()) {
			return new Outcome.Rejected("no decoder for " + format);
		}
		ImageReader reader = readers.next();
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(source))) {
			reader.setInput(in, true, true);
			long sourceWidth = reader.getWidth(0);
			long sourceHeight = reader.getHeight(0);
			if (sourceWidth <= 0 || sourceHeight <= 0 || sourceWidth * sourceHeight > this.maxPixels) {
				return new Outcome.Rejected("image declares " + sourceWidth + "x" + sourceHeight
						+ " pixels, more than the limit of " + this.maxPixels);
			}
			ImageReadParam param = reader.getDefaultReadParam();
			int step = subsampling(sourceWidth, sourceHeight, width);
			param.setSourceSubsampling(step, step, 0, 0);
			BufferedImage image = reader.read(0, param);
			return encode(image, width);
		} catch (IOException | RuntimeException ex) {
			// A truncated or malformed file: the decoders say so with IIOException or,
			// for some corruptions, an unchecked exception from deep inside.
			return new Outcome.Rejected("broken " + format + " image: " + ex.getClass().getSimpleName()
					+ (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
		} finally {
			reader.dispose();
		}
	}

	/**
	 * Every n-th pixel: enough to keep twice the target width for a smooth
	 * downscale, and never more than {@code maxDecodedPixels} in memory.
	 */
	int subsampling(long sourceWidth, long sourceHeight, int width) {
		int step = (int) Math.max(1, sourceWidth / (2L * width));
		while (ceil(sourceWidth, step) * ceil(sourceHeight, step) > this.maxDecodedPixels) {
			step++;
		}
		return step;
	}

	private static long ceil(long value, int step) {
		return (value + step - 1) / step;
	}

	private Outcome encode(BufferedImage image, int width) throws IOException {
		int target = Math.min(width, image.getWidth());
		boolean alpha = image.getColorModel().hasAlpha();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Thumbnails.Builder<BufferedImage> builder = Thumbnails.of(image).width(target);
		if (alpha) {
			builder.outputFormat("png").toOutputStream(out);
			return new Outcome.Resized(out.toByteArray(), "image/png");
		}
		builder.imageType(BufferedImage.TYPE_INT_RGB).outputFormat("jpg").outputQuality(this.jpegQuality)
				.toOutputStream(out);
		return new Outcome.Resized(out.toByteArray(), "image/jpeg");
	}

	/** The ImageIO format name of the bytes, from their magic numbers. */
	static @Nullable String sniff(byte[] bytes) {
		if (starts(bytes, 0, 0xFF, 0xD8, 0xFF)) {
			return "jpeg";
		}
		if (starts(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return "png";
		}
		if (starts(bytes, 0, 'G', 'I', 'F', '8') && bytes.length > 5 && (bytes[4] == '7' || bytes[4] == '9')
				&& bytes[5] == 'a') {
			return "gif";
		}
		if (starts(bytes, 0, 'R', 'I', 'F', 'F') && starts(bytes, 8, 'W', 'E', 'B', 'P')) {
			return "webp";
		}
		return null;
	}

	private static boolean starts(byte[] bytes, int offset, int... magic) {
		if (bytes.length < offset + magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((bytes[offset + i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}

}
