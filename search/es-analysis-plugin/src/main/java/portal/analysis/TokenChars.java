package portal.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

/**
 * Parses the {@code token_chars} setting of the n-gram tokenizers into a character test,
 * with the same character classes as analysis-common's CharMatcher.
 */
final class TokenChars {

    private TokenChars() {}

    /** A test for the characters that belong in tokens; every character when {@code classes} is empty. */
    static IntPredicate matcher(List<String> classes, String customChars) {
        if (classes.isEmpty()) {
            return c -> true;
        }
        IntPredicate matcher = c -> false;
        for (String name : classes) {
            matcher = matcher.or(charClass(name, customChars));
        }
        return matcher;
    }

    private static IntPredicate charClass(String name, String customChars) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "letter" -> ofTypes(
                Character.UPPERCASE_LETTER,
                Character.LOWERCASE_LETTER,
                Character.TITLECASE_LETTER,
                Character.MODIFIER_LETTER,
                Character.OTHER_LETTER
            );
            case "digit" -> ofTypes(Character.DECIMAL_DIGIT_NUMBER);
            case "whitespace" -> Character::isWhitespace;
            case "punctuation" -> ofTypes(
                Character.CONNECTOR_PUNCTUATION,
                Character.DASH_PUNCTUATION,
                Character.START_PUNCTUATION,
                Character.END_PUNCTUATION,
                Character.INITIAL_QUOTE_PUNCTUATION,
                Character.FINAL_QUOTE_PUNCTUATION,
                Character.OTHER_PUNCTUATION
            );
            case "symbol" -> ofTypes(Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL);
            case "custom" -> ofChars(customChars);
            default -> throw new IllegalArgumentException(
                "Unknown token type: '" + name + "', must be one of [letter, digit, whitespace, punctuation, symbol, custom]"
            );
        };
    }

    private static IntPredicate ofTypes(int... types) {
        return c -> {
            int type = Character.getType(c);
            for (int t : types) {
                if (t == type) {
                    return true;
                }
            }
            return false;
        };
    }

    private static IntPredicate ofChars(String chars) {
        if (chars.isEmpty()) {
            throw new IllegalArgumentException("Token type: 'custom' requires setting `custom_token_chars`");
        }
        Set<Integer> codePoints = chars.codePoints().boxed().collect(Collectors.toUnmodifiableSet());
        return codePoints::contains;
    }
}
