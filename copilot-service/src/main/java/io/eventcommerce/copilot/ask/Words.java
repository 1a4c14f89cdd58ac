package io.eventcommerce.copilot.ask;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question as words, each either still to be understood or already taken by something the parser recognised.
 * What is left at the end decides whether the parser understood the question: a word it does not know is never
 * skipped silently.
 */
final class Words {

    private static final Pattern TOKEN = Pattern.compile("\\d{4}-\\d{2}-\\d{2}|[\\p{L}\\p{N}&]+(?:'[\\p{L}]+)?|%");

    final List<String> raw = new ArrayList<>();
    final List<String> norm = new ArrayList<>();
    final boolean[] used;

    Words(String question) {
        Matcher m = TOKEN.matcher(question.replace('’', '\''));
        while (m.find()) {
            String w = m.group();
            if (w.endsWith("'s")) {
                w = w.substring(0, w.length() - 2);
            }
            raw.add(w);
            norm.add(w.toLowerCase(Locale.ROOT));
        }
        used = new boolean[norm.size()];
    }

    int size() {
        return norm.size();
    }

    String at(int i) {
        return i >= 0 && i < norm.size() ? norm.get(i) : "";
    }

    boolean free(int i) {
        return i >= 0 && i < used.length && !used[i];
    }

    /** The first free occurrence of the phrase (space-separated words), or -1. */
    int find(String phrase) {
        String[] parts = phrase.split(" ");
        outer:
        for (int i = 0; i + parts.length <= norm.size(); i++) {
            for (int k = 0; k < parts.length; k++) {
                if (used[i + k] || !norm.get(i + k).equals(parts[k])) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Takes the first free occurrence of any of the phrases, longest first as listed; its start or -1. */
    int take(String... phrases) {
        for (String phrase : phrases) {
            int at = find(phrase);
            if (at >= 0) {
                mark(at, phrase.split(" ").length);
                return at;
            }
        }
        return -1;
    }

    void mark(int from, int length) {
        for (int i = from; i < from + length; i++) {
            used[i] = true;
        }
    }

    String text(int from, int length) {
        return String.join(" ", norm.subList(from, from + length));
    }

    List<String> leftovers() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < norm.size(); i++) {
            if (!used[i]) {
                out.add(norm.get(i));
            }
        }
        return out;
    }
}
