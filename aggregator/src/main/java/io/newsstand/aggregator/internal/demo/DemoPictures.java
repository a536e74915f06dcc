package io.newsstand.aggregator.internal.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/**
 * The demo's per-section pictures, drawn by the app itself (so there is no
 * licence to worry about): a simple scene for each section (a harbour for
 * World, a skyline for Business, a pitch for Sport, a stage for Culture, a
 * night sky for Science, a circuit board for Technology), in {@value #VARIANTS}
 * variants of colour and layout. JPEG, 1200x675, made once per picture and
 * kept.
 */
final class DemoPictures {

	static final int VARIANTS = 12;

	static final int WIDTH = 1200;

	static final int HEIGHT = 675;

	private final Map<String, byte[]> made = new ConcurrentHashMap<>();

	/**
	 * @param name
	 *            {@code <section-slug>-<variant>}
	 * @return the JPEG, or empty for an unknown section or variant
	 */
	Optional<byte[]> jpeg(String name) {
		int dash = name.lastIndexOf('-');
		if (dash < 1 || !name.substring(dash + 1).matches("\\d{1,2}")) {
			return Optional.empty();
		}
		String slug = name.substring(0, dash);
		int variant = Integer.parseInt(name.substring(dash + 1));
		if (variant >= VARIANTS || !DemoText.SECTIONS.contains(slug)) {
			return Optional.empty();
		}
		return Optional.of(this.made.computeIfAbsent(slug + "-" + variant, key -> draw(slug, variant)));
	}

	static byte[] draw(String slug, int variant) {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		SplittableRandom random = new SplittableRandom(slug.hashCode() * 31L + variant);
		float hue = (variant * 0.083f + slug.length() * 0.11f) % 1f;
		switch (slug) {
			case "business" -> DemoScenes.skyline(g, random, hue);
			case "sport" -> DemoScenes.pitch(g, random, hue);
			case "culture" -> DemoScenes.stage(g, random, hue);
			case "science" -> DemoScenes.sky(g, random, hue);
			case "technology" -> DemoScenes.circuit(g, random, hue);
			default -> harbour(g, random, hue);
		}
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		try {
			ImageIO.write(image, "jpg", out);
		} catch (IOException ex) {
			throw new UncheckedIOException("cannot encode a demo picture", ex);
		}
		return out.toByteArray();
	}

	/** World: sea, hills, a sun and boats. */
	private static void harbour(Graphics2D g, SplittableRandom random, float hue) {
		g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue, 0.45f, 0.95f), 0, HEIGHT * 0.6f,
				Color.getHSBColor((hue + 0.08f) % 1f, 0.25f, 1f)));
		g.fillRect(0, 0, WIDTH, HEIGHT);
		g.setColor(new Color(255, 236, 170));
		int sun = 90 + random.nextInt(60);
		g.fill(new Ellipse2D.Double(200 + random.nextInt(800), 60 + random.nextInt(120), sun, sun));
		for (int layer = 0; layer < 3; layer++) {
			Path2D hills = new Path2D.Double();
			hills.moveTo(0, HEIGHT);
			for (int x = 0; x <= WIDTH; x += 100) {
				hills.lineTo(x, 330 + layer * 40 - random.nextInt(90));
			}
			hills.lineTo(WIDTH, HEIGHT);
			hills.closePath();
			g.setColor(Color.getHSBColor(0.3f + layer * 0.02f, 0.35f, 0.55f - layer * 0.12f));
			g.fill(hills);
		}
		g.setPaint(new GradientPaint(0, 440, Color.getHSBColor(0.55f, 0.55f, 0.75f), 0, HEIGHT,
				Color.getHSBColor(0.58f, 0.7f, 0.35f)));
		g.fillRect(0, 440, WIDTH, HEIGHT - 440);
		for (int i = 0; i < 3 + random.nextInt(3); i++) {
			int x = 80 + random.nextInt(1000);
			int y = 480 + random.nextInt(140);
			g.setColor(Color.getHSBColor(random.nextFloat(), 0.6f, 0.85f));
			Path2D hull = new Path2D.Double();
			hull.moveTo(x, y);
			hull.lineTo(x + 110, y);
			hull.lineTo(x + 90, y + 24);
			hull.lineTo(x + 18, y + 24);
			hull.closePath();
			g.fill(hull);
			g.setColor(Color.WHITE);
			g.setStroke(new BasicStroke(3));
			g.drawLine(x + 55, y, x + 55, y - 70);
			Path2D sail = new Path2D.Double();
			sail.moveTo(x + 58, y - 68);
			sail.lineTo(x + 58, y - 6);
			sail.lineTo(x + 100, y - 6);
			sail.closePath();
			g.fill(sail);
		}
	}

}
