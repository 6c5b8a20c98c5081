/* The reader's display options — high contrast and larger text — remembered on this device.
 *
 * Loaded in <head> without `defer`, so a remembered choice is applied before the first paint
 * (no flash of the default look). The buttons are shown only when this script runs: without
 * JavaScript the page keeps the default look, and the browser's own zoom and contrast settings
 * still work. Printing opens every <details> (FAQ answers, unchanged articles) so paper shows them.
 */
(function () {
    "use strict";

    var root = document.documentElement;
    var STORAGE_PREFIX = "portal-display:";

    function remembered(option) {
        try {
            return window.localStorage.getItem(STORAGE_PREFIX + option) === "on";
        } catch (error) {  // storage refused (private mode, policies): the default look
            return false;
        }
    }

    function remember(option, on) {
        try {
            window.localStorage.setItem(STORAGE_PREFIX + option, on ? "on" : "off");
        } catch (error) {
            /* the choice then lasts for this page only */
        }
    }

    ["high-contrast", "large-text"].forEach(function (option) {
        root.classList.toggle(option, remembered(option));
    });

    document.addEventListener("DOMContentLoaded", function () {
        var group = document.querySelector("[data-display-options]");
        if (!group) {
            return;
        }
        group.querySelectorAll("[data-display-option]").forEach(function (button) {
            var option = button.getAttribute("data-display-option");
            button.setAttribute("aria-pressed", String(root.classList.contains(option)));
            button.addEventListener("click", function () {
                var on = root.classList.toggle(option);
                button.setAttribute("aria-pressed", String(on));
                remember(option, on);
            });
        });
        group.hidden = false;
    });

    window.addEventListener("beforeprint", function () {
        document.querySelectorAll("details:not([open])").forEach(function (details) {
            details.open = true;
            details.setAttribute("data-opened-for-print", "");
        });
    });
    window.addEventListener("afterprint", function () {
        document.querySelectorAll("details[data-opened-for-print]").forEach(function (details) {
            details.open = false;
            details.removeAttribute("data-opened-for-print");
        });
    });
})();
