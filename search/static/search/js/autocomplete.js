/*
 * Search suggestions for every search box with a data-autocomplete-url: the WAI-ARIA 1.2
 * combobox pattern, "list autocomplete with manual selection"
 * (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/). Focus stays in the text box; the
 * active suggestion is announced through aria-activedescendant. Without this script the
 * box is a plain search field whose form submits as usual.
 */
(function () {
    "use strict";

    var MIN_LENGTH = 2; // search.views.AUTOCOMPLETE_MIN_LENGTH: shorter input gets no suggestions
    var DEBOUNCE_MS = 200;

    function Autocomplete(input) {
        this.input = input;
        this.listbox = document.getElementById(input.dataset.autocompleteListbox);
        this.status = document.getElementById(input.dataset.autocompleteStatus);
        this.options = [];
        this.activeIndex = -1;
        this.timer = null;
        this.request = null;

        // Set here rather than in the template: without JavaScript there is no popup to describe.
        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", this.listbox.id);

        input.addEventListener("input", this.onInput.bind(this));
        input.addEventListener("keydown", this.onKeyDown.bind(this));
        input.addEventListener("blur", this.onBlur.bind(this));
        // Keep focus (and the open list) in the text box while a suggestion is being clicked.
        this.listbox.addEventListener("mousedown", function (event) { event.preventDefault(); });
        this.listbox.addEventListener("click", this.onClick.bind(this));
    }

    Autocomplete.prototype.onInput = function () {
        var query = this.input.value.trim();
        this.cancel();
        if (query.length < MIN_LENGTH) {
            this.render([]);
            this.announce("");
            return;
        }
        this.timer = window.setTimeout(this.fetch.bind(this, query), DEBOUNCE_MS);
    };

    Autocomplete.prototype.cancel = function () {
        window.clearTimeout(this.timer);
        if (this.request) {
            this.request.abort(); // a stale answer must never replace a newer one
            this.request = null;
        }
    };

    Autocomplete.prototype.fetch = function (query) {
        var self = this;
        var request = new AbortController();
        var url = new URL(this.input.dataset.autocompleteUrl, window.location.href);
        url.searchParams.set("q", query);
        this.request = request;
        window.fetch(url, { headers: { Accept: "application/json" }, signal: request.signal })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("autocomplete answered " + response.status);
                }
                return response.json();
            })
            .then(function (data) {
                self.request = null;
                self.render(data.results);
                self.announce(self.countMessage(data.results.length));
            })
            .catch(function (error) {
                // Suggestions are a convenience: on failure the form still searches normally.
                if (error.name !== "AbortError") {
                    self.request = null;
                    self.render([]);
                }
            });
    };

    Autocomplete.prototype.countMessage = function (count) {
        var data = this.input.dataset;
        if (count === 0) {
            return data.statusNone;
        }
        return count === 1 ? data.statusOne : data.statusMany.replace("{count}", String(count));
    };

    Autocomplete.prototype.announce = function (message) {
        this.status.textContent = message;
    };

    Autocomplete.prototype.render = function (results) {
        var self = this;
        this.listbox.textContent = "";
        this.options = results.map(function (result, index) {
            var option = document.createElement("li");
            option.id = self.listbox.id + "-" + index;
            option.setAttribute("role", "option");
            option.setAttribute("aria-selected", "false");
            option.dataset.url = result.url;
            option.textContent = result.title;
            self.listbox.appendChild(option);
            return option;
        });
        this.activeIndex = -1;
        this.input.removeAttribute("aria-activedescendant");
        if (this.options.length) {
            this.open();
        } else {
            this.close();
        }
    };

    Autocomplete.prototype.isOpen = function () {
        return this.input.getAttribute("aria-expanded") === "true";
    };

    Autocomplete.prototype.open = function () {
        this.listbox.hidden = false;
        this.input.setAttribute("aria-expanded", "true");
    };

    Autocomplete.prototype.close = function () {
        this.setActive(-1);
        this.listbox.hidden = true;
        this.input.setAttribute("aria-expanded", "false");
    };

    Autocomplete.prototype.setActive = function (index) {
        if (this.activeIndex >= 0 && this.options[this.activeIndex]) {
            this.options[this.activeIndex].setAttribute("aria-selected", "false");
        }
        this.activeIndex = index;
        if (index < 0) {
            this.input.removeAttribute("aria-activedescendant");
            return;
        }
        var option = this.options[index];
        option.setAttribute("aria-selected", "true");
        this.input.setAttribute("aria-activedescendant", option.id);
        option.scrollIntoView({ block: "nearest" });
    };

    // Moves the active suggestion by `step`, wrapping around; opens the list if it was closed.
    Autocomplete.prototype.move = function (step) {
        var count = this.options.length;
        if (!count) {
            return;
        }
        if (!this.isOpen()) {
            this.open();
        }
        var start = this.activeIndex < 0 ? (step > 0 ? -1 : count) : this.activeIndex;
        this.setActive((start + step + count) % count);
    };

    Autocomplete.prototype.choose = function (option) {
        this.cancel();
        this.input.value = option.textContent;
        this.close();
        window.location.assign(option.dataset.url);
    };

    Autocomplete.prototype.onKeyDown = function (event) {
        // Shortcuts and keys that compose a character (input methods) are not ours to handle.
        if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing) {
            return;
        }
        switch (event.key) {
            case "ArrowDown":
                if (this.options.length) {
                    event.preventDefault();
                    this.move(1);
                }
                break;
            case "ArrowUp":
                if (this.options.length) {
                    event.preventDefault();
                    this.move(-1);
                }
                break;
            case "Enter":
                // With no active suggestion, Enter submits the search form as usual.
                if (this.isOpen() && this.activeIndex >= 0) {
                    event.preventDefault();
                    this.choose(this.options[this.activeIndex]);
                } else {
                    this.cancel();
                    this.close();
                }
                break;
            case "Escape":
                // The first Escape closes the list and keeps the text; the next one clears it.
                event.preventDefault();
                this.cancel();
                if (this.isOpen()) {
                    this.close();
                } else {
                    this.input.value = "";
                    this.render([]);
                    this.announce("");
                }
                break;
            case "Tab":
                this.cancel();
                this.close();
                break;
            case "ArrowLeft":
            case "ArrowRight":
            case "Home":
            case "End":
                // The caret moves in the text box, so the text box is what is active again.
                this.setActive(-1);
                break;
        }
    };

    Autocomplete.prototype.onBlur = function () {
        this.cancel(); // an answer arriving later must not open a list nobody is looking at
        this.close();
    };

    Autocomplete.prototype.onClick = function (event) {
        var option = event.target.closest("[role=option]");
        if (option) {
            this.choose(option);
        }
    };

    document.querySelectorAll("input[data-autocomplete-url]").forEach(function (input) {
        new Autocomplete(input);
    });
})();
