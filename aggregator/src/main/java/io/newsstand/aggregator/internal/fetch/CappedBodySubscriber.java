package io.newsstand.aggregator.internal.fetch;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * Collects a response body, giving up (and cancelling the download) as soon as
 * it grows past the cap, so a huge body never sits in memory.
 */
final class CappedBodySubscriber implements BodySubscriber<byte[]> {

	static final class BodyTooLargeException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		BodyTooLargeException(String message) {
			super(message, null, false, false);
		}

	}

	private final long maxBytes;

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	private final CompletableFuture<byte[]> result = new CompletableFuture<>();

	private Flow.@Nullable Subscription subscription;

	CappedBodySubscriber(long maxBytes, long declaredLength) {
		this.maxBytes = maxBytes;
		if (declaredLength > maxBytes) {
			this.result.completeExceptionally(new BodyTooLargeException(
					"Content-Length " + declaredLength + " exceeds the cap of " + maxBytes + " bytes"));
		}
	}

	@Override
	public CompletionStage<byte[]> getBody() {
		return this.result;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		if (this.result.isDone()) {
			subscription.cancel();
		} else {
			subscription.request(Long.MAX_VALUE);
		}
	}

	@Override
	public void onNext(List<ByteBuffer> buffers) {
		if (this.result.isDone()) {
			return;
		}
		for (ByteBuffer buffer : buffers) {
			int length = buffer.remaining();
			if (this.bytes.size() + (long) length > this.maxBytes) {
				this.result.completeExceptionally(
						new BodyTooLargeException("body exceeds the cap of " + this.maxBytes + " bytes"));
				if (this.subscription != null) {
					this.subscription.cancel();
				}
				return;
			}
			byte[] chunk = new byte[length];
			buffer.get(chunk);
			this.bytes.write(chunk, 0, length);
		}
	}

	@Override
	public void onError(Throwable throwable) {
		this.result.completeExceptionally(throwable);
	}

	@Override
	public void onComplete() {
		this.result.complete(this.bytes.toByteArray());
	}

}
