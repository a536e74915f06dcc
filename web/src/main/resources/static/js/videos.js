// Embedded videos load only when the reader asks (see VideoEmbeds): a click on the play
// button puts the player in its place. Without script the button is a link to the video.
(() => {
  "use strict";
  document.addEventListener("click", (event) => {
    const play = event.target instanceof Element ? event.target.closest("a.video-play[data-embed]") : null;
    if (!play) {
      return;
    }
    event.preventDefault();
    const player = document.createElement("iframe");
    player.src = play.dataset.embed;
    player.title = play.dataset.title || "Video";
    player.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
    player.allowFullscreen = true;
    player.referrerPolicy = "strict-origin-when-cross-origin";
    player.setAttribute("sandbox", "allow-scripts allow-same-origin allow-presentation allow-popups");
    play.replaceWith(player);
  });
})();
