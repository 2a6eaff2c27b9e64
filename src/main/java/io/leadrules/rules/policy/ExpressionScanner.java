package io.leadrules.rules.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the text Drools will compile (a constraint for MVEL, a consequence for Java) into tokens, so
 * {@link ExpressionCheck} can hold them to the rules vocabulary. Deliberately blunt where Java and MVEL might read
 * the text differently: anything outside quoted text that is not plain ASCII, a backslash, or (where
 * {@code comments} is false) a comment comes out as a {@link Kind#INVALID} token, and so is refused.
 */
final class ExpressionScanner {

    enum Kind { NAME, NUMBER, TEXT, SYMBOL, INVALID }

    /** {@code offset} is the token's index in the scanned text; for INVALID tokens {@code text} says why. */
    record Token(Kind kind, String text, int offset) {

        boolean is(String symbolOrName) {
            return (kind == Kind.SYMBOL || kind == Kind.NAME) && text.equals(symbolOrName);
        }
    }

    /** Longest first, so {@code <=} is one token and not {@code <} then {@code =}. */
    private static final List<String> SYMBOLS = List.of(
            ">>>=", "<<=", ">>=", ">>>",
            "==", "!=", "<=", ">=", "&&", "||", "->", "::", ":=", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=",
            "|=", "^=", "<<", ">>", "?.", "!.");

    private ExpressionScanner() {
    }

    /**
     * @param comments whether {@code //} and {@code /*} comments are skipped (Java consequences) or refused (MVEL
     *                 constraints, whose comment rules we do not want to second-guess)
     */
    static List<Token> scan(String text, boolean comments) {
        List<Token> tokens = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            char next = i + 1 < n ? text.charAt(i + 1) : '\0';
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                i++;
            } else if (c == '/' && (next == '/' || next == '*')) {
                if (!comments) {
                    tokens.add(new Token(Kind.INVALID, "a comment inside a condition (put it above the rule)", i));
                    return tokens;
                }
                int end = next == '/' ? lineEnd(text, i) : text.indexOf("*/", i + 2);
                if (end < 0) {
                    tokens.add(new Token(Kind.INVALID, "an unterminated comment", i));
                    return tokens;
                }
                i = next == '/' ? end : end + 2;
            } else if (c == '"' || c == '\'') {
                int end = quoteEnd(text, i);
                if (end < 0) {
                    tokens.add(new Token(Kind.INVALID, "an unterminated quoted text", i));
                    return tokens;
                }
                tokens.add(new Token(Kind.TEXT, text.substring(i, end + 1), i));
                i = end + 1;
            } else if (c >= '0' && c <= '9') {
                int end = numberEnd(text, i);
                tokens.add(new Token(Kind.NUMBER, text.substring(i, end), i));
                i = end;
            } else if (isNameStart(c)) {
                int end = i + 1;
                while (end < n && isNamePart(text.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(Kind.NAME, text.substring(i, end), i));
                i = end;
            } else if (c > 0x7e || c < 0x20) {
                tokens.add(new Token(Kind.INVALID, "the character U+" + String.format("%04X", (int) c)
                        + " outside quoted text (only plain ASCII there)", i));
                return tokens;
            } else if (c == '\\') {
                tokens.add(new Token(Kind.INVALID, "a backslash outside quoted text", i));
                return tokens;
            } else {
                String symbol = symbolAt(text, i);
                tokens.add(new Token(Kind.SYMBOL, symbol, i));
                i += symbol.length();
            }
        }
        return tokens;
    }

    /** Where a {@code //} comment ends: the first line break of any kind Java or MVEL might honour. */
    private static int lineEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return i;
            }
        }
        return text.length();
    }

    /** Index of the closing quote, skipping backslash escapes; -1 if there is none. */
    private static int quoteEnd(String text, int open) {
        char quote = text.charAt(open);
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return -1;
    }

    /** A number runs over letters, digits, dots and underscores (and an exponent's sign); its form is checked later. */
    private static int numberEnd(String text, int from) {
        int i = from + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            char previous = text.charAt(i - 1);
            boolean exponentSign = (c == '+' || c == '-') && (previous == 'e' || previous == 'E')
                    && !text.startsWith("0x", from) && !text.startsWith("0X", from);
            if (isNamePart(c) && c != '$' || c == '.' || exponentSign) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static String symbolAt(String text, int i) {
        for (String symbol : SYMBOLS) {
            if (text.startsWith(symbol, i)) {
                return symbol;
            }
        }
        return String.valueOf(text.charAt(i));
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || c >= '0' && c <= '9';
    }
}
