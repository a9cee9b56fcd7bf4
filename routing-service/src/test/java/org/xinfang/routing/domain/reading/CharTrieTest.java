package org.xinfang.routing.domain.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CharTrieTest {

    @Test
    void findsTheLongestWordAtAPositionWithinTheGivenEnd() {
        CharTrie<Boolean> trie = new CharTrie<>();
        for (String w : List.of("爬上", "爬上楼顶", "楼顶", "上楼")) {
            trie.computeIfAbsent(w, () -> Boolean.TRUE);
        }
        assertThat(trie.longestAt("他爬上楼顶了", 1, 6, 2)).isEqualTo(4);
        assertThat(trie.longestAt("他爬上楼顶了", 1, 4, 2)).as("the end bounds the word").isEqualTo(2);
        assertThat(trie.longestAt("他爬上楼顶了", 0, 6, 2)).isZero();
        assertThat(trie.longestAt("爬", 0, 1, 2)).as("a prefix of a word is no word").isZero();
    }

    @Test
    void aWordLexiconFindsEntriesOnlyOnWordBoundariesLongestFirst() {
        WordLexicon<String> lexicon = new WordLexicon<String>().add("没有", "a", 1, "t").add("没有公示", "b", 3, "t")
                .add("公示", "c", 2, "t").add("有公", "d", 1, "t");
        Clause clause = new Clause(0, List.of(new Word("学校", null), new Word("没有", null), new Word("公示", null),
                new Word("名单", null)));
        List<WordLexicon.Match<String>> found = lexicon.find(clause);
        assertThat(found).extracting(WordLexicon.Match::text).containsExactly("没有公示");
        assertThat(found.get(0).first()).isEqualTo(1);
        assertThat(found.get(0).end()).isEqualTo(3);
        // An entry may span words however they were cut, as long as it begins and ends on boundaries.
        Clause apart = new Clause(0, List.of(new Word("没", null), new Word("有公", null), new Word("示", null)));
        assertThat(lexicon.find(apart)).extracting(WordLexicon.Match::text).containsExactly("没有公示");
        Clause inside = new Clause(0, List.of(new Word("没有公", null), new Word("开", null)));
        assertThat(lexicon.find(inside)).as("没有 ends inside a word").isEmpty();
    }
}
