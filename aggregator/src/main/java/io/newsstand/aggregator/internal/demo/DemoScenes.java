package io.newsstand.aggregator.internal.demo;

import static io.newsstand.aggregator.internal.demo.DemoPictures.HEIGHT;
import static io.newsstand.aggregator.internal.demo.DemoPictures.WIDTH;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.util.SplittableRandom;

/** The scenes of the demo pictures other than World's. */
final class DemoScenes {

	private DemoScenes() {
	}

	/** Business: a city skyline at dusk with lit windows. */
	static void skyline(Graphics2D g, SplittableRandom random, float hue) {
		g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue, 0.6f, 0.35f), 0, HEIGHT,
				Color.getHSBColor((hue + 0.1f) % 1f, 0.5f, 0.9f)));
		g.fillRect(0, 0, WIDTH, HEIGHT);
		int x = 0;
		while (x < WIDTH) {
			int width = 70 + random.nextInt(90);
			int top = 160 + random.nextInt(300);
			g.setColor(Color.getHSBColor(0.62f, 0.25f, 0.18f + random.nextFloat() * 0.12f));
			g.fillRect(x, top, width - 6, HEIGHT - top);
			g.setColor(new Color(255, 220, 140));
			for (int wy = top + 14; wy < HEIGHT - 20; wy += 26) {
				for (int wx = x + 10; wx < x + width - 22; wx += 20) {
					if (random.nextInt(3) == 0) {
						g.fillRect(wx, wy, 9, 12);
					}
				}
			}
			x += width;
		}
	}

	/** Sport: a pitch from above, with its markings and a ball. */
	static void pitch(Graphics2D g, SplittableRandom random, float hue) {
		float green = 0.27f + (hue - 0.5f) * 0.04f;
		for (int stripe = 0; stripe < 12; stripe++) {
			g.setColor(Color.getHSBColor(green, 0.6f, stripe % 2 == 0 ? 0.55f : 0.62f));
			g.fillRect(stripe * 100, 0, 100, HEIGHT);
		}
		g.setColor(new Color(255, 255, 255, 220));
		g.setStroke(new BasicStroke(6));
		g.drawRect(60, 50, WIDTH - 120, HEIGHT - 100);
		g.drawLine(WIDTH / 2, 50, WIDTH / 2, HEIGHT - 50);
		g.draw(new Ellipse2D.Double(WIDTH / 2.0 - 90, HEIGHT / 2.0 - 90, 180, 180));
		g.drawRect(60, HEIGHT / 2 - 140, 150, 280);
		g.drawRect(WIDTH - 210, HEIGHT / 2 - 140, 150, 280);
		int bx = 200 + random.nextInt(800);
		int by = 120 + random.nextInt(400);
		g.setColor(new Color(0, 0, 0, 60));
		g.fill(new Ellipse2D.Double(bx + 8, by + 10, 44, 20));
		g.setColor(Color.WHITE);
		g.fill(new Ellipse2D.Double(bx, by - 20, 44, 44));
		g.setColor(Color.getHSBColor(hue, 0.8f, 0.5f));
		g.fill(new Ellipse2D.Double(bx + 14, by - 6, 16, 16));
	}

	/** Culture: a stage between curtains under a spotlight. */
	static void stage(Graphics2D g, SplittableRandom random, float hue) {
		g.setColor(new Color(20, 14, 24));
		g.fillRect(0, 0, WIDTH, HEIGHT);
		float spot = 300 + random.nextInt(600);
		g.setPaint(new RadialGradientPaint(new Point2D.Float(spot, 470), 380, new float[]{0f, 1f},
				new Color[]{new Color(255, 240, 200, 230), new Color(255, 240, 200, 0)}));
		g.fillRect(0, 0, WIDTH, HEIGHT);
		g.setColor(new Color(90, 60, 40));
		g.fillRect(0, 560, WIDTH, HEIGHT - 560);
		Color curtain = Color.getHSBColor((0.97f + hue * 0.1f) % 1f, 0.8f, 0.6f);
		for (int side = 0; side < 2; side++) {
			for (int fold = 0; fold < 6; fold++) {
				int x = side == 0 ? fold * 40 : WIDTH - 240 + fold * 40;
				g.setPaint(new GradientPaint(x, 0, curtain, x + 40, 0, curtain.darker().darker()));
				g.fillRect(x, 0, 40, 600);
			}
		}
		g.setColor(curtain.darker());
		g.fillRect(0, 0, WIDTH, 70);
		g.setColor(new Color(30, 20, 30));
		int figure = (int) spot - 30;
		g.fill(new Ellipse2D.Double(figure + 10, 380, 40, 40));
		g.fillRect(figure, 420, 60, 140);
	}

	/** Science: a night sky with stars and a ringed planet. */
	static void sky(Graphics2D g, SplittableRandom random, float hue) {
		g.setPaint(new GradientPaint(0, 0, new Color(5, 8, 30), 0, HEIGHT, Color.getHSBColor(0.66f, 0.7f, 0.3f)));
		g.fillRect(0, 0, WIDTH, HEIGHT);
		for (int i = 0; i < 260; i++) {
			int size = 1 + random.nextInt(3);
			g.setColor(new Color(255, 255, 255, 120 + random.nextInt(135)));
			g.fillRect(random.nextInt(WIDTH), random.nextInt(HEIGHT), size, size);
		}
		int px = 250 + random.nextInt(700);
		int py = 180 + random.nextInt(250);
		Color planet = Color.getHSBColor(hue, 0.5f, 0.9f);
		g.setPaint(new RadialGradientPaint(new Point2D.Float(px - 40, py - 40), 170, new float[]{0f, 1f},
				new Color[]{planet, planet.darker().darker()}));
		g.fill(new Ellipse2D.Double(px - 110, py - 110, 220, 220));
		g.setColor(new Color(230, 220, 190, 200));
		g.setStroke(new BasicStroke(10));
		g.draw(new Ellipse2D.Double(px - 200, py - 35, 400, 70));
		g.setColor(new Color(40, 50, 60));
		Path2D ridge = new Path2D.Double();
		ridge.moveTo(0, HEIGHT);
		for (int x = 0; x <= WIDTH; x += 60) {
			ridge.lineTo(x, HEIGHT - 60 - random.nextInt(70));
		}
		ridge.lineTo(WIDTH, HEIGHT);
		ridge.closePath();
		g.fill(ridge);
	}

	/** Technology: a circuit board with traces, pads and a chip. */
	static void circuit(Graphics2D g, SplittableRandom random, float hue) {
		g.setColor(Color.getHSBColor((0.38f + hue * 0.15f) % 1f, 0.7f, 0.3f));
		g.fillRect(0, 0, WIDTH, HEIGHT);
		g.setStroke(new BasicStroke(5, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		Color copper = new Color(214, 170, 80);
		for (int i = 0; i < 40; i++) {
			int x = random.nextInt(WIDTH / 40) * 40;
			int y = random.nextInt(HEIGHT / 40) * 40;
			Path2D trace = new Path2D.Double();
			trace.moveTo(x, y);
			int length = 80 + random.nextInt(240);
			int bend = 40 + random.nextInt(120);
			trace.lineTo(x + bend, y);
			trace.lineTo(x + bend + 40, y + (random.nextBoolean() ? 40 : -40));
			trace.lineTo(x + length, y + (random.nextBoolean() ? 40 : -40));
			g.setColor(copper);
			g.draw(trace);
			g.fill(new Ellipse2D.Double(x - 7, y - 7, 14, 14));
		}
		int cx = 380 + random.nextInt(300);
		int cy = 200 + random.nextInt(150);
		g.setColor(new Color(30, 30, 34));
		g.fillRoundRect(cx, cy, 260, 200, 16, 16);
		g.setColor(new Color(190, 190, 200));
		for (int pin = 0; pin < 9; pin++) {
			g.fillRect(cx + 16 + pin * 27, cy - 16, 10, 16);
			g.fillRect(cx + 16 + pin * 27, cy + 200, 10, 16);
		}
		g.setColor(Color.getHSBColor(hue, 0.3f, 0.8f));
		g.fill(new Ellipse2D.Double(cx + 20, cy + 20, 18, 18));
	}

}
