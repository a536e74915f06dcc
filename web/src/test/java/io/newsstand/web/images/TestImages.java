package io.newsstand.web.images;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/** Image fixtures made in the test, good and hostile. */
final class TestImages {

	private TestImages() {
	}

	static byte[] jpeg(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(30, 90, 160));
		g.fillRect(0, 0, width, height);
		g.setColor(Color.ORANGE);
		g.fillOval(width / 4, height / 4, width / 2, height / 2);
		g.dispose();
		return write(image, "jpg");
	}

	static byte[] transparentPng(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(200, 30, 30, 128));
		g.fillRect(0, 0, width / 2, height);
		g.dispose();
		return write(image, "png");
	}

	static byte[] gif(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED);
		return write(image, "gif");
	}

	/**
	 * A valid PNG whose header declares {@code width x height} grey pixels, with a
	 * few bytes of compressed data: small on the wire, enormous once decoded.
	 */
	static byte[] pngBomb(int width, int height) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
		chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
				.put((byte) 0).put((byte) 0).put((byte) 0).array());
		Deflater deflater = new Deflater(9);
		deflater.setInput(new byte[1 << 20]);
		deflater.finish();
		byte[] buffer = new byte[1 << 16];
		int length = deflater.deflate(buffer);
		byte[] data = new byte[length];
		System.arraycopy(buffer, 0, data, 0, length);
		chunk(out, "IDAT", data);
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	static byte[] svg() {
		return """
				<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(document.domain)</script>
				<rect width="100" height="100" fill="red"/></svg>
				""".getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A PNG cut after its first third: the magic and header are right, the data is
	 * not. (A truncated JPEG is no test: decoders show what arrived.)
	 */
	static byte[] truncatedPng() {
		byte[] whole = transparentPng(800, 600);
		byte[] cut = new byte[whole.length / 3];
		System.arraycopy(whole, 0, cut, 0, cut.length);
		return cut;
	}

	/** The JPEG magic, then noise. */
	static byte[] garbageJpeg() {
		byte[] bytes = new byte[4096];
		new Random(17).nextBytes(bytes);
		bytes[0] = (byte) 0xFF;
		bytes[1] = (byte) 0xD8;
		bytes[2] = (byte) 0xFF;
		return bytes;
	}

	static BufferedImage read(byte[] bytes) {
		try {
			return ImageIO.read(new ByteArrayInputStream(bytes));
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		out.writeBytes(name);
		out.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	private static byte[] write(BufferedImage image, String format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
