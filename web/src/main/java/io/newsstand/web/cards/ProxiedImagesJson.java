package io.newsstand.web.cards;

import io.newsstand.aggregator.ArticleSummary;
import io.newsstand.web.images.ImageLinks;
import io.newsstand.web.search.SearchItem;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.ValueSerializerModifier;
import tools.jackson.databind.util.NameTransformer;

/**
 * Every story the site answers as JSON (lists, search results, the front page,
 * saved and history) carries its lead picture through the image proxy, as the
 * cards on the pages do: {@code image} is {@code {"url", "src", "srcset"}} (the
 * publisher's address for attribution, then this site's proxied copies) or
 * null. An app that shows {@code src} tells no publisher who reads what.
 * <p>
 * A Jackson module on the site's own mapper, so no controller can forget it:
 * the story's own fields are written as they are, then {@code image}. Nothing
 * stores stories with this mapper (the article store has its own), so the
 * signed addresses never reach Redis.
 */
@Component
class ProxiedImagesJson extends SimpleModule {

	/** The stories that carry a picture, and where each keeps its address. */
	private static final Map<Class<?>, Function<Object, @Nullable String>> PICTURES = Map.of(ArticleSummary.class,
			story -> ((ArticleSummary) story).imageUrl(), SearchItem.class, item -> ((SearchItem) item).imageUrl());

	ProxiedImagesJson(ObjectProvider<ImageLinks> links) {
		super("newsstand-proxied-images");
		// The ImageLinks bean is looked up when the first story is written (the mapper
		// itself is made before the image key is read from Redis), then kept.
		Supplier<ImageLinks> imageLinks = SingletonSupplier.of(links::getObject);
		setSerializerModifier(new ValueSerializerModifier() {
			@Override
			public ValueSerializer<?> modifySerializer(SerializationConfig config, BeanDescription.Supplier bean,
					ValueSerializer<?> serializer) {
				Function<Object, @Nullable String> picture = PICTURES.get(bean.getBeanClass());
				return (picture != null)
						? new WithImage(serializer.unwrappingSerializer(NameTransformer.NOP), picture, imageLinks)
						: serializer;
			}
		});
	}

	/** The story's own fields, unwrapped into one object with {@code image}. */
	private static final class WithImage extends ValueSerializer<Object> {

		private final ValueSerializer<Object> fields;

		private final Function<Object, @Nullable String> picture;

		private final Supplier<ImageLinks> links;

		@SuppressWarnings("unchecked")
		WithImage(ValueSerializer<?> fields, Function<Object, @Nullable String> picture, Supplier<ImageLinks> links) {
			this.fields = (ValueSerializer<Object>) fields;
			this.picture = picture;
			this.links = links;
		}

		@Override
		public void resolve(SerializationContext context) {
			this.fields.resolve(context);
		}

		@Override
		public ValueSerializer<?> createContextual(SerializationContext context, BeanProperty property) {
			ValueSerializer<?> contextual = this.fields.createContextual(context, property);
			return (contextual == this.fields) ? this : new WithImage(contextual, this.picture, this.links);
		}

		@Override
		public void serialize(Object value, JsonGenerator generator, SerializationContext context) {
			generator.writeStartObject(value);
			this.fields.serialize(value, generator, context);
			generator.writeName("image");
			String url = this.picture.apply(value);
			ImageLinks links = this.links.get();
			String src = links.src(url, Card.IMAGE_WIDTH);
			if (url == null || src == null) {
				generator.writeNull();
			} else {
				generator.writeStartObject();
				generator.writeStringProperty("url", url);
				generator.writeStringProperty("src", src);
				generator.writeStringProperty("srcset", links.srcset(url));
				generator.writeEndObject();
			}
			generator.writeEndObject();
		}

	}

}
