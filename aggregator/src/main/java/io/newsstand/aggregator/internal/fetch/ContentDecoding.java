package io.newsstand.aggregator.internal.fetch;

import io.newsstand.aggregator.internal.fetch.FetchResult.FailureKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Undoes a response's {@code Content-Encoding} (gzip, also when only the body's
 * magic bytes say so, or deflate with or without its zlib header), holding the
 * decompressed body to the same cap as the body on the wire.
 */
final class ContentDecoding {

	private ContentDecoding() {
	}

	static byte[] decode(byte[] body, String contentEncoding, long maxBodyBytes) throws FetchFailure {
		String encoding = contentEncoding.strip().toLowerCase(Locale.ROOT);
		boolean gzipMagic = body.length > 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
		try {
			if (encoding.equals("gzip") || encoding.equals("x-gzip") || gzipMagic) {
				return inflate(new GZIPInputStream(new ByteArrayInputStream(body)), maxBodyBytes);
			}
			if (encoding.equals("deflate")) {
				try {
					return inflate(new InflaterInputStream(new ByteArrayInputStream(body)), maxBodyBytes);
				} catch (ZipException ex) {
					// Some servers send raw deflate without the zlib header.
					return inflate(new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(true)),
							maxBodyBytes);
				}
			}
			return body;
		} catch (IOException ex) {
			throw new FetchFailure(FailureKind.NETWORK,
					"cannot decompress " + (encoding.isEmpty() ? "gzip" : encoding) + " body: " + ex.getMessage());
		}
	}

	private static byte[] inflate(InputStream in, long maxBodyBytes) throws IOException, FetchFailure {
		try (in) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[16384];
			int read;
			while ((read = in.read(buffer)) != -1) {
				if (out.size() + (long) read > maxBodyBytes) {
					throw new FetchFailure(FailureKind.TOO_LARGE,
							"decompressed body exceeds the cap of " + maxBodyBytes + " bytes");
				}
				out.write(buffer, 0, read);
			}
			return out.toByteArray();
		}
	}

}
