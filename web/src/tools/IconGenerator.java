import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the app's icons (a white "N" on the accent blue) into
 * web/src/main/resources/static. Run once when the mark changes, from the
 * repository root: {@code java web/src/tools/IconGenerator.java}. Shapes only,
 * so the result does not depend on the fonts of the machine that runs it.
 */
public class IconGenerator {

	static final Color ACCENT = new Color(0x0b5cad);

	public static void main(String[] args) throws IOException {
		Path statics = Path.of("web/src/main/resources/static");
		Path icons = statics.resolve("icons");
		Files.createDirectories(icons);
		ImageIO.write(icon(192, false), "png", icons.resolve("icon-192.png").toFile());
		ImageIO.write(icon(512, false), "png", icons.resolve("icon-512.png").toFile());
		ImageIO.write(icon(192, true), "png", icons.resolve("maskable-192.png").toFile());
		ImageIO.write(icon(512, true), "png", icons.resolve("maskable-512.png").toFile());
		// iOS draws its own rounded corners: a full square.
		ImageIO.write(icon(180, true), "png", icons.resolve("apple-touch-icon.png").toFile());
		Files.write(statics.resolve("favicon.ico"), ico(List.of(icon(16, false), icon(32, false), icon(48, false))));
	}

	/**
	 * Maskable icons fill the square and keep the mark inside the central 80%
	 * circle that launchers may crop to; the others are a rounded square.
	 */
	static BufferedImage icon(int size, boolean maskable) {
		BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
		g.setColor(ACCENT);
		if (maskable) {
			g.fillRect(0, 0, size, size);
		}
		else {
			double arc = size * 0.22;
			g.fill(new RoundRectangle2D.Double(0, 0, size, size, arc, arc));
		}
		double glyph = size * (maskable ? 0.46 : 0.62);
		double left = (size - glyph) / 2;
		double top = (size - glyph) / 2;
		double stem = glyph * 0.2;
		Path2D n = new Path2D.Double();
		n.moveTo(left, top + glyph);
		n.lineTo(left, top);
		n.lineTo(left + stem, top);
		n.lineTo(left + glyph - stem, top + glyph * 0.68);
		n.lineTo(left + glyph - stem, top);
		n.lineTo(left + glyph, top);
		n.lineTo(left + glyph, top + glyph);
		n.lineTo(left + glyph - stem, top + glyph);
		n.lineTo(left + stem, top + glyph * 0.32);
		n.lineTo(left + stem, top + glyph);
		n.closePath();
		g.setColor(Color.WHITE);
		g.fill(n);
		g.setStroke(new BasicStroke(1f));
		g.dispose();
		return image;
	}

	/** An ICO file holding PNG images (read by every browser since 2007). */
	static byte[] ico(List<BufferedImage> images) throws IOException {
		List<byte[]> pngs = new ArrayList<>();
		for (BufferedImage image : images) {
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			ImageIO.write(image, "png", png);
			pngs.add(png.toByteArray());
		}
		int offset = 6 + 16 * pngs.size();
		int total = offset + pngs.stream().mapToInt(p -> p.length).sum();
		ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
		out.putShort((short) 0).putShort((short) 1).putShort((short) pngs.size());
		for (int i = 0; i < pngs.size(); i++) {
			int size = images.get(i).getWidth();
			out.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size)).put((byte) 0).put((byte) 0);
			out.putShort((short) 1).putShort((short) 32).putInt(pngs.get(i).length).putInt(offset);
			offset += pngs.get(i).length;
		}
		pngs.forEach(out::put);
		return out.array();
	}

}
