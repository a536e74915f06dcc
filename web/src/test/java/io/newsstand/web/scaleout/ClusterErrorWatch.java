package io.newsstand.web.scaleout;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Collects every log line (with its causes) that shows an operation Redis
 * Cluster refuses or that Lettuce failed to route: a test on the cluster fails
 * when any was logged, including errors of background work (pollers, listeners,
 * schedulers) that no HTTP answer shows.
 */
final class ClusterErrorWatch extends AppenderBase<ILoggingEvent> {

	static final List<String> SIGNS = List.of("CROSSSLOT", "MOVED", "ASK ", "non local key", "TRYAGAIN",
			"InvalidDataAccessApiUsageException", "not known in the cluster view", "ClusterCommandExecutionFailure",
			"not supported in cluster mode", "SELECT is not allowed");

	private final List<String> seen = new CopyOnWriteArrayList<>();

	static ClusterErrorWatch install() {
		ClusterErrorWatch watch = new ClusterErrorWatch();
		watch.setName("cluster-error-watch");
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		watch.setContext(root.getLoggerContext());
		watch.start();
		root.addAppender(watch);
		return watch;
	}

	/**
	 * Attaches again: a context started after another closed resets the logging and
	 * drops every appender.
	 */
	void attach() {
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		if (root.getAppender(getName()) == null) {
			setContext(root.getLoggerContext());
			start();
			root.addAppender(this);
		}
	}

	void uninstall() {
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(this);
		stop();
	}

	List<String> seen() {
		return List.copyOf(this.seen);
	}

	@Override
	protected void append(ILoggingEvent event) {
		StringBuilder text = new StringBuilder(event.getFormattedMessage());
		for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
			text.append(" | ").append(cause.getClassName()).append(": ").append(cause.getMessage());
		}
		String line = text.toString();
		if (SIGNS.stream().anyMatch(line::contains)) {
			this.seen.add(event.getLoggerName() + ": " + line);
		}
	}

}
