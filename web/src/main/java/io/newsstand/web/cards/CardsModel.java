package io.newsstand.web.cards;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Adds {@link Cards} as the model attribute {@code cards} to every page, so any
 * list of stories can show them through {@code tag/card.jte}.
 */
@ControllerAdvice(annotations = Controller.class)
class CardsModel {

	private final Cards cards;

	CardsModel(Cards cards) {
		this.cards = cards;
	}

	@ModelAttribute("cards")
	Cards cards() {
		return this.cards;
	}

}
