package io.newsstand.web.images;

import io.newsstand.aggregator.MediaFetch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One 1200x675 JPEG (the demo pictures' size) asked for at 640 px: a cache hit
 * through the whole proxy (signature check, disk cache read) against the resize
 * a miss costs (decode, scale, encode; the fetch left out). Run by
 * {@link ImageProxyBenchmarkTest}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ImageProxyBenchmark {

	private byte[] source;

	private ImageProxy proxy;

	private ImageResizer resizer;

	private String[] link;

	@Setup
	public void setUp() throws IOException {
		this.source = TestImages.jpeg(1200, 675);
		ImageLinks links = new ImageLinks("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
		Path cache = Files.createTempDirectory("image-proxy-benchmark");
		this.resizer = new ImageResizer(50_000_000, 8_000_000, 0.82f);
		this.proxy = new ImageProxy(links, (url, accept) -> new MediaFetch.Fetched(this.source, "image/jpeg"),
				new ImageCache(cache, 100_000_000, InstantSource.system()), this.resizer, 4);
		this.link = links.src("https://cdn.example.org/harbour.jpg", 640).split("/");
		if (!(this.proxy.answer(this.link[2], this.link[3], this.link[4]) instanceof ImageProxy.Answer.Image)) {
			throw new IllegalStateException("the benchmark image was not resized");
		}
	}

	@Benchmark
	public Object cachedHit() {
		return this.proxy.answer(this.link[2], this.link[3], this.link[4]);
	}

	@Benchmark
	public Object resize() {
		return this.resizer.resize(this.source, 640);
	}

}
