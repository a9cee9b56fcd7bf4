package org.xinfang.routing.domain.reading;

import java.util.Arrays;

/**
 * Words spelled character by character, so that the readers find the longest known word at a position by walking
 * the text once instead of cutting a substring for every length and hashing it. The root has one slot per UTF-16
 * unit; below it each node keeps its few children in a small array. Not thread-safe while words are added; readers
 * only walk it.
 */
final class CharTrie<V> {

    /** One character's node: the value of the word ending here (or null), and the children. */
    static final class Node<V> {
        private char[] keys = new char[0];
        @SuppressWarnings("unchecked")
        private Node<V>[] children = new Node[0];
        V value;

        /** The child for {@code c}, or null. */
        Node<V> next(char c) {
            char[] k = keys;
            for (int i = 0; i < k.length; i++) {
                if (k[i] == c) {
                    return children[i];
                }
            }
            return null;
        }

        private Node<V> child(char c) {
            Node<V> found = next(c);
            if (found == null) {
                found = new Node<>();
                keys = Arrays.copyOf(keys, keys.length + 1);
                children = Arrays.copyOf(children, children.length + 1);
                keys[keys.length - 1] = c;
                children[children.length - 1] = found;
            }
            return found;
        }
    }

    @SuppressWarnings("unchecked")
    private final Node<V>[] root = new Node[Character.MAX_VALUE + 1];

    /** The value stored for {@code word}, creating it with {@code create} when there is none. */
    V computeIfAbsent(String word, java.util.function.Supplier<V> create) {
        Node<V> node = root[word.charAt(0)];
        if (node == null) {
            node = new Node<>();
            root[word.charAt(0)] = node;
        }
        for (int i = 1; i < word.length(); i++) {
            node = node.child(word.charAt(i));
        }
        if (node.value == null) {
            node.value = create.get();
        }
        return node.value;
    }

    /** The node of the first character {@code c}, or null when no word starts with it. */
    Node<V> first(char c) {
        return root[c];
    }

    /**
     * The length of the longest word of at least {@code minLength} characters that starts at {@code from} of
     * {@code text} and ends by {@code to}, or 0.
     */
    int longestAt(CharSequence text, int from, int to, int minLength) {
        Node<V> node = from < to ? root[text.charAt(from)] : null;
        int best = 0;
        for (int i = from + 1; node != null; i++) {
            if (node.value != null && i - from >= minLength) {
                best = i - from;
            }
            if (i >= to) {
                break;
            }
            node = node.next(text.charAt(i));
        }
        return best;
    }
}
